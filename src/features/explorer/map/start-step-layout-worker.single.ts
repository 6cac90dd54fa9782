/**
 * The one-file build's stand-in for start-step-layout-worker.ts: no worker, so a close-up is laid
 * out on the page (see step-layout-client.ts).
 */
export function startStepLayoutWorker(): Worker | null {
  return null;
}
