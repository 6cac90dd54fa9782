/**
 * The one-file build's stand-in for start-check-worker.ts: no worker, so a bundle is checked on
 * the page (see check-client.ts), still bounded by the article's pre-scans.
 */
export function startCheckWorker(): Worker | null {
  return null;
}
