import { checkHere, type CheckStep, type ContentCheck } from './check-bundle';
import type { CheckReply, CheckRequest } from './check-messages';
import { startCheckWorker } from './start-check-worker';

/**
 * How long checking may take before it is stopped: five seconds, and one more for each million
 * characters, so that the largest allowed files still get their turn on a slow machine while a
 * small file built to be costly gets its verdict within seconds.
 */
export const checkBudgetMs = (input: string | Blob) =>
  5_000 + Math.floor((typeof input === 'string' ? input.length : input.size) / 1_000_000) * 1_000;

/** What the user can change when a step was too costly to finish. */
const remedies: Record<CheckStep, string> = {
  'read the file':
    'the file holds very many items; a map of its size may simply be too large to open here',
  'read the article':
    'its Markdown is unusually complex (long runs of *, _, ` or >, or very many link definitions); simplify the formatting or split the article',
  'check the map':
    'its passages are very many or very repetitive; give the repeated quotes a prefix or suffix, or split the map',
  'check the tours': 'its tours are very many or very long; split them',
};

function tooCostly(step: CheckStep, budget: number): ContentCheck {
  return {
    ok: false,
    problems: [
      `(file): checking it took more than ${Math.round(budget / 1000)} seconds (at the step “${step}”), so it was stopped: ${remedies[step]}`,
    ],
  };
}

const cancelled = (signal?: AbortSignal) =>
  signal?.reason ?? new DOMException('Opening was cancelled.', 'AbortError');

/**
 * Checks a bundle's text in a web worker, so that the page answers and Cancel works however costly
 * the file is. A check that outlasts its budget is stopped and said to be too costly. Where no
 * worker can start (a page opened from file://), the text is checked here, on the page's thread.
 */
export function checkInBackground(
  input: string | Blob,
  signal?: AbortSignal,
  budgetMs = checkBudgetMs(input),
): Promise<ContentCheck> {
  signal?.throwIfAborted();
  let started: Worker | null;
  try {
    started = startCheckWorker();
  } catch {
    started = null;
  }
  if (!started) return checkHere(input);
  const worker = started;
  return new Promise<ContentCheck>((resolve, reject) => {
    let step: CheckStep = 'read the file';
    let started = false;
    const finish = () => {
      clearTimeout(timer);
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(cancelled(signal));
    };
    const timer = setTimeout(() => {
      finish();
      resolve(tooCostly(step, budgetMs));
    }, budgetMs);
    signal?.addEventListener('abort', abort);
    worker.addEventListener('message', (event: MessageEvent<CheckReply>) => {
      started = true;
      const reply = event.data;
      if (reply.type === 'step') {
        step = reply.step;
        return;
      }
      finish();
      if (reply.type === 'done') resolve(reply.result);
      else resolve({ ok: false, problems: ['(file): it could not be checked; please try again'] });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      // A worker that never ran (blocked, or not allowed here) falls back to this thread; one that
      // ran out of memory or stack on a stranger's file has its verdict.
      if (started) resolve({ ok: false, problems: [`(file): it is too large to check here`] });
      else resolve(checkHere(input));
    });
    const request: CheckRequest = typeof input === 'string' ? { text: input } : { file: input };
    worker.postMessage(request);
  });
}
