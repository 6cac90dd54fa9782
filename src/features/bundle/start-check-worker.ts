/**
 * Starts the web worker that checks a bundle. The one-file build replaces this module with
 * start-check-worker.single.ts (see tools/build/single-file.ts): a file opened from disk can
 * start no worker of its own, and bundling one would write a second file beside it.
 */
export function startCheckWorker(): Worker | null {
  return new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
}
