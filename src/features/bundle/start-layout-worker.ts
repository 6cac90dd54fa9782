/**
 * Starts the web worker that lays a bundle out. The one-file build replaces this module with
 * start-layout-worker.single.ts (see tools/build/single-file.ts): a file opened from disk can
 * start no worker of its own, and bundling one would write a second file beside it.
 */
export function startLayoutWorker(): Worker | null {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}
