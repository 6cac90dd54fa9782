import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPassage } from '../../src/model/anchor';
import {
  ORPHAN_REASONS,
  reanchorGraph,
  reanchorPassages,
  type Reanchored,
} from '../../src/model/reanchor';
import type { Graph, Passage } from '../../src/model/schema';

const article = [
  'Advanced manufacturing is the backbone of the modern industrial system.',
  'Traditional industries are the chassis; emerging industries are the engine.',
  'The engine drives the whole system forward, and the chassis carries it.',
].join('\n\n');

const one = (passage: Passage, oldText: string, newText: string): Reanchored =>
  reanchorPassages([passage], oldText, newText)[0] as Reanchored;

/** The words a result anchors to in the new text. */
const wordsAt = (text: string, result: Reanchored) =>
  result.status === 'orphan' ? null : text.slice(result.position.start, result.position.end);

describe('re-anchoring passages when the article changes', () => {
  it('keeps every passage as it was when the text is unchanged', () => {
    const passages: Passage[] = [
      { exact: 'the backbone' },
      { exact: 'the chassis', prefix: 'forward, and' },
      { exact: 'the engine', suffix: '.' },
    ];
    const results = reanchorPassages(passages, article, article);
    expect(results.map((r) => r.status)).toEqual(['exact', 'exact', 'exact']);
    results.forEach((result, i) => {
      expect(result).toMatchObject({ passage: passages[i], changed: false });
    });
  });

  it('finds a passage exactly after words are inserted before it', () => {
    const edited = article.replace('Traditional', 'In this plan, traditional');
    const result = one({ exact: 'the whole system forward' }, article, edited);
    expect(result).toMatchObject({ status: 'exact', changed: false });
    expect(wordsAt(edited, result)).toBe('the whole system forward');
  });

  it('follows a typo fixed inside a passage, quoting the words as they now read', () => {
    const old = article.replace('manufacturing is', 'manufacturng is');
    const result = one(
      { exact: 'Advanced manufacturng is the backbone', speaker: 'plan' },
      old,
      article,
    );
    expect(result).toEqual({
      status: 'fuzzy',
      passage: { exact: 'Advanced manufacturing is the backbone', speaker: 'plan' },
      position: { start: 0, end: 'Advanced manufacturing is the backbone'.length },
      errors: 1,
    });
  });

  it('widens a close match to whole words rather than cutting one', () => {
    const edited = article.replace('industrial system', 'industrial systems');
    const result = one({ exact: 'the modern industrial system' }, article, edited);
    // "system" alone is already in the text, and the words now end in "systems".
    expect(result.status).toBe('exact');
    const changed = one({ exact: 'modern industrial system.' }, article, edited);
    expect(changed).toMatchObject({
      status: 'fuzzy',
      passage: { exact: 'modern industrial systems.' },
    });
  });

  it('keeps a passage whose words are gone as an orphan, with the reason in words', () => {
    const passage: Passage = { exact: 'the chassis carries it', speaker: 'plan' };
    const edited = article.replace(', and the chassis carries it', '');
    expect(one(passage, article, edited)).toEqual({
      status: 'orphan',
      passage,
      reason: ORPHAN_REASONS.gone,
    });
  });

  it('adds a prefix or suffix to a quote that the edit made repeat', () => {
    const passage: Passage = { exact: 'the backbone' };
    const edited = article.replace('forward, and', 'forward, it is the backbone, and');
    const result = one(passage, article, edited);
    expect(result).toMatchObject({ status: 'exact', changed: true });
    if (result.status === 'orphan') return;
    expect(result.passage.exact).toBe('the backbone');
    expect(result.passage.prefix ?? result.passage.suffix).toBeDefined();
    expect(result.position.start).toBe(edited.indexOf('the backbone'));
    // The new selector is what the app anchors: it leads there and nowhere else.
    expect(anchorPassage(edited, result.passage)).toEqual({ ok: true, position: result.position });
  });

  it('says when a passage that had no place before still has none', () => {
    expect(one({ exact: 'no such words' }, article, `${article} More.`)).toMatchObject({
      status: 'orphan',
      reason: ORPHAN_REASONS.missing,
    });
    expect(one({ exact: '**' }, article, `${article} More.`)).toMatchObject({
      status: 'orphan',
      reason: ORPHAN_REASONS.empty,
    });
  });

  it('refuses a close match that now runs across two paragraphs', () => {
    const old = 'First paragraph ends here and the second one starts at once.';
    const edited = 'First paragraph ends here.\n\nAnd the second one starts at once.';
    const result = one({ exact: 'ends here and the second one' }, old, edited);
    expect(result).toMatchObject({ status: 'orphan', reason: ORPHAN_REASONS.split });
  });
});

describe('re-anchoring the whole map', () => {
  const graph = {
    schemaVersion: 1,
    meta: { title: 'T', source: { url: 'https://example.org', published: '2026-01-01' } },
    sections: [{ id: 's', title: 'S', order: 0 }],
    concepts: [
      {
        id: 'backbone',
        label: 'Backbone',
        kind: 'idea',
        section: 's',
        summary: 'x',
        passages: [{ exact: 'the backbone' }, { exact: 'manufacturng' }],
      },
      {
        id: 'chassis',
        label: 'Chassis',
        kind: 'metaphor',
        section: 's',
        summary: 'x',
        passages: [{ exact: 'the chassis carries it' }],
      },
      {
        id: 'engine',
        label: 'Engine',
        kind: 'metaphor',
        section: 's',
        summary: 'x',
        passages: [{ exact: 'emerging industries are the engine' }],
      },
    ],
    relations: [],
  } satisfies Graph;

  it('updates found passages, keeps orphans as they were and lists them by concept', () => {
    const old = article.replace('manufacturing', 'manufacturng');
    const edited = article.replace(', and the chassis carries it', '');
    const result = reanchorGraph(graph, old, edited);
    expect(result.counts).toEqual({ exact: 2, fuzzy: 1, orphan: 1 });
    expect(result.graph.concepts.map((c) => c.passages)).toEqual([
      [{ exact: 'the backbone' }, { exact: 'manufacturing' }],
      [{ exact: 'the chassis carries it' }],
      [{ exact: 'emerging industries are the engine' }],
    ]);
    // A concept whose passages all stand unchanged is the same object: nothing to redraw.
    expect(result.graph.concepts[2]).toBe(graph.concepts[2]);
    expect(result.orphans).toEqual([
      {
        conceptId: 'chassis',
        label: 'Chassis',
        passages: [
          { index: 0, passage: { exact: 'the chassis carries it' }, reason: ORPHAN_REASONS.gone },
        ],
      },
    ]);
    expect(result.results.get('backbone')?.map((r) => r.status)).toEqual(['exact', 'fuzzy']);
  });
});

/** Random prose of a few words, so that quotes repeat and context has work to do. */
const wordList = [
  'the',
  'system',
  'industry',
  'drives',
  'new',
  'quality',
  'forces',
  'and',
  'of',
  'engine',
  'green',
  'modern',
];
const prose = fc
  .array(fc.constantFrom(...wordList), { minLength: 60, maxLength: 300 })
  .map((words) => words.join(' '));
const insertion = fc.string({
  unit: fc.constantFrom('a', 'e', 'x', ' ', 'q'),
  minLength: 1,
  maxLength: 12,
});

/** A passage of `text` at [start, end) with the context that makes it unique, as the app stores it. */
function passageAt(text: string, start: number, end: number): Passage | undefined {
  const exact = text.slice(start, end);
  for (let width = 0; width <= 200; width += 4) {
    const prefix = text.slice(Math.max(0, start - width), start).trim();
    const suffix = text.slice(end, end + width).trim();
    const passage: Passage = {
      exact,
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
    };
    const anchored = anchorPassage(text, passage);
    if (anchored.ok && anchored.position.start === start) return passage;
  }
  return undefined;
}

/** A passage of whole words of the text: its start and end on word edges, a few words long. */
const passageOf = (text: string, first: number, count: number) => {
  const starts = [...text.matchAll(/\S+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const from = starts[first % starts.length] as { start: number; end: number };
  const to = starts[Math.min(starts.length - 1, (first % starts.length) + count)] as {
    end: number;
  };
  return { start: from.start, end: to.end };
};

/**
 * How far from a passage's place a repeat of its words may be taken instead: in a text that
 * repeats itself word for word ("the the the"), a repeat right beside the edited words can fit
 * as well as they do. A far place (the search reaches 256 characters and more) is never taken.
 */
const NEARBY = 32;

describe('re-anchoring, for any text and any small edit', () => {
  it('finds a passage exactly after an edit away from it', () => {
    fc.assert(
      fc.property(
        prose,
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        insertion,
        fc.integer({ min: 0, max: 8 }),
        (text, first, count, where, inserted, removed) => {
          const { start, end } = passageOf(text, first, count);
          const passage = passageAt(text, start, end);
          if (!passage) return;
          // An edit outside the passage and its context: before it or after it.
          const context = (passage.prefix?.length ?? 0) + (passage.suffix?.length ?? 0) + 2;
          const before = where % 2 === 0;
          const room = before ? start - context : text.length - (end + context);
          if (room <= removed) return;
          const at = before ? where % (room - removed) : end + context + (where % (room - removed));
          const edited = text.slice(0, at) + inserted + text.slice(at + removed);
          const result = one(passage, text, edited);
          expect(result.status).toBe('exact');
          expect(wordsAt(edited, result)).toBe(text.slice(start, end));
          if (result.status === 'orphan') return;
          expect(anchorPassage(edited, result.passage)).toEqual({
            ok: true,
            position: result.position,
          });
        },
      ),
      { numRuns: Number(process.env.REANCHOR_RUNS ?? 300) },
    );
  });

  it('after an edit inside a passage, finds it close by or keeps it as an orphan, never far away', () => {
    fc.assert(
      fc.property(
        prose,
        fc.nat(),
        fc.integer({ min: 2, max: 8 }),
        fc.nat(),
        insertion,
        fc.integer({ min: 0, max: 4 }),
        (text, first, count, where, inserted, removed) => {
          const { start, end } = passageOf(text, first, count);
          const passage = passageAt(text, start, end);
          if (!passage) return;
          const at = start + 1 + (where % Math.max(1, end - start - 1 - removed));
          const edited = text.slice(0, at) + inserted + text.slice(Math.min(end, at + removed));
          const newEnd = end + inserted.length - Math.min(removed, end - at);
          if (edited.slice(start, newEnd) === text.slice(start, end)) return;
          const result = one(passage, text, edited);
          if (result.status === 'orphan') {
            expect(result.passage).toBe(passage);
            return;
          }
          // Wherever it was found, it is where the passage now stands or just beside it.
          expect(result.position.start).toBeLessThan(newEnd + NEARBY);
          expect(result.position.end).toBeGreaterThan(start - NEARBY);
          expect(anchorPassage(edited, result.passage)).toEqual({
            ok: true,
            position: result.position,
          });
        },
      ),
      { numRuns: Number(process.env.REANCHOR_RUNS ?? 300) },
    );
  });
});
