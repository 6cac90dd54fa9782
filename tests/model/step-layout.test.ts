import { describe, expect, it } from 'vitest';
import { boxesMeet } from '../../src/model/floating';
import {
  arrangedRows,
  cardSizes,
  relationLines,
  segmentMeetsBox,
  stepLayout,
  stepPhraseSize,
  stepPhrases,
} from '../../src/model/step-layout';

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

describe('a close-up drawn narrower, where the roomiest shape does not fit', () => {
  it('wraps a card’s label onto more lines, never past four, and widens a card for a long word', () => {
    const px = 32;
    const lines = (height: number) => Math.round((height - px - 4) / (px * 1.2));
    const [wide] = cardSizes([concept('a', 'Hard and soft together')], pane, px, measure);
    const [narrow] = cardSizes([concept('a', 'Hard and soft together')], pane, px, measure, 7);
    // Eight ems is the narrowest a card is: "Hard and" / "soft" / "together".
    expect(narrow!.width).toBe(px * 8);
    expect(wide!.width).toBe(px * 12);
    expect(lines(wide!.height)).toBe(2);
    expect(lines(narrow!.height)).toBe(3);
    // Eight ems cannot hold "Infrastructure" inside the padding: that card grows for it.
    const [word] = cardSizes([concept('b', 'Infrastructure')], pane, px, measure, 7);
    expect(inner(word!.width, px)).toBeGreaterThanOrEqual(measure('Infrastructure', px));
    // Nor would four lines hold this label: its card keeps it whole at twelve ems.
    const many = 'Leap in value: from large and weak to large and strong';
    const [long] = cardSizes([concept('c', many)], pane, px, measure, 7);
    expect(long!.width).toBe(px * 12);
    expect(lines(long!.height)).toBeLessThanOrEqual(4);
  });

  it('wraps a phrase onto as many lines as its words need at a narrower width, three at most', () => {
    const size = 24;
    const one = stepPhraseSize('is one of', size, 8, measure);
    expect(one.lines).toBe(1);
    expect(one.width).toBeCloseTo(measure('is one of', size) * 1.04 + size * 0.8);
    const phrase = 'is one side of it';
    const wide = stepPhraseSize(phrase, size, 14, measure);
    const narrow = stepPhraseSize(phrase, size, 6, measure);
    expect(wide.lines).toBe(1);
    expect(narrow.width).toBeLessThanOrEqual(size * 6);
    expect(narrow.lines).toBeGreaterThan(1);
    expect(narrow.lines).toBeLessThanOrEqual(3);
    expect(narrow.height).toBeCloseTo(narrow.lines * size * 1.25 + size * 0.4);
    // Too long for three lines at six ems: widened until it takes three, not cut or left out.
    const long = stepPhraseSize(
      'is meant to be the main support of the whole system',
      size,
      6,
      measure,
    );
    expect(long.width).toBeGreaterThan(size * 6);
    expect(long.width).toBeLessThanOrEqual(size * 14);
    expect(long.lines).toBeLessThanOrEqual(3);
    // A word wider than the width asked for widens the phrase rather than run out of it.
    const word = stepPhraseSize('internationalisation', size, 4, measure);
    expect(word.width - size * 0.8).toBeGreaterThanOrEqual(measure('internationalisation', size));
  });
});

describe('a close-up in rows spread over the pane', () => {
  const px = 32;
  const cards = [concept('chassis', 'Chassis'), concept('old', 'Traditional industries')];
  const relations = [{ id: 'r', label: 'is the image for', source: 'chassis', target: 'old' }];

  it('keeps every card inside the pane and off the others, an em from its edges', () => {
    const many = [
      'Chassis',
      'Traditional industries',
      'Engine',
      'Emerging industries',
      'Lubricant',
    ];
    const laid = stepLayout(
      many.map((t) => concept(t)),
      pane,
      px,
      measure,
      true,
    );
    for (const [i, card] of laid.entries()) {
      expect(card.box.x).toBeGreaterThanOrEqual(px - 0.5);
      expect(card.box.y).toBeGreaterThanOrEqual(px - 0.5);
      expect(card.box.x + card.box.width).toBeLessThanOrEqual(pane.width - px + 0.5);
      expect(card.box.y + card.box.height).toBeLessThanOrEqual(pane.height - px + 0.5);
      for (const other of laid.slice(i + 1)) expect(boxesMeet(card.box, other.box, 0)).toBe(false);
    }
  });

  it('leaves room for the phrase between two cards side by side, which the compact rows do not', () => {
    const compact = stepLayout(cards, pane, px, measure);
    const spread = stepLayout(cards, pane, px, measure, true);
    expect(stepPhrases(compact, relations, px, measure)).toHaveLength(0);
    const said = stepPhrases(spread, relations, px, measure);
    expect(said.map((p) => p.id)).toEqual(['r']);
    for (const card of spread) expect(boxesMeet(said[0]!.box, card.box, 0)).toBe(false);
    // Apart by no more than a phrase needs: twelve ems.
    expect(spread[1]!.box.x - (spread[0]!.box.x + spread[0]!.box.width)).toBeCloseTo(px * 12);
  });
});

describe('choosing how a close-up’s rows are arranged', () => {
  const px = 32;

  it('never puts a phrase where another relation’s line crosses it', () => {
    // Two rows of two, each relation across a diagonal: they cross in the middle.
    const cards = ['a', 'b', 'c', 'd'].map((id) => concept(id, `Concept ${id}`));
    const relations = [
      { id: 'ad', label: 'is the image for', source: 'a', target: 'd' },
      { id: 'bc', label: 'is the image for', source: 'b', target: 'c' },
    ];
    const laid = stepLayout(cards, pane, px, measure, true, 2);
    const lines = relationLines(laid, relations);
    const said = stepPhrases(laid, relations, px, measure);
    expect(said.length).toBeGreaterThan(0);
    for (const phrase of said) {
      for (const line of lines.filter((l) => l.id !== phrase.id)) {
        expect(segmentMeetsBox(line.from, line.to, phrase.box), phrase.id).toBe(false);
      }
    }
  });

  it('sets the two ends of a relation side by side rather than run its line under a third card', () => {
    const cards = [concept('a', 'Chassis'), concept('b', 'Engine'), concept('c', 'Lubricant')];
    const relations = [{ id: 'ac', label: 'works with', source: 'a', target: 'c' }];
    // In the step's order the line from a to c runs under b, as if it joined b.
    const inOrder = stepLayout(cards, pane, px, measure, true);
    const [line] = relationLines(inOrder, relations);
    expect(segmentMeetsBox(line!.from, line!.to, inOrder[1]!.box)).toBe(true);
    const arranged = arrangedRows(cards, relations, pane, px, measure);
    expect(arranged.phrases.map((p) => p.id)).toEqual(['ac']);
    expect(arranged.hidden).toBe(0);
    expect(arranged.cards.map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
    const [drawn] = relationLines(arranged.cards, relations);
    const third = arranged.cards.find((c) => c.id === 'b')!;
    expect(segmentMeetsBox(drawn!.from, drawn!.to, third.box)).toBe(false);
  });

  it('keeps the step’s order where it already says every phrase', () => {
    const cards = [concept('a', 'Chassis'), concept('b', 'Engine'), concept('c', 'Lubricant')];
    const relations = [{ id: 'ab', label: 'works with', source: 'a', target: 'b' }];
    const arranged = arrangedRows(cards, relations, pane, px, measure);
    expect(arranged.cards.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(arranged.phrases).toHaveLength(1);
  });
});
