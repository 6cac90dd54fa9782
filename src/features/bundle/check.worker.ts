/// <reference lib="webworker" />
import { checkContent } from './check-bundle';
import type { CheckReply, CheckRequest } from './check-messages';

const post = (reply: CheckReply) => self.postMessage(reply);

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  try {
    post({
      type: 'done',
      result: checkContent(event.data.text, (step) => post({ type: 'step', step })),
    });
  } catch {
    // checkContent says every fault in words; this is only in case a reply cannot be sent.
    post({ type: 'failed' });
  }
});
