import { describe, expect, it } from 'vitest';
import { cardSizes } from '../../src/model/step-layout';

const pane = { width: 1400, height: 1000 };
const concept = (id: string, label = id) => ({ id, label });
// A measure that says what the browser draws: each character 0.6 of the size wide.
const measure = (text: string, px: number) => text.length * px * 0.6;
// Inside a card: its width less the padding (0.9 em a side), the left border (0.35 em) and 2 px a side.
const inner = (width: number, px: number) => width - px * (0.9 * 2 + 0.35) - 4;

describe('the cards of a tour step’s close-up', () => {
  it('are wide enough for their label inside their padding and borders, never cutting a word', () => {
    const px = 32;
    const cards = cardSizes(
      ['Chassis', 'Engine', 'Lubricant and value enhancer'].map((t) => concept(t)),
      pane,
      px,
      measure,
    );
    for (const card of cards) {
      const longestWord = Math.max(...card.label.split(' ').map((w) => measure(w, px)));
      expect(inner(card.width, px), card.label).toBeGreaterThanOrEqual(longestWord);
    }
    expect(inner(cards[0]!.width, px)).toBeGreaterThanOrEqual(measure('Chassis', px));
  });

  it('grow a line where a hyphen breaks one, up to four, and no wider than twelve ems', () => {
    const px = 24;
    const [one, hyphen] = cardSizes(
      [concept('a', 'Growth'), concept('b', 'Leap in dynamics: innovation-driven growth')],
      pane,
      px,
      measure,
    );
    expect(hyphen!.width).toBeLessThanOrEqual(px * 12);
    const lines = (height: number) => Math.round((height - px - 4) / (px * 1.2));
    expect(lines(one!.height)).toBe(1);
    // "Leap in" / "dynamics:" / "innovation-" / "driven growth": the hyphen's break counted.
    expect(lines(hyphen!.height)).toBe(4);
  });
});
