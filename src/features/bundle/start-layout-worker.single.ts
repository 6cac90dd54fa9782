/**
 * The one-file build's stand-in for start-layout-worker.ts: no worker, so a bundle is laid out on
 * the page (see layout-client.ts), with the same progress shown.
 */
export function startLayoutWorker(): Worker | null {
  return null;
}
