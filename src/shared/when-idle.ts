/**
 * Runs `action` when the browser is next idle, or after `timeout` ms at the latest, and returns a
 * way to cancel it. Where there is no idle callback it runs after `fallback` ms: by default at
 * once, in a task of its own.
 */
export function whenIdle(action: () => void, timeout: number, fallback = 0): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(action, fallback);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(action, { timeout });
  return () => cancelIdleCallback(handle);
}
