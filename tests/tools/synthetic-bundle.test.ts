import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/model/article';
import { NODE_WIDTH, nodeHeight } from '../../src/model/geometry';
import { conceptKinds, relationKinds, type Graph } from '../../src/model/schema';
import { makeSyntheticBundle } from '../../tools/synthetic-bundle';
import { checkTours } from '../../src/model/tours';
import { checkGraph } from '../../src/model/validate';

/** Pairs of concepts whose boxes on the map intersect. */
function overlaps(graph: Graph): string[] {
  const boxes = graph.concepts.map((c) => ({
    id: c.id,
    x: c.position?.x ?? NaN,
    y: c.position?.y ?? NaN,
    height: nodeHeight(c.label),
  }));
  // Sorted by x, each box is only compared with the boxes that start before it ends.
  boxes.sort((a, b) => a.x - b.x);
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (b.x >= a.x + NODE_WIDTH) break;
      if (b.y < a.y + a.height && a.y < b.y + b.height) found.push(`${a.id} overlaps ${b.id}`);
    }
  });
  return found;
}

describe.each([100, 1000])('a synthetic bundle of %i concepts', (count) => {
  const bundle = makeSyntheticBundle(count, { seed: 7 });
  const { graph } = bundle;

  it('passes every check that real content must pass', () => {
    const article = parseArticle(bundle.article.markdown);
    expect(article.meta.title).toBe(bundle.article.title);
    const checked = checkGraph(graph, article);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    const tours = checkTours(bundle.tours, graph);
    expect(tours.ok ? [] : tours.problems).toEqual([]);
  });

  it('has the asked number of concepts, sections of about a hundred and 1.5 relations each', () => {
    expect(graph.concepts).toHaveLength(count);
    expect(graph.sections).toHaveLength(Math.max(2, count / 100));
    expect(graph.relations).toHaveLength(count * 1.5);
    expect(bundle.tours?.tours[0]?.steps).toHaveLength(3);
  });

  it('uses every kind of concept and relation, and links sections to each other', () => {
    expect(new Set(graph.concepts.map((c) => c.kind))).toEqual(new Set(conceptKinds));
    expect(new Set(graph.relations.map((r) => r.kind))).toEqual(new Set(relationKinds));
    const sectionOf = new Map(graph.concepts.map((c) => [c.id, c.section]));
    const crossing = graph.relations.filter(
      (r) => sectionOf.get(r.source) !== sectionOf.get(r.target),
    );
    expect(crossing.length).toBeGreaterThanOrEqual(graph.sections.length - 1);
  });

  it('has labels of one to six words, on one to three lines', () => {
    const words = new Set(graph.concepts.map((c) => c.label.split(' ').length));
    expect(Math.min(...words)).toBe(1);
    expect(Math.max(...words)).toBe(6);
    const heights = new Set(graph.concepts.map((c) => nodeHeight(c.label)));
    expect(heights.size).toBeGreaterThanOrEqual(3);
  });

  it('places every concept without overlaps', () => {
    expect(graph.concepts.every((c) => c.position)).toBe(true);
    expect(overlaps(graph)).toEqual([]);
  });
});

describe('makeSyntheticBundle', () => {
  it('gives the same bundle for the same seed and another for another seed', () => {
    expect(makeSyntheticBundle(300, { seed: 3 })).toEqual(makeSyntheticBundle(300, { seed: 3 }));
    expect(makeSyntheticBundle(300, { seed: 4 })).not.toEqual(
      makeSyntheticBundle(300, { seed: 3 }),
    );
  });

  it('leaves the layout to the app when asked', () => {
    const { graph } = makeSyntheticBundle(100, { positions: false });
    expect(graph.concepts.some((c) => c.position)).toBe(false);
  });

  it('makes as many relations per concept as asked', () => {
    expect(makeSyntheticBundle(200, { relationsPerConcept: 3 }).graph.relations).toHaveLength(600);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => makeSyntheticBundle(0)).toThrow(RangeError);
    expect(() => makeSyntheticBundle(2.5)).toThrow(RangeError);
  });
});
