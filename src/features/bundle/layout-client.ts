import type { Anchors } from '../../model/anchor';
import type { Graph, Layout } from '../../model/schema';
import type { LayoutReply, LayoutRequest } from './layout-messages';
import { startLayoutWorker } from './start-layout-worker';

export type Progress = (done: number, total: number) => void;

/** Lays the map out on the page's own thread: for where workers cannot start, as from file://. */
async function layoutHere(
  graph: Graph,
  anchors: Anchors,
  onProgress: Progress,
  signal?: AbortSignal,
) {
  const { computeLayout } = await import('../../model/layout');
  signal?.throwIfAborted();
  return computeLayout(graph, anchors, onProgress);
}

/**
 * Lays the map out with ELK in a web worker, so that the page stays responsive, reporting sections
 * as they are done. Falls back to the page's thread when no worker can start, and in the one-file
 * build, which has none.
 */
export function layoutInBackground(
  graph: Graph,
  anchors: Anchors,
  onProgress: Progress,
  signal?: AbortSignal,
): Promise<Layout> {
  let worker: Worker | null;
  try {
    worker = startLayoutWorker();
  } catch {
    worker = null;
  }
  if (!worker) return layoutHere(graph, anchors, onProgress, signal);
  return new Promise<Layout>((resolve, reject) => {
    let started = false;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(signal?.reason ?? new DOMException('Cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', abort);
    worker.addEventListener('message', (event: MessageEvent<LayoutReply>) => {
      started = true;
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.done, reply.total);
      else if (reply.type === 'done') {
        finish();
        resolve(reply.layout);
      } else {
        finish();
        reject(new Error(reply.message));
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      // A worker that never ran (blocked, or not allowed here) falls back; one that failed did not.
      if (started) reject(new Error(event.message || 'The layout failed.'));
      else layoutHere(graph, anchors, onProgress, signal).then(resolve, reject);
    });
    const request: LayoutRequest = { graph, anchors: [...anchors] };
    worker.postMessage(request);
  });
}
