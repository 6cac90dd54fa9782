import { Position } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EdgeEnds } from '../../src/model/floating';
import {
  conceptTextBox,
  phraseSize,
  placePhrases,
  placeStepPhrases,
  pointOnCurve,
  screenPhraseSize,
} from '../../src/model/phrase-placement';

/** A relation running left to right along y = 0, from x = 0 to x = 1000. */
const straight: EdgeEnds = {
  sourceX: 0,
  sourceY: 0,
  sourcePosition: Position.Right,
  targetX: 1000,
  targetY: 0,
  targetPosition: Position.Left,
};
const phrase = (id: string, ends = straight) => ({ id, label: 'is built on', ends });

describe('placing relation phrases', () => {
  it('follows React Flow’s curve from end to end', () => {
    expect(pointOnCurve(straight, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOnCurve(straight, 0.5)).toEqual({ x: 500, y: 0 });
    expect(pointOnCurve(straight, 1)).toEqual({ x: 1000, y: 0 });
  });

  it('puts a phrase in the middle of its relation when nothing is there', () => {
    expect(placePhrases([phrase('r')], []).get('r')).toEqual({ x: 500, y: 0 });
  });

  it('moves it along the relation, off a concept that lies on the middle', () => {
    const concept = { x: 420, y: -30, width: 160, height: 60 };
    const at = placePhrases([phrase('r')], [concept]).get('r');
    expect(at).not.toBeNull();
    const { width } = phraseSize('is built on');
    expect(Math.abs(at!.x - 500)).toBeGreaterThan(80 + width / 2);
  });

  it('keeps off a concept’s text, not the rest of its box', () => {
    const box = { x: 0, y: 0, width: 220, height: 54 };
    const text = conceptTextBox(box, 'Pipes');
    expect(text.x).toBeGreaterThan(box.x);
    expect(text.x + text.width).toBeLessThan(box.x + box.width);
    expect(text.y + text.height).toBeLessThan(box.y + box.height);
  });

  it('leaves the phrase to the details panel where every place is on a concept', () => {
    const concept = { x: 0, y: -40, width: 1000, height: 80 };
    expect(placePhrases([phrase('r')], [concept]).get('r')).toBeNull();
  });

  it('never puts a phrase on a concept or on another phrase, wherever they lie', () => {
    const box = fc.record({
      x: fc.integer({ min: 0, max: 900 }),
      y: fc.integer({ min: -300, max: 300 }),
      width: fc.integer({ min: 20, max: 220 }),
      height: fc.integer({ min: 20, max: 80 }),
    });
    const ends = fc.record({
      sourceX: fc.integer({ min: 0, max: 1000 }),
      sourceY: fc.integer({ min: -300, max: 300 }),
      sourcePosition: fc.constantFrom(Position.Left, Position.Right, Position.Top, Position.Bottom),
      targetX: fc.integer({ min: 0, max: 1000 }),
      targetY: fc.integer({ min: -300, max: 300 }),
      targetPosition: fc.constantFrom(Position.Left, Position.Right, Position.Top, Position.Bottom),
    });
    fc.assert(
      fc.property(
        fc.array(box, { maxLength: 8 }),
        fc.array(ends, { maxLength: 6 }),
        (boxes, all) => {
          const phrases = all.map((e, i) => phrase(`r${i}`, e));
          const placed = placePhrases(phrases, boxes);
          const { width, height } = phraseSize('is built on');
          const drawn = [...placed.values()].flatMap((p) =>
            p ? [{ x: p.x - width / 2, y: p.y - height / 2, width, height }] : [],
          );
          const meet = (a: typeof box extends fc.Arbitrary<infer B> ? B : never, b: typeof a) =>
            a.x < b.x + b.width &&
            b.x < a.x + a.width &&
            a.y < b.y + b.height &&
            b.y < a.y + a.height;
          for (const [i, a] of drawn.entries()) {
            expect(boxes.some((b) => meet(a, b))).toBe(false);
            expect(drawn.slice(i + 1).some((b) => meet(a, b))).toBe(false);
          }
        },
      ),
    );
  });
});

describe('placing a tour step’s phrases on a zoomed-out map', () => {
  // The map at a quarter of its size: the relation runs from 0 to 250 on screen.
  const zoom = 0.25;
  const size = 24;

  it('puts a phrase at the middle of its relation on screen, and gives it back in map units', () => {
    const at = placeStepPhrases([phrase('r')], zoom, size, [], undefined);
    expect(at.get('r')).toEqual({ x: 500, y: 0 });
  });

  it('moves it along the relation, off a label placed on the middle, at the size the class reads', () => {
    // Half the size: the relation runs from 0 to 500 on screen, a label across its middle.
    const label = { x: 240, y: -20, width: 20, height: 40 };
    const at = placeStepPhrases([phrase('r')], 0.5, size, [label], undefined).get('r');
    expect(at).toBeDefined();
    const { width, height } = screenPhraseSize('is built on', size);
    expect(height).toBeGreaterThan(size);
    const box = { x: at!.x * 0.5 - width / 2, y: -height / 2, width, height };
    expect(box.x + box.width <= label.x || box.x >= label.x + label.width).toBe(true);
  });

  it('leaves a phrase out where it would lie on a label everywhere along its relation, or leave the view', () => {
    const everywhere = { x: -100, y: -50, width: 500, height: 100 };
    expect(placeStepPhrases([phrase('r')], zoom, size, [everywhere], undefined).size).toBe(0);
    const view = { x: 300, y: -200, width: 400, height: 400 };
    expect(placeStepPhrases([phrase('r')], zoom, size, [], view).size).toBe(0);
  });

  it('leaves out a phrase too long for three lines, rather than draw it cut short', () => {
    const long = {
      ...phrase('r'),
      label: 'pictures, as the flesh on the bones of manufacturing, the services that '.repeat(2),
    };
    expect(screenPhraseSize(long.label, size).lines).toBeGreaterThan(3);
    expect(placeStepPhrases([long], 2, size, [], undefined).size).toBe(0);
    const { lines, height } = screenPhraseSize('is the image for', size);
    expect(lines).toBe(1);
    expect(height).toBeCloseTo(size * 1.65);
  });

  it('never puts two phrases on each other', () => {
    const placed = placeStepPhrases(
      [phrase('a'), phrase('b'), phrase('c')],
      zoom,
      size,
      [],
      undefined,
    );
    const boxes = [...placed.values()].map((p) => {
      const { width, height } = screenPhraseSize('is built on', size);
      return { x: p.x * zoom - width / 2, y: p.y * zoom - height / 2, width, height };
    });
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
      }
    }
  });
});
