/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { StepLayoutReply, StepLayoutRequest } from './step-layout-messages';

// ELK's bundled build answers messages of its own when it finds itself in a worker; this worker
// speaks only the messages below.
self.onmessage = null;

const elk = new ELK();
const post = (reply: StepLayoutReply) => self.postMessage(reply);

self.addEventListener('message', (event: MessageEvent<StepLayoutRequest>) => {
  const { id, graph } = event.data;
  elk
    .layout(graph)
    .then((laid: ElkNode) => post({ id, laid }))
    .catch((error: unknown) => post({ id, failed: String(error) }));
});
