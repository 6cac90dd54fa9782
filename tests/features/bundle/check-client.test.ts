import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckReply, CheckRequest } from '../../../src/features/bundle/check-messages';

/** A worker that does what the test says, when it says: no real thread, no real time. */
class FakeWorker extends EventTarget {
  requests: CheckRequest[] = [];
  terminated = false;
  postMessage(request: CheckRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: CheckReply) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail() {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

const workers: FakeWorker[] = [];
vi.mock('../../../src/features/bundle/start-check-worker', () => ({
  startCheckWorker: () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  },
}));

const { checkBudgetMs, checkInBackground } =
  await import('../../../src/features/bundle/check-client');

beforeEach(() => {
  vi.useFakeTimers();
  workers.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('checking a file in the background', () => {
  it('gives five seconds, and one more for each million characters', () => {
    expect(checkBudgetMs('{}')).toBe(5_000);
    expect(checkBudgetMs('a'.repeat(2_500_000))).toBe(7_000);
  });

  it('stops a check that outlasts its budget, and names the step it was at, in words', async () => {
    const verdict = checkInBackground('{"a": 1}');
    const worker = workers[0]!;
    expect(worker.requests).toEqual([{ text: '{"a": 1}' }]);
    worker.reply({ type: 'step', step: 'read the article' });
    let settled = false;
    void verdict.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const result = await verdict;
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^\(file\): checking it took more than 5 seconds/)],
    });
    expect(result.ok ? '' : result.problems[0]).toMatch(
      /at the step “read the article”.*simplify the formatting/,
    );
    expect(worker.terminated).toBe(true);
  });

  it('hands a chosen file to the worker unread, so that the page never decodes its text', async () => {
    const file = new Blob(['{"schemaVersion": 1}'], { type: 'application/json' });
    const verdict = checkInBackground(file);
    expect(workers[0]!.requests).toEqual([{ file }]);
    expect(workers[0]!.requests[0]).toHaveProperty('file', file);
    workers[0]!.reply({ type: 'done', result: { ok: false, problems: ['(map): is missing'] } });
    expect(await verdict).toEqual({ ok: false, problems: ['(map): is missing'] });
  });

  it('passes on the verdict of a check that finishes in time, and stops its worker', async () => {
    const verdict = checkInBackground('{}');
    await vi.advanceTimersByTimeAsync(4_000);
    workers[0]!.reply({ type: 'done', result: { ok: false, problems: ['(map): is missing'] } });
    expect(await verdict).toEqual({ ok: false, problems: ['(map): is missing'] });
    expect(workers[0]!.terminated).toBe(true);
    // The budget's timer was cleared with it: nothing else is said later.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops the worker when opening is cancelled', async () => {
    const controller = new AbortController();
    const verdict = checkInBackground('{}', controller.signal);
    controller.abort();
    await expect(verdict).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]!.terminated).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says in words that a file was too large when the worker gave out while checking it', async () => {
    const verdict = checkInBackground('{}');
    workers[0]!.reply({ type: 'step', step: 'read the file' });
    workers[0]!.fail();
    expect(await verdict).toEqual({
      ok: false,
      problems: ['(file): it is too large to check here'],
    });
  });

  it('checks on the page when the worker could not start at all', async () => {
    const verdict = checkInBackground('{}');
    workers[0]!.fail();
    const result = await verdict;
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/not a Concept Atlas map file/),
    ]);
  });
});
