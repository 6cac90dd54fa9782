/**
 * Runs `action` once the browser has painted what is rendered now (the next animation frame, then
 * a task), or `delay` ms after that, and returns a way to cancel it: for work that must not hold up
 * what the user just did.
 */
export function afterPaint(action: () => void, delay = 0): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(action, delay);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(action, delay);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
