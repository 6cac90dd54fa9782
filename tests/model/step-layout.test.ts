import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fittingStepPx, stepLayout, stepPhrases } from '../../src/model/step-layout';

const pane = { width: 1400, height: 1000 };
const concept = (id: string, label = id) => ({ id, label });

describe('a tour step brought together', () => {
  it('keeps the step’s order, row by row, centred in the pane', () => {
    const cards = stepLayout(
      ['a', 'b', 'c'].map((id) => concept(id, `Concept ${id}`)),
      pane,
      32,
    );
    expect(cards.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    const left = Math.min(...cards.map((c) => c.box.x));
    const right = Math.max(...cards.map((c) => c.box.x + c.box.width));
    expect(left).toBeCloseTo(pane.width - right, 5);
  });

  it('makes each card wide enough for its label inside its padding and borders, never cutting a word', () => {
    // A measure that says what the browser draws: each character 0.6 of the size wide.
    const measure = (text: string, px: number) => text.length * px * 0.6;
    const px = 32;
    const cards = stepLayout(
      ['Chassis', 'Engine', 'Lubricant and value enhancer'].map((t) => concept(t, t)),
      pane,
      px,
      measure,
    );
    for (const card of cards) {
      // Inside: the width less the padding (0.9 em a side), the left border (0.35 em) and 2 px a side.
      const inner = card.box.width - px * (0.9 * 2 + 0.35) - 4;
      const longestWord = Math.max(...card.label.split(' ').map((w) => measure(w, px)));
      expect(inner, card.label).toBeGreaterThanOrEqual(longestWord);
    }
    expect(cards[0]!.box.width - px * 2.15 - 4).toBeGreaterThanOrEqual(measure('Chassis', px));
  });

  it('draws nothing for a step with no concepts', () => {
    expect(stepLayout([], pane, 32)).toEqual([]);
  });

  it('never lets two cards touch, and keeps every card inside the pane', () => {
    const labels = fc.array(fc.string({ minLength: 1, maxLength: 60 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(labels, fc.constantFrom(24, 32), (texts, px) => {
        const cards = stepLayout(
          texts.map((t, i) => concept(`c${i}`, t)),
          pane,
          px,
        );
        expect(cards).toHaveLength(texts.length);
        for (const [i, a] of cards.entries()) {
          expect(a.box.x).toBeGreaterThanOrEqual(0);
          expect(a.box.x + a.box.width).toBeLessThanOrEqual(pane.width);
          for (const b of cards.slice(i + 1)) {
            const apart =
              a.box.x + a.box.width <= b.box.x ||
              b.box.x + b.box.width <= a.box.x ||
              a.box.y + a.box.height <= b.box.y ||
              b.box.y + b.box.height <= a.box.y;
            expect(apart).toBe(true);
          }
        }
      }),
    );
  });
});

describe('the phrases of a close-up', () => {
  it('stands each on its line between the two cards, clear of every card', () => {
    // A narrow pane: the two cards stand one above the other.
    const narrow = { width: 400, height: 1000 };
    const cards = stepLayout([concept('a', 'Pipes'), concept('b', 'Water')], narrow, 32);
    const [phrase] = stepPhrases(
      cards,
      [{ id: 'r', label: 'carry', source: 'a', target: 'b' }],
      32,
    );
    expect(phrase).toBeDefined();
    const [a, b] = cards;
    expect(phrase!.box.y).toBeGreaterThanOrEqual(a!.box.y + a!.box.height);
    expect(phrase!.box.y + phrase!.box.height).toBeLessThanOrEqual(b!.box.y);
  });

  it('leaves a phrase out where it would lie on a card', () => {
    const cards = stepLayout([concept('a', 'Pipes'), concept('b', 'Water')], pane, 32);
    const long = 'a linking phrase far too long to fit in the gap between two cards side by side';
    expect(stepPhrases(cards, [{ id: 'r', label: long, source: 'a', target: 'b' }], 32)).toEqual(
      [],
    );
  });
});

describe('the size of a close-up’s labels', () => {
  const seven = [
    'Modern industrial system',
    'New quality productive forces',
    'Five-Year Plan',
    'Xi',
    'Backbone',
    'Modernization',
    'Great powers',
  ].map((label, i) => concept(`c${i}`, label));

  it('keeps the class’s size where the cards fit the pane', () => {
    expect(fittingStepPx(seven, { width: 1400, height: 1000 }, 32)).toBe(32);
  });

  it('draws them smaller where they would not fit, as on a phone, never under 14 px', () => {
    const phone = { width: 390, height: 420 };
    const px = fittingStepPx(seven, phone, 24);
    expect(px).toBeLessThan(24);
    expect(px).toBeGreaterThanOrEqual(14);
    const cards = stepLayout(seven, phone, px);
    const bottom = Math.max(...cards.map((c) => c.box.y + c.box.height));
    expect(bottom <= phone.height || px === 14).toBe(true);
  });
});
