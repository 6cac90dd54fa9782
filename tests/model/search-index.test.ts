import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../../src/model/article';
import {
  buildSearchIndex,
  buildSearchIndexInSteps,
  excerpt,
  type SearchIndex,
  tokenize,
  warmUp,
  warmUpQueries,
} from '../../src/model/search-index';
import type { Graph } from '../../src/model/schema';
import { checkGraph } from '../../src/model/validate';
import {
  fixtureMarkdown,
  makeCleanWater,
  makeConcept,
  makeGraph,
  makeRelation,
} from '../fixtures/atlas-fixture';
import { loadRealAtlas } from '../fixtures/real-atlas';

const longSummary =
  'A long explanation that keeps going for a while about cities, homes, streets, districts, ' +
  'neighbourhoods and the many other places where people live, before it finally mentions ' +
  'the aqueduct that the Romans built and then carries on for a little longer still.';

const searchGraph = makeGraph({
  concepts: [
    makeCleanWater(),
    makeConcept({
      id: 'pipes',
      label: 'Modern infrastructure',
      kind: 'pillar',
      section: 'pipes',
      aliases: ['plumbing', 'water mains'],
      summary: 'The network that carries water to every home.',
      passages: [{ exact: 'Water needs pipes.' }],
    }),
    makeConcept({
      id: 'veins',
      label: 'Veins of the city',
      kind: 'metaphor',
      section: 'pipes',
      aliases: ['lifeline'],
      summary: 'The author pictures the water network as the veins of a body.',
      passages: [{ exact: 'the veins of a city' }],
    }),
    makeConcept({
      id: 'rain',
      label: 'Rain',
      kind: 'example',
      section: 'rain',
      summary: longSummary,
      passages: [{ exact: 'Rain fills the reservoir.' }],
    }),
    makeConcept({
      id: 'productive-forces',
      label: 'New quality productive forces',
      zh: '新质生产力',
      summary: 'Growth that comes from innovation.',
      passages: [{ exact: 'Old pipes leak.', prefix: 'veins of a city.' }],
    }),
  ],
  relations: [
    makeRelation({ source: 'pipes', target: 'water' }),
    makeRelation({ source: 'veins', target: 'pipes' }),
    makeRelation({ source: 'rain', target: 'water' }),
    makeRelation({ source: 'productive-forces', target: 'water' }),
  ],
});

function indexOf(graph: Graph, markdown = fixtureMarkdown) {
  const article = parseArticle(markdown);
  const checked = checkGraph(graph, article);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return buildSearchIndex(checked.graph, article, checked.anchors);
}

const index = indexOf(searchGraph);
const ids = (query: string) => index.search(query).map((hit) => hit.id);

describe('tokenize', () => {
  it('splits words on spaces and punctuation, and CJK runs into characters and bigrams', () => {
    expect(tokenize('Hard-soft “5G”新质生产')).toEqual([
      'Hard',
      'soft',
      '5G',
      '新',
      '质',
      '生',
      '产',
      '新质',
      '质生',
      '生产',
    ]);
  });
});

describe('buildSearchIndex', () => {
  it('ranks a label match above matches in other fields of other concepts', () => {
    const water = index.search('water');
    expect(water[0]).toMatchObject({ id: 'water', field: 'label', snippet: 'Clean water' });
    // "water" is in the pipes' alias, summary and passage, and in the veins' summary.
    expect(water.find((hit) => hit.id === 'pipes')?.field).toBe('alias');
    expect(water.find((hit) => hit.id === 'veins')?.field).toBe('summary');
  });

  it('reports the hit’s label, kind and a positive score, best first', () => {
    const hits = index.search('water');
    expect(hits[0]).toMatchObject({ label: 'Clean water', kind: 'thesis' });
    const scores = hits.map((hit) => hit.score);
    expect(scores.every((score) => score > 0)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('builds the same index in small steps, for a large map', async () => {
    const article = parseArticle(fixtureMarkdown);
    const checked = checkGraph(searchGraph, article);
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const stepped = await buildSearchIndexInSteps(checked.graph, article, checked.anchors);
    for (const query of ['water', 'pi', 'veins city', '清洁', 'aqeduct']) {
      expect(stepped.search(query)).toEqual(index.search(query));
    }
  });

  it('looks up a short list in full, more ids for the map, and the number of matches', () => {
    const all = index.search('water');
    expect(all.length).toBeGreaterThan(2);
    const lookup = index.lookup('water', 1, 2);
    expect(lookup.hits).toEqual(all.slice(0, 1));
    expect(lookup.ids).toEqual(all.slice(0, 2).map((hit) => hit.id));
    expect(lookup.total).toBe(all.length);
    expect(index.ids('water')).toEqual(all.map((hit) => hit.id));
  });

  it('looks for a word of one or two letters in names and aliases only', () => {
    // "ne" starts "New" in a label and "network" in the pipes' summary.
    expect(ids('ne')).toEqual(['productive-forces']);
    // "li" starts the veins' alias "lifeline", and "live" only in the water's summary.
    expect(ids('li')).toEqual(['veins']);
    // Three letters look everywhere again.
    expect(ids('net')).toEqual(['pipes', 'veins']);
  });

  it('ignores case', () => {
    expect(ids('VEINS OF THE CITY')[0]).toBe('veins');
  });

  it('finds an alias and shows that alias as the snippet', () => {
    expect(index.search('plumbing')).toEqual([
      expect.objectContaining({ id: 'pipes', field: 'alias', snippet: 'plumbing' }),
    ]);
    expect(index.search('lifeline')[0]).toMatchObject({ id: 'veins', field: 'alias' });
  });

  it('finds the Chinese name', () => {
    expect(index.search('清洁')[0]).toMatchObject({
      id: 'water',
      field: 'zh',
      snippet: '清洁用水',
    });
  });

  it('finds words of the summary', () => {
    expect(index.search('innovation')[0]).toMatchObject({
      id: 'productive-forces',
      field: 'summary',
      snippet: 'Growth that comes from innovation.',
    });
  });

  it('finds words of a quoted passage', () => {
    expect(index.search('reservoir')[0]).toMatchObject({
      id: 'rain',
      field: 'passage',
      snippet: 'Rain fills the reservoir.',
    });
  });

  it('forgives a small typo in a long word', () => {
    expect(ids('infrastucture')).toEqual(['pipes']);
    expect(ids('lifelin')).toEqual(['veins']);
  });

  it('does not guess at short words', () => {
    expect(ids('rian')).toEqual([]);
  });

  it('completes a half-typed word, for results while typing', () => {
    expect(ids('infra')).toEqual(['pipes']);
    expect(ids('veins of the ci')[0]).toBe('veins');
    expect(index.search('plumb')[0]).toMatchObject({ id: 'pipes', field: 'alias' });
  });

  it('finds a Chinese substring of a concept’s Chinese name', () => {
    expect(index.search('新质')).toEqual([
      expect.objectContaining({ id: 'productive-forces', field: 'zh', snippet: '新质生产力' }),
    ]);
    expect(ids('生产力')).toEqual(['productive-forces']);
    expect(ids('用水')).toEqual(['water']);
  });

  it('requires every word, and falls back to any word when no concept has them all', () => {
    expect(ids('water').length).toBeGreaterThan(2);
    expect(ids('water network').sort()).toEqual(['pipes', 'veins']);
    expect(ids('lifeline plumbing').sort()).toEqual(['pipes', 'veins']);
  });

  it('says which field holds most of the query, preferring the label on a tie', () => {
    expect(index.search('water mains')[0]).toMatchObject({ id: 'pipes', field: 'alias' });
    expect(index.search('veins city')[0]).toMatchObject({ id: 'veins', field: 'label' });
  });

  it('cuts a long field down to a snippet around the match', () => {
    const [hit] = index.search('aqueduct');
    expect(hit?.field).toBe('summary');
    expect(hit?.snippet).toContain('aqueduct');
    expect(hit?.snippet.startsWith('…')).toBe(true);
    expect(hit?.snippet.length).toBeLessThanOrEqual(120);
    expect(longSummary.length).toBeGreaterThan(120);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search(' — ')).toEqual([]);
  });

  it('returns at most `limit` hits', () => {
    expect(index.search('water').length).toBeGreaterThan(2);
    expect(index.search('water', 2)).toHaveLength(2);
  });
});

describe('excerpt', () => {
  it('keeps short text whole and marks each cut side of long text', () => {
    expect(excerpt('short text', 3)).toBe('short text');
    const text = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const middle = excerpt(text, text.indexOf('word30'), 'word30'.length);
    expect(middle).toMatch(/^….*word30.*…$/);
    expect(middle.length).toBeLessThanOrEqual(120);
    expect(excerpt(text).startsWith('word0 ')).toBe(true);
  });
});

describe('search over the real data', () => {
  const realAtlas = loadRealAtlas();
  const { graph, article, anchors } = realAtlas;
  const real = buildSearchIndex(graph, article, anchors);
  const first = (query: string) => {
    const [hit] = real.search(query);
    return { hit, concept: graph.concepts.find((c) => c.id === hit?.id) };
  };

  it('puts the chassis metaphor first for "chassis"', () => {
    const { hit, concept } = first('chassis');
    expect(concept?.kind).toBe('metaphor');
    expect(concept?.label.toLowerCase()).toContain('chassis');
    expect(hit?.field).toBe('label');
  });

  it('puts the meridians metaphor first for "meridian"', () => {
    const { concept } = first('meridian');
    expect(concept?.kind).toBe('metaphor');
    expect(concept?.label.toLowerCase()).toContain('meridian');
    expect(real.search('meridian').length).toBeGreaterThan(1);
  });

  it('keeps every snippet short', () => {
    for (const query of ['industrial system', 'infrastructure', 'the', '新']) {
      for (const hit of real.search(query)) expect(hit.snippet.length).toBeLessThanOrEqual(120);
    }
  });
});

describe('warming up the search', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes every path a typed word takes, each finding the concept it came from', () => {
    const queries = warmUpQueries(searchGraph);
    // From "Modern infrastructure", the first label with a word of six letters or more.
    expect(queries).toEqual(['m', 'mo', 'mod', 'moder', 'modern', 'moern']);
    for (const query of queries) expect(index.ids(query)).toContain('pipes');
  });

  it('runs the queries a few times, one per idle moment, until stopped', () => {
    vi.useFakeTimers();
    const later = (next: () => void) => {
      const timer = setTimeout(next, 0);
      return () => clearTimeout(timer);
    };
    const lookup = vi.fn((_query: string) => ({ hits: [], ids: [], total: 0 }));
    const spy = { lookup } as unknown as SearchIndex;
    const stop = warmUp(spy, searchGraph, later);
    expect(lookup).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(lookup).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(lookup).toHaveBeenCalledTimes(30);
    expect(lookup.mock.calls.slice(0, 6).map(([query]) => query)).toEqual(
      warmUpQueries(searchGraph),
    );

    lookup.mockClear();
    const stopEarly = warmUp(spy, searchGraph, later);
    vi.advanceTimersToNextTimer();
    stopEarly();
    vi.runAllTimers();
    expect(lookup).toHaveBeenCalledTimes(1);
    stop();
  });
});
