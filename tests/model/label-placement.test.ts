import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  placeLabels,
  placeLabelsAt,
  placeMapLabels,
  type LabelBox,
} from '../../src/model/label-placement';

const box = (id: string, x: number, y: number, width = 100, height = 20): LabelBox => ({
  id,
  x,
  y,
  width,
  height,
});

describe('placing labels', () => {
  it('draws every label that touches no other', () => {
    const labels = [box('a', 0, 0), box('b', 200, 0), box('c', 0, 100)];
    expect(placeLabels(labels)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('gives way to the more important label where two would overlap', () => {
    const labels = [box('thesis', 0, 0), box('example', 50, 10), box('other', 300, 0)];
    expect(placeLabels(labels)).toEqual(new Set(['thesis', 'other']));
    expect(placeLabels([labels[1]!, labels[0]!])).toEqual(new Set(['example']));
  });

  it('keeps a gap between labels', () => {
    expect(placeLabels([box('a', 0, 0), box('b', 101, 0)], 2)).toEqual(new Set(['a']));
    expect(placeLabels([box('a', 0, 0), box('b', 103, 0)], 2)).toEqual(new Set(['a', 'b']));
  });

  it('never leaves two drawn labels overlapping, whatever the boxes', () => {
    const boxes = fc.array(
      fc.record({
        x: fc.integer({ min: -500, max: 500 }),
        y: fc.integer({ min: -500, max: 500 }),
        width: fc.integer({ min: 1, max: 300 }),
        height: fc.integer({ min: 1, max: 60 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(boxes, (raw) => {
        const labels = raw.map((b, i) => ({ id: `l${i}`, ...b }));
        const drawn = labels.filter((l) => placeLabels(labels).has(l.id));
        for (const a of drawn) {
          for (const b of drawn) {
            if (a === b) continue;
            const apart =
              a.x + a.width <= b.x ||
              b.x + b.width <= a.x ||
              a.y + a.height <= b.y ||
              b.y + b.height <= a.y;
            expect(apart).toBe(true);
          }
        }
        // The most important label is always drawn.
        if (labels[0]) expect(drawn[0]).toBe(labels[0]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps labels inside the view and off what covers it, a section title excepted', () => {
    const view = { x: 0, y: 0, width: 500, height: 300 };
    const cover = { x: 400, y: 0, width: 100, height: 60 };
    const placed = placeLabelsAt(
      [
        [box('cut', 450, 100)],
        [box('covered', 380, 10), box('covered', 200, 10)],
        [box('under', 410, 200, 50, 20)],
        [{ ...box('title', 300, 40, 400, 20), mayOverflow: true }],
      ],
      2,
      { within: view, blocked: [cover] },
    );
    expect(placed.has('cut')).toBe(false);
    // Its first place is under the cover: it takes its second.
    expect(placed.get('covered')).toBe(1);
    expect(placed.get('under')).toBe(0);
    expect(placed.get('title')).toBe(0);
  });

  it('places a small group together: as many of them as any combination of places allows', () => {
    // Alone, "a" would take its first place, where "b" has its only one.
    const a = [box('a', 0, 0), box('a', 0, 100)];
    const b = [box('b', 50, 0)];
    expect([...placeLabelsAt([a, b]).keys()]).toEqual(['a']);
    const together = placeLabelsAt([a, b], 2, { together: 2 });
    expect(together.get('a')).toBe(1);
    expect(together.get('b')).toBe(0);
  });
});

describe('placing the zoomed-out map’s labels and titles', () => {
  const title = (id: string, x: number, y: number): LabelBox => ({
    ...box(`section:${id}`, x, y, 300, 20),
    mayOverflow: true,
  });

  it('places the titles before the concepts, the selection before the titles', () => {
    const labels = [[box('a', 0, 10)], [box('b', 400, 10)]];
    const titles = [[title('s', 0, 0)]];
    expect([...placeMapLabels(labels, titles, { first: new Set() }).keys()]).toEqual([
      'section:s',
      'b',
    ]);
    expect([...placeMapLabels(labels, titles, { first: new Set(['a']) }).keys()]).toEqual([
      'a',
      'b',
    ]);
  });

  it('names every thesis it can, placing them together ahead of the titles', () => {
    // After the title, thesis one finds its place where thesis two must stand, so two has none.
    // Placing two ahead of the title alone would leave one behind the title, with no place left;
    // together, one takes the title's place and two its own, and the title gives way.
    const titles = [[title('s', 0, 0)]];
    const one = [box('one', 0, 100), box('one', 0, 0)];
    const two = [box('two', 0, 100)];
    expect(placeMapLabels([one, two], titles, { first: new Set() }).has('two')).toBe(false);
    const placed = placeMapLabels([one, two], titles, {
      first: new Set(),
      leads: new Set(['one', 'two']),
    });
    expect(placed.get('one')).toBe(1);
    expect(placed.get('two')).toBe(0);
    expect(placed.has('section:s')).toBe(false);
  });

  it('keeps the selection’s label when the theses are placed ahead of the titles', () => {
    // Two theses, each where the selection stands: together they would name two, but the
    // selection is what the reader is looking at.
    const selected = [box('selected', 0, 0, 300, 20)];
    const one = [box('one', 0, 0)];
    const two = [box('two', 200, 0)];
    const blocker = [box('blocker', 0, 0, 400, 20)];
    const placed = placeMapLabels([selected, blocker, one, two], [], {
      first: new Set(['selected']),
      leads: new Set(['one', 'two']),
    });
    expect(placed.has('selected')).toBe(true);
    expect(placed.has('one')).toBe(false);
    expect(placed.has('two')).toBe(false);
  });

  it('places a tour step’s concepts together, and leaves its theses to that', () => {
    const one = [box('one', 0, 100), box('one', 0, 200)];
    const two = [box('two', 0, 100)];
    const placed = placeMapLabels([one, two], [], {
      first: new Set(['one', 'two']),
      together: true,
    });
    expect([...placed.keys()].sort()).toEqual(['one', 'two']);
  });
});

describe('placing labels among the concepts’ boxes', () => {
  const labelled = (id: string, x: number, rank: number, boxAt: number): LabelBox => ({
    ...box(id, x, 0, 100, 20),
    also: { x: boxAt, y: 30, width: 40, height: 10 },
    rank,
  });

  it('keeps a label clear of a box drawn above it, and lets it lie on one drawn under it', () => {
    // "first" is drawn first: "later"'s box, drawn above it, would hide part of its text.
    const first = { ...labelled('first', 0, 1, 300), height: 40 };
    const later = labelled('later', 400, 2, 50);
    expect(placeLabels([first, later])).toEqual(new Set(['first']));
    // Drawn the other way round, the earlier box lies under the later label, which hides nothing.
    const under = labelled('under', 400, 0, 50);
    expect(placeLabels([first, under])).toEqual(new Set(['first', 'under']));
  });

  it('never checks two boxes against each other, nor a box against a section title', () => {
    const a = labelled('a', 0, 1, 500);
    const b = labelled('b', 200, 2, 505);
    expect(placeLabels([a, b])).toEqual(new Set(['a', 'b']));
    const title = { ...box('section:s', 450, 25, 200, 20), mayOverflow: true };
    expect(placeLabels([a, title])).toEqual(new Set(['a', 'section:s']));
  });
});
