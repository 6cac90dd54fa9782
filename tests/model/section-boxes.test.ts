import { describe, expect, it } from 'vitest';
import { boxesMeet } from '../../src/model/floating';
import { layoutFromPositions } from '../../src/model/section-boxes';
import { makeConcept, makeGraph, makeSection } from '../fixtures/atlas-fixture';

describe('layoutFromPositions', () => {
  it('wraps each section round its concepts, and stands the empty ones under the map, apart', () => {
    const graph = makeGraph({
      sections: [
        makeSection({ id: 'intro', title: 'Introduction', order: 0 }),
        makeSection({ id: 'water', title: 'Water', order: 1 }),
        makeSection({ id: 'growth', title: 'Growth', order: 2 }),
        makeSection({ id: 'trade', title: 'Trade', order: 3 }),
      ],
      concepts: [
        makeConcept({ id: 'a', section: 'water' }),
        makeConcept({ id: 'b', section: 'trade' }),
      ],
      relations: [],
    });
    const layout = layoutFromPositions(graph, { a: { x: 0, y: 0 }, b: { x: 400, y: 0 } });
    const boxes = Object.entries(layout.sections);
    expect(boxes.map(([id]) => id).sort()).toEqual(['growth', 'intro', 'trade', 'water']);
    for (const [i, [id, box]] of boxes.entries()) {
      for (const [other, against] of boxes.slice(i + 1)) {
        expect(boxesMeet(box, against), `${id} on ${other}`).toBe(false);
      }
    }
    // Under the sections with concepts, in reading order: the introduction first.
    const bottom = Math.max(layout.sections.water!.y + layout.sections.water!.height);
    expect(layout.sections.intro!.y).toBeGreaterThan(bottom);
    expect(layout.sections.intro!.x).toBeLessThan(layout.sections.growth!.x);
  });
});
