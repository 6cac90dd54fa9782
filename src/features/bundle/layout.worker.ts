/// <reference lib="webworker" />
import { computeLayout } from '../../model/layout';
import type { LayoutRequest, LayoutReply } from './layout-messages';

// ELK's bundled build answers messages of its own when it finds itself in a worker; this worker
// speaks only the messages below.
self.onmessage = null;

const post = (reply: LayoutReply) => self.postMessage(reply);

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  const { graph, anchors } = event.data;
  computeLayout(graph, new Map(anchors), (done, total) => post({ type: 'progress', done, total }))
    .then((layout) => post({ type: 'done', layout }))
    .catch((error: unknown) => post({ type: 'failed', message: String(error) }));
});
