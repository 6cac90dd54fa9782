/**
 * Starts the web worker that lays a tour step's close-up out. The one-file build replaces this
 * module with start-step-layout-worker.single.ts (see tools/build/single-file.ts): a file opened
 * from disk can start no worker of its own.
 */
export function startStepLayoutWorker(): Worker | null {
  return new Worker(new URL('./step-layout.worker.ts', import.meta.url), { type: 'module' });
}
