import { afterEach, describe, expect, it, vi } from 'vitest';
import { nameOfUrl } from '../../../src/features/bundle/open';
import {
  fetchBundle,
  readBundleFile,
  shortAddress,
} from '../../../src/features/bundle/read-source';
import { problemInWords } from '../../../src/model/problem-words';
import { outOfRange } from '../../../src/model/positions';
import { makeGraph } from '../../fixtures/atlas-fixture';
import { fileClaiming } from '../../fixtures/bundle-fixture';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('fetching a bundle', () => {
  it('stops waiting for a server that sends nothing, and says so with a way to try again', async () => {
    vi.useFakeTimers();
    // A body that never ends: the server sends its headers and then nothing. As a real fetch
    // does, aborting its signal ends the body with an error.
    vi.stubGlobal('fetch', (_url: URL, init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('The operation was aborted.', 'AbortError')),
          );
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    });
    const result = fetchBundle(new URL('https://school.example/slow.json'), { timeoutMs: 30_000 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await result).toEqual({
      ok: false,
      transient: true,
      problems: [
        '(address): https://school.example/slow.json sent nothing for 30 seconds, so opening it was stopped; try again',
      ],
    });
  });

  it('says in words that a body was cut short', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"schemaVersion":'));
        controller.error(new TypeError('network error'));
      },
    });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(body, { status: 200 })));
    const result = await fetchBundle(new URL('https://school.example/cut.json'));
    expect(result).toEqual({
      ok: false,
      transient: true,
      problems: [
        '(address): https://school.example/cut.json stopped sending the map before its end; try again',
      ],
    });
  });

  it('says the limit exactly when a file is just over it', async () => {
    expect(await readBundleFile(fileClaiming(20 * 1024 * 1024 + 1))).toEqual({
      ok: false,
      problems: ['(file): the file is 20,971,521 bytes; the limit is 20,971,520 bytes (20 MB)'],
    });
  });

  it('shortens long addresses in messages, and names an address with a stray %', () => {
    const long = `https://school.example/${'x'.repeat(8000)}.json`;
    const short = shortAddress(long);
    expect([...short]).toHaveLength(80);
    expect(short).toMatch(/^https:\/\/school\.example\/x+…x+\.json$/);
    expect(nameOfUrl('maps/100%.json', 'https://school.example/')).toBe('100%.json');
    expect([...nameOfUrl(long, 'https://school.example/')].length).toBeLessThanOrEqual(80);
  });
});

describe('problems in words', () => {
  it('says a place for a teacher and keeps the place in the file beside it', () => {
    expect(problemInWords('graph.concepts[11] (steel).label: is missing')).toEqual({
      words: 'Concept 12 (“steel”), label: is missing',
      place: 'graph.concepts[11] (steel).label',
    });
    // A stranger's key is a place like any other, never a name an object already has.
    expect(problemInWords('__proto__: this key is not allowed')).toEqual({
      words: '__proto__: this key is not allowed',
      place: '',
    });
    expect(problemInWords('(file): the file is empty')).toEqual({
      words: 'The file is empty',
      place: '',
    });
  });
});

describe('positions', () => {
  it('finds a position too far to draw, and says which concept has it', () => {
    const graph = makeGraph();
    expect(outOfRange(graph)).toBeNull();
    const far = makeGraph({
      concepts: graph.concepts.map((concept, index) =>
        index === 1 ? { ...concept, position: { x: 1e308, y: 0 } } : concept,
      ),
    });
    expect(outOfRange(far)).toMatch(
      /^Concept 2, “[^”]+”, is placed at x 1e\+308, y 0: too far away/,
    );
  });
});
