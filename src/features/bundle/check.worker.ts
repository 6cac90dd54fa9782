/// <reference lib="webworker" />
import { checkContent } from './check-bundle';
import type { CheckReply, CheckRequest } from './check-messages';
import { textOf, UNREADABLE_FILE } from './read-source';

const post = (reply: CheckReply) => self.postMessage(reply);

self.addEventListener('message', async (event: MessageEvent<CheckRequest>) => {
  try {
    // A file is read here, off the page's thread: decoding megabytes there would hold it up.
    const text = await textOf('file' in event.data ? event.data.file : event.data.text);
    post({
      type: 'done',
      result:
        text === null
          ? { ok: false, problems: [UNREADABLE_FILE] }
          : checkContent(text, (step) => post({ type: 'step', step })),
    });
  } catch {
    // checkContent says every fault in words; this is only in case a reply cannot be sent.
    post({ type: 'failed' });
  }
});
