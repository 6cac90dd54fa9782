import { describe, expect, it } from 'vitest';
import { parseArticle, type Block } from '../../src/model/article';
import { coverage, marksByBlock, segmentBlock, type Mark } from '../../src/model/passages';
import type { Anchors } from '../../src/model/anchor';
import { checkGraph } from '../../src/model/validate';
import { fixtureMarkdown, makeGraph } from '../fixtures/atlas-fixture';
import { loadRealAtlas } from '../fixtures/real-atlas';

/** A block that does not start the article, so offsets inside and outside it differ. */
const block: Block = {
  id: 'b3',
  type: 'paragraph',
  text: 'Pipes are the veins of a city. Old pipes leak.',
  start: 100,
  end: 146,
  sectionIndex: 1,
};

/** The mark of a phrase of the block, in article offsets. */
function mark(conceptId: string, phrase: string): Mark {
  const at = block.text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the block`);
  return { conceptId, start: block.start + at, end: block.start + at + phrase.length };
}

const pairs = (marks: Mark[]) =>
  segmentBlock(block, marks).map((s) => [s.text, s.conceptIds.join(' ')]);

describe('segmentBlock', () => {
  it('keeps a block without passages as one plain segment', () => {
    expect(segmentBlock(block, [])).toEqual([{ text: block.text, conceptIds: [] }]);
  });

  it('splits around one passage', () => {
    expect(pairs([mark('veins', 'the veins of a city')])).toEqual([
      ['Pipes are ', ''],
      ['the veins of a city', 'veins'],
      ['. Old pipes leak.', ''],
    ]);
  });

  it('gives the overlap of two passages both concepts, sorted by id', () => {
    expect(pairs([mark('veins', 'veins of a city.'), mark('city', 'a city. Old pipes')])).toEqual([
      ['Pipes are the ', ''],
      ['veins of ', 'veins'],
      ['a city.', 'city veins'],
      [' Old pipes', 'city'],
      [' leak.', ''],
    ]);
  });

  it('splits a passage around one nested inside it', () => {
    expect(
      pairs([mark('pipes', 'Pipes are the veins of a city.'), mark('veins', 'veins')]),
    ).toEqual([
      ['Pipes are the ', 'pipes'],
      ['veins', 'pipes veins'],
      [' of a city.', 'pipes'],
      [' Old pipes leak.', ''],
    ]);
  });

  it('merges concepts that quote the very same words into one segment', () => {
    expect(pairs([mark('leaks', 'Old pipes leak.'), mark('age', 'Old pipes leak.')])).toEqual([
      ['Pipes are the veins of a city. ', ''],
      ['Old pipes leak.', 'age leaks'],
    ]);
  });

  it('handles passages at both edges of the block and covering all of it', () => {
    expect(pairs([mark('pipes', 'Pipes'), mark('leaks', 'leak.')])).toEqual([
      ['Pipes', 'pipes'],
      [' are the veins of a city. Old pipes ', ''],
      ['leak.', 'leaks'],
    ]);
    expect(pairs([mark('all', block.text)])).toEqual([[block.text, 'all']]);
  });

  it('ignores the parts of marks that lie outside the block', () => {
    expect(
      pairs([
        { conceptId: 'before', start: 90, end: 105 },
        { conceptId: 'elsewhere', start: 10, end: 20 },
      ]),
    ).toEqual([
      ['Pipes', 'before'],
      [' are the veins of a city. Old pipes leak.', ''],
    ]);
  });
});

describe('marksByBlock and coverage', () => {
  const markdown = `${fixtureMarkdown}\nNobody mentions the sewers.\n`;
  const article = parseArticle(markdown);
  const checked = checkGraph(makeGraph(), article);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  const { anchors } = checked;
  const idOf = (text: string) => article.blocks.find((b) => b.text.startsWith(text))?.id;

  it('groups every passage under the block that holds it', () => {
    const grouped = marksByBlock(article, anchors);
    const ids = (blockId: string | undefined) =>
      (grouped.get(blockId ?? '') ?? []).map((m) => m.conceptId).sort();
    expect(ids(idOf('Cities need water.'))).toEqual(['pipes', 'water']);
    expect(ids(idOf('Pipes are'))).toEqual(['veins']);
    expect(ids(idOf('Rain fills'))).toEqual(['rain']);
    expect(grouped.has(idOf('Nobody') ?? '')).toBe(false);
    const veins = grouped.get(idOf('Pipes are') ?? '')?.[0];
    expect(veins && article.text.slice(veins.start, veins.end)).toBe('the veins of a city');
  });

  it('counts the paragraphs the map quotes, and only paragraphs', () => {
    expect(coverage(article, anchors)).toEqual({ covered: 3, total: 4 });
    const title = article.blocks.find((b) => b.type === 'title');
    if (!title) throw new Error('the fixture has a title');
    const headingOnly: Anchors = new Map([['t', [{ start: title.start, end: title.end }]]]);
    expect(coverage(article, headingOnly)).toEqual({ covered: 0, total: 4 });
  });
});

describe('the real article', () => {
  const realAtlas = loadRealAtlas();
  const { article, anchors } = realAtlas;
  const grouped = marksByBlock(article, anchors);

  it('places every anchored passage in a block', () => {
    const placed = [...grouped.values()].reduce((sum, marks) => sum + marks.length, 0);
    const anchored = [...anchors.values()].reduce((sum, positions) => sum + positions.length, 0);
    expect(placed).toBe(anchored);
  });

  it('segments every block back into its exact text, with each passage marked by its concept', () => {
    for (const each of article.blocks) {
      const marks = grouped.get(each.id) ?? [];
      const segments = segmentBlock(each, marks);
      expect(segments.map((s) => s.text).join(''), each.id).toBe(each.text);
      let at = each.start;
      for (const segment of segments) {
        expect(segment.text.length, each.id).toBeGreaterThan(0);
        const covering = marks.filter((m) => m.start <= at && at + segment.text.length <= m.end);
        expect(segment.conceptIds, `${each.id} at ${at}`).toEqual(
          [...new Set(covering.map((m) => m.conceptId))].sort(),
        );
        at += segment.text.length;
      }
    }
  });

  it('reports a coverage within the article', () => {
    const { covered, total } = coverage(article, anchors);
    expect(total).toBe(article.blocks.filter((b) => b.type === 'paragraph').length);
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeLessThanOrEqual(total);
  });
});
