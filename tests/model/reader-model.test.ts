import { describe, expect, it } from 'vitest';
import {
  blocksThrough,
  buildReaderModel,
  firstPassageStart,
  locatePassage,
} from '../../src/model/reader-model';
import { makeConcept, makeGraph, makeRelation } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';
import { readerGraph, readerMarkdown } from '../fixtures/reader-fixture';

const atlas = await fixtureAtlas(readerGraph(), readerMarkdown);
const model = buildReaderModel(atlas);

/** The runs of the block that holds `words`, as [text, concept ids] pairs. */
function runsOf(words: string) {
  const found = model.blocks.find(({ block }) => block.text.includes(words));
  return found?.runs.map((run) => [run.text, run.conceptIds.join(' ')]);
}

describe('buildReaderModel', () => {
  it('keeps every block of the article, in order', () => {
    expect(model.blocks.map(({ block }) => block.id)).toEqual(
      atlas.article.blocks.map((block) => block.id),
    );
  });

  it('cuts each block into runs at the passages the map quotes', () => {
    expect(runsOf('veins')).toEqual([
      ['Pipes are ', ''],
      ['the veins of a city', 'veins'],
      ['. ', ''],
      ['Old pipes leak.', 'leaks'],
    ]);
    expect(runsOf('reservoir')).toEqual([
      ['Rain fills the reservoir.', 'rain reservoir'],
      [' ', ''],
      ['Old pipes leak.', 'leaks'],
    ]);
  });

  it('places each run at its offset in the article, which names its mark', () => {
    for (const { block, runs } of model.blocks) {
      expect(runs[0]?.start).toBe(block.start);
      for (const run of runs) {
        expect(atlas.article.text.slice(run.start, run.start + run.text.length)).toBe(run.text);
      }
    }
  });

  it('knows which concepts each block quotes', () => {
    const quoting = model.blocks.map(({ conceptIds }) => [...conceptIds].sort().join(' '));
    expect(quoting).toContain('leaks veins');
    expect(quoting).toContain('leaks rain reservoir');
    // The title, the three headings and the paragraph nobody quotes.
    expect(quoting.filter((ids) => ids === '')).toHaveLength(5);
  });

  it('names each concept with its kind in words', () => {
    expect(model.concepts.get('reservoir')).toEqual({ label: 'The reservoir', kind: 'Idea' });
  });

  it('says what each passage is about, once for every set of concepts sharing one', () => {
    expect(model.abouts.get('veins')).toBe('Passage about veins');
    expect(model.abouts.get('rain--reservoir')).toBe(
      'Passage about 2 concepts: Rain and The reservoir',
    );
    expect([...model.abouts.keys()].sort()).toEqual([
      'leaks',
      'pipes',
      'rain--reservoir',
      'veins',
      'water',
    ]);
  });

  it('lists three or more concepts with commas and a final "and"', async () => {
    const shared = (id: string, label: string) =>
      makeConcept({ id, label, passages: [{ exact: 'Cities need water.' }] });
    const graph = makeGraph({
      concepts: [
        ...makeGraph().concepts.filter((c) => c.id !== 'water'),
        shared('water', 'Water'),
        shared('thirst', 'Thirst'),
        shared('cities', 'Cities'),
      ],
      relations: [
        ...makeGraph().relations,
        makeRelation({ source: 'thirst', target: 'water' }),
        makeRelation({ source: 'cities', target: 'water' }),
      ],
    });
    const abouts = buildReaderModel(await fixtureAtlas(graph)).abouts;
    expect([...abouts.values()]).toContain('Passage about 3 concepts: Cities, Thirst and Water');
  });

  it('counts the paragraphs the map quotes', () => {
    expect([model.covered, model.total]).toEqual([3, 4]);
  });

  it('keeps its blocks for a map whose concepts change only in their words', () => {
    const leaks = atlas.conceptById.get('leaks')!;
    const renamed = { ...leaks, label: 'Lost water' };
    const retitled = {
      ...atlas,
      graph: {
        ...atlas.graph,
        concepts: atlas.graph.concepts.map((c) => (c.id === 'leaks' ? renamed : c)),
      },
      conceptById: new Map([...atlas.conceptById, ['leaks', renamed]]),
    };
    const next = buildReaderModel(retitled);
    // The reader draws no paragraph again: each block is the one it had.
    expect(next.blocks).toBe(model.blocks);
    expect([...next.abouts.values()]).toContain('Passage about Lost water');
    expect(next.concepts.get('leaks')?.label).toBe('Lost water');
    // Other passages are other blocks.
    const moved = { ...atlas, anchors: new Map(atlas.anchors) };
    expect(buildReaderModel(moved).blocks).not.toBe(model.blocks);
  });
});

describe('finding passages', () => {
  const [first, second] = atlas.anchors.get('leaks')!;

  it('finds where a concept is first quoted', () => {
    expect(firstPassageStart(atlas, 'leaks')).toBe(Math.min(first!.start, second!.start));
    expect(firstPassageStart(atlas, 'nowhere')).toBeUndefined();
  });

  it('locates a passage by its number, with the block that holds it', () => {
    const located = locatePassage(atlas, 'leaks', 1);
    expect(located).toEqual({ conceptId: 'leaks', ...second, blockId: expect.any(String) });
    const block = atlas.article.blocks.find((b) => b.id === located?.blockId);
    expect(block?.text).toContain('Rain fills the reservoir.');
    expect(locatePassage(atlas, 'leaks', 2)).toBeNull();
    expect(locatePassage(atlas, 'nowhere', 0)).toBeNull();
  });

  it('counts the blocks up to the one that holds an offset', () => {
    expect(blocksThrough(model, 0)).toBe(1);
    const last = model.blocks.at(-1)!.block;
    expect(blocksThrough(model, last.start)).toBe(model.blocks.length);
  });
});
