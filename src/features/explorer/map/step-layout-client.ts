import type { ElkNode } from 'elkjs/lib/elk-api';
import { elkOnThisThread } from '../../../model/step-graph-layout';
import type { StepLayoutReply, StepLayoutRequest } from './step-layout-messages';
import { startStepLayoutWorker } from './start-step-layout-worker';

let worker: Worker | null | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (laid: ElkNode) => void; graph: ElkNode }>();

function started(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = startStepLayoutWorker();
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', (event: MessageEvent<StepLayoutReply>) => {
    const reply = event.data;
    const asked = waiting.get(reply.id);
    if (!asked) return;
    waiting.delete(reply.id);
    if ('laid' in reply) asked.resolve(reply.laid);
    else void elkOnThisThread(asked.graph).then(asked.resolve);
  });
  worker?.addEventListener('error', (event) => {
    // A worker that cannot run here (not allowed, or out of memory): the page lays out instead.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const asked of waiting.values()) void elkOnThisThread(asked.graph).then(asked.resolve);
    waiting.clear();
  });
  return worker;
}

/**
 * Lays a close-up's graph out with ELK in a web worker, so that stepping through a tour never
 * waits on the page for it (ELK takes tenths of a second on a slow laptop); on the page where no
 * worker can start.
 */
export function layOutInBackground(graph: ElkNode): Promise<ElkNode> {
  const running = started();
  if (!running) return elkOnThisThread(graph);
  return new Promise((resolve) => {
    const id = (next += 1);
    waiting.set(id, { resolve, graph });
    const request: StepLayoutRequest = { id, graph };
    running.postMessage(request);
  });
}
