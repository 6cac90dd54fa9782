import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/features/bundle/check-bundle';
import {
  addConcept,
  addPassage,
  draftArticle,
  draftAtlas,
  draftBundle,
  labelOfQuote,
  newDraft,
  removeConcept,
  sectionedMarkdown,
  updateConcept,
  type Draft,
} from '../../src/model/draft';
import { conceptFields, conceptProblems, draftMapProblems } from '../../src/model/draft-problems';
import { riversAndTowns } from '../fixtures/draft-article';

const draftOf = (text = riversAndTowns, title = 'Rivers') =>
  newDraft({ id: 'd1', meta: { title, author: ' Ann ', source: '' }, text });

/** The words' place in the draft's article text, the n-th time they occur. */
function span(draft: Draft, words: string, nth = 0): [number, number] {
  const text = draftArticle(draft).text;
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(words, at + 1);
  return [at, at + words.length];
}

function made(draft: Draft, words: string, nth = 0) {
  const result = addConcept(draft, ...span(draft, words, nth));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('a draft made from an article', () => {
  it('makes its headings the sections, the first line its title', () => {
    expect(sectionedMarkdown(riversAndTowns).title).toBe('Rivers and towns');
    const draft = draftOf();
    expect(draft.sections.map((s) => [s.id, s.title, s.order])).toEqual([
      ['introduction', 'Introduction', 0],
      ['water', 'Water', 1],
      ['trade', 'Trade', 2],
      ['growth', 'Growth', 3],
    ]);
    expect(draft.meta).toEqual({ title: 'Rivers', author: 'Ann' });
    expect(draft.concepts).toEqual([]);
    expect(draftAtlas(draft).article.sectionCount).toBe(4);
  });

  it('reads # headings as sections too, and a text without headings as one section', () => {
    const hashes = newDraft({ id: 'd', meta: { title: 'T' }, text: '# One\n\nA.\n\n# Two\n\nB.' });
    expect(hashes.sections.map((s) => s.title)).toEqual(['Introduction', 'One', 'Two']);
    const plain = newDraft({ id: 'd', meta: { title: 'Plain' }, text: 'First.\r\n\r\nSecond.' });
    expect(plain.sections).toEqual([{ id: 'plain', title: 'Plain', order: 0 }]);
    expect(draftArticle(plain).blocks.map((b) => b.text)).toEqual(['First.', 'Second.']);
  });

  it('makes a concept of selected words, in the section where they stand', () => {
    const { draft, conceptId } = made(draftOf(), 'Boats carry goods on the river');
    expect(conceptId).toBe('boats-carry-goods-on-the-river');
    expect(draft.concepts).toEqual([
      {
        id: conceptId,
        label: 'Boats carry goods on the river',
        kind: 'idea',
        section: 'trade',
        summary: '',
        passages: [{ exact: 'Boats carry goods on the river' }],
      },
    ]);
    expect(draftAtlas(draft).nodes.some((node) => node.id === conceptId)).toBe(true);
  });

  it('quotes a repeated passage with just enough context, and keeps ids apart', () => {
    let draft = made(draftOf(), 'The river is a road').draft;
    const second = made(draft, 'The river is a road', 1);
    draft = second.draft;
    expect(second.conceptId).toBe('the-river-is-a-road-2');
    expect(draft.concepts.map((c) => c.passages[0])).toEqual([
      { exact: 'The river is a road', suffix: '.' },
      { exact: 'The river is a road', suffix: 'for' },
    ]);
    expect(draft.concepts.map((c) => c.section)).toEqual(['water', 'trade']);
  });

  it('shortens a long quote to a label', () => {
    expect(
      labelOfQuote('the engine of growth, and the chassis of the whole system it drives'),
    ).toBe('The engine of growth, and the');
    expect(labelOfQuote('Rivers carry water. Then more')).toBe('Rivers carry water');
  });

  it('adds a passage to a concept, edits and removes it', () => {
    const first = made(draftOf(), 'Rivers carry water');
    const more = addPassage(first.draft, first.conceptId, ...span(first.draft, 'rivers meet'));
    expect(more.ok && more.draft.concepts[0]?.passages).toEqual([
      { exact: 'Rivers carry water' },
      { exact: 'rivers meet' },
    ]);
    const again = addPassage(
      first.draft,
      first.conceptId,
      ...span(first.draft, 'Rivers carry water'),
    );
    expect(again).toEqual({
      ok: false,
      reason: '“Rivers carry water” already quotes these words.',
    });
    const edited = updateConcept(first.draft, first.conceptId, { label: 'Water', zh: undefined });
    expect(edited.concepts[0]?.label).toBe('Water');
    expect(removeConcept(edited, first.conceptId).concepts).toEqual([]);
  });
});

describe('the rules a draft concept is held to', () => {
  it('names each field a concept still lacks, as the schema and validator say', () => {
    const { draft, conceptId } = made(draftOf(), 'Rivers carry water');
    expect(conceptProblems(draft, conceptId)).toEqual([
      { field: 'summary', message: 'must not be empty' },
    ]);
    const copied = updateConcept(draft, conceptId, {
      label: ' ',
      summary: 'x',
      aliases: ['Streams', ''],
    });
    expect(conceptProblems(copied, conceptId)).toEqual([
      { field: 'label', message: 'must not be empty' },
    ]);
    const long = 'Boats carry goods on the river. The river is a road for trade';
    const copy = made(draft, long);
    const summarised = updateConcept(copy.draft, copy.conceptId, { summary: `In short: ${long}` });
    expect(conceptProblems(summarised, copy.conceptId)).toEqual([
      { field: 'summary', message: 'copies its passage; explain it in other words' },
    ]);
    const aliased = updateConcept(summarised, copy.conceptId, {
      summary: 'Trade goes by water.',
      aliases: ['rivers carry water'],
    });
    expect(conceptProblems(aliased, copy.conceptId)).toEqual([
      { field: 'aliases', item: 1, message: `"rivers carry water" also names "${conceptId}"` },
    ]);
  });
});

describe("a concept's problems on a map of many", () => {
  /** Four concepts whose names, former ids and speakers meet, then one that meets none. */
  function crowded(): Draft {
    let draft = draftOf();
    for (const words of [
      'Rivers carry water',
      'Boats carry goods',
      'The river is a road for trade',
      'Towns grow where rivers meet',
      'to the towns',
    ]) {
      draft = made(draft, words).draft;
    }
    const [water, boats, road, towns, alone] = draft.concepts.map((concept) => concept.id);
    const edits: Record<string, Parameters<typeof updateConcept>[2]> = {
      [water as string]: { aliases: ['Waterways'], formerIds: ['old-water'] },
      [boats as string]: {
        // Its first alias is another's label, its second was claimed first by "water".
        aliases: ['towns grow where rivers meet', 'waterways'],
        formerIds: ['old-water', road as string],
        kind: 'source',
      },
      [road as string]: {
        passages: [{ exact: 'The river is a road for trade', speaker: towns as string }],
      },
      [towns as string]: { aliases: ['Boats Carry Goods'] },
      [alone as string]: { aliases: ['Harbours'] },
    };
    for (const [id, edit] of Object.entries(edits)) {
      draft = updateConcept(draft, id, { summary: `About ${id}.`, ...edit });
    }
    return draft;
  }

  it('finds of each concept what the check of the whole map finds of it', () => {
    const draft = crowded();
    const whole = draftMapProblems(draft);
    expect(whole.length).toBeGreaterThan(3);
    draft.concepts.forEach((concept, index) => {
      const prefix = `concepts[${index}] (${concept.id}).`;
      // The form shows the problems of its own fields (a former id is none of them).
      const lines = whole.filter(
        (line) =>
          line.startsWith(prefix) &&
          (conceptFields as readonly string[]).includes(
            /^[a-z]+/i.exec(line.slice(prefix.length))?.[0] ?? '',
          ),
      );
      const own = conceptProblems(draft, concept.id);
      expect(own.map((problem) => problem.message)).toEqual(
        lines.map((line) => line.slice(line.indexOf(': ') + 2)),
      );
    });
    const boats = draft.concepts[1]?.id as string;
    expect(conceptProblems(draft, boats).map((problem) => problem.field)).toEqual([
      'aliases',
      'aliases',
    ]);
  });
});

describe('the map of a draft, drawn again after a change', () => {
  it('keeps the nodes and edges the change left alone, and draws the changed concept anew', () => {
    let draft = made(draftOf(), 'Rivers carry water').draft;
    draft = made(draft, 'Boats carry goods').draft;
    const [water, boats] = draft.concepts.map((concept) => concept.id) as [string, string];
    const before = draftAtlas(draft);
    const renamed = updateConcept(draft, boats, { label: 'Boats' });
    const after = draftAtlas(renamed, null, before);
    const node = (atlas: typeof before, id: string) => atlas.nodes.find((n) => n.id === id);
    expect(node(after, water)).toBe(node(before, water));
    expect(node(after, boats)).not.toBe(node(before, boats));
    expect(node(after, boats)?.data).toMatchObject({ label: 'Boats' });
    // The same map drawn afresh, only with fewer new objects.
    expect(after.nodes).toEqual(draftAtlas(renamed).nodes);
  });

  it('finds a passage again only when its concept quotes other words', () => {
    const first = made(draftOf(), 'Rivers carry water');
    const again = addPassage(
      first.draft,
      first.conceptId,
      ...span(first.draft, 'Boats carry goods'),
    );
    if (!again.ok) throw new Error(again.reason);
    const text = draftArticle(again.draft).text;
    const quoted = (draft: Draft) =>
      draftAtlas(draft)
        .anchors.get(first.conceptId)
        ?.map((p) => text.slice(p.start, p.end));
    expect(quoted(first.draft)).toEqual(['Rivers carry water']);
    expect(quoted(again.draft)).toEqual(['Rivers carry water', 'Boats carry goods']);
    const renamed = updateConcept(again.draft, first.conceptId, { label: 'Water and boats' });
    expect(quoted(renamed)).toEqual(['Rivers carry water', 'Boats carry goods']);
  });
});

describe('a draft as a bundle', () => {
  it('opens as "Open map…" opens a file, with its concepts and article', () => {
    let draft = made(draftOf(), 'Rivers carry water').draft;
    draft = made(draft, 'The river is a road', 1).draft;
    draft = {
      ...draft,
      meta: { ...draft.meta, source: 'https://example.org/rivers', published: '2026-01-02' },
      concepts: draft.concepts.map((c) => ({ ...c, summary: `About ${c.id}.` })),
    };
    expect(draftMapProblems(draft)).toEqual([]);
    const checked = checkContent(JSON.stringify(draftBundle(draft)));
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.graph.concepts.map((c) => c.id)).toEqual([
      'rivers-carry-water',
      'the-river-is-a-road',
    ]);
    expect(checked.article.meta).toMatchObject({
      title: 'Rivers',
      author: 'Ann',
      published: '2026-01-02',
      source: 'https://example.org/rivers',
    });
    expect(checked.graph.meta.source).toEqual({
      url: 'https://example.org/rivers',
      published: '2026-01-02',
    });
  });

  it('says what keeps an unfinished draft from opening', () => {
    const draft = made(draftOf(), 'Rivers carry water').draft;
    expect(draftMapProblems(draft)).toEqual([
      'concepts[0] (rivers-carry-water).summary: must not be empty',
    ]);
    expect(draftMapProblems(draftOf())).toEqual([expect.stringMatching(/^concepts: /)]);
  });
});
