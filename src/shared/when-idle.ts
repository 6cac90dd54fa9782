/**
 * Runs `action` when the browser is next idle, or after `timeout` ms at the latest (at once, in
 * a task of its own, where there is no idle callback), and returns a way to cancel it.
 */
export function whenIdle(action: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(action, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(action, { timeout });
  return () => cancelIdleCallback(handle);
}
