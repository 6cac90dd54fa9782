import { type Box, boxesMeet } from './floating.ts';
import { estimateWidth, type MeasureText, READABLE_PX } from './level-of-detail.ts';
import { SCREEN_PHRASE_LINES, screenPhraseSize } from './phrase-placement.ts';

/** A card of a tour step's close-up: its concept, where it stands on screen and its text size. */
export type StepCard = { id: string; label: string; box: Box };

const GAP = 0.9;
const PAD_X = 0.9;
const PAD_Y = 0.5;
const LINE = 1.2;
const MAX_LINES = 4;
const BORDER = 0.35;

/** How many lines a label takes at `px` in `width`, its words wrapped as the browser does. */
function wrappedLines(label: string, width: number, px: number, measure: MeasureText): number {
  const space = measure(' ', px);
  let lines = 1;
  let used = 0;
  // The browser may break a line after a hyphen too ("innovation-" / "driven").
  for (const word of label.split(/\s+|(?<=-)/).filter(Boolean)) {
    // Wider than measured, so that a line the browser would break is not counted whole.
    const w = measure(word, px) * 1.08;
    if (used > 0 && used + space + w > width) {
      lines += 1;
      used = w;
    } else used += (used > 0 ? space : 0) + w;
  }
  return lines;
}

/**
 * How large each card of a close-up is at `px`: wide enough for its label on one line, or as wide
 * as a card may be (twelve ems, half the pane at most) with the label on up to four lines.
 */
export function cardSizes<C extends { id: string; label: string }>(
  concepts: readonly C[],
  pane: { width: number; height: number },
  px: number,
  measure: MeasureText = estimateWidth,
): (C & { width: number; height: number })[] {
  const gap = px * GAP;
  const widest = Math.max(px * 8, Math.min(px * 12, pane.width / 2 - gap * 2));
  // Around the text: the card's padding and its borders (a thick one on the left; see its CSS).
  const frame = px * (PAD_X * 2 + BORDER) + 4;
  return concepts.map((c) => {
    // A little wider than measured, as the wrapping is: a label on one line is never cut.
    const text = measure(c.label, px) * 1.04;
    const width = Math.min(widest, text + frame);
    const inner = width - frame;
    const lines = Math.min(MAX_LINES, wrappedLines(c.label, inner, px, measure));
    return { ...c, width, height: lines * px * LINE + px * PAD_Y * 2 + 4 };
  });
}

/** A relation's phrase in a step's close-up: where it stands on screen, clear of every card. */
export type StepPhrase = { id: string; label: string; box: Box };

/** The phrases are drawn this much smaller than the cards' labels: 24 px on a projector. */
export const STEP_PHRASE_RATIO = 0.75;

/**
 * A tour step's concepts brought together, for a step whose concepts lie too far apart on the map
 * for all their labels to read: cards in the step's order, in rows across the pane, each wide
 * enough for its label at `px` (on four lines at most), the rows centred. Screen pixels.
 */
export function stepLayout(
  concepts: readonly { id: string; label: string }[],
  pane: { width: number; height: number },
  px: number,
  measure: MeasureText = estimateWidth,
): StepCard[] {
  if (concepts.length === 0) return [];
  const gap = px * GAP;
  const sized = cardSizes(concepts, pane, px, measure);
  // Rows no wider than the pane, filled in the step's order.
  const rows: (typeof sized)[] = [];
  let row: typeof sized = [];
  let rowWidth = 0;
  for (const card of sized) {
    if (row.length > 0 && rowWidth + gap + card.width > pane.width - gap * 2) {
      rows.push(row);
      row = [];
      rowWidth = 0;
    }
    rowWidth += (row.length > 0 ? gap : 0) + card.width;
    row.push(card);
  }
  rows.push(row);
  // Rows apart by more than a card's height, so that the relations between them show.
  const rowHeights = rows.map((r) => Math.max(...r.map((c) => c.height)));
  const between = Math.max(gap * 2, px * 2.5);
  const total = rowHeights.reduce((sum, h) => sum + h, 0) + between * (rows.length - 1);
  let y = Math.max(gap, (pane.height - total) / 2);
  const cards: StepCard[] = [];
  rows.forEach((r, index) => {
    const width = r.reduce((sum, c) => sum + c.width, 0) + gap * (r.length - 1);
    let x = (pane.width - width) / 2;
    const height = rowHeights[index] ?? 0;
    for (const card of r) {
      cards.push({
        id: card.id,
        label: card.label,
        box: { x, y: y + (height - card.height) / 2, width: card.width, height: card.height },
      });
      x += card.width + gap;
    }
    y += height + between;
  });
  return cards;
}

/**
 * Where the phrases of the relations among a close-up's cards stand: on the line between the two
 * cards' centres, from its middle out, only where the phrase touches no card and no phrase placed
 * before it; a relation with no such place keeps its line alone.
 */
export function stepPhrases(
  cards: readonly StepCard[],
  relations: readonly { id: string; label: string; source: string; target: string }[],
  px: number,
  measure: MeasureText = estimateWidth,
): StepPhrase[] {
  const size = px * STEP_PHRASE_RATIO;
  const at = new Map(cards.map((card) => [card.id, card.box]));
  const taken: Box[] = cards.map((card) => card.box);
  const placed: StepPhrase[] = [];
  const meet = (a: Box, b: Box) => boxesMeet(a, b, 4);
  for (const relation of relations) {
    const from = at.get(relation.source);
    const to = at.get(relation.target);
    if (!from || !to) continue;
    const { width, height, lines } = screenPhraseSize(relation.label, size, measure);
    if (lines > SCREEN_PHRASE_LINES) continue;
    const a = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const b = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const x = a.x + (b.x - a.x) * t;
      const y = a.y + (b.y - a.y) * t;
      const box = { x: x - width / 2, y: y - height / 2, width, height };
      if (taken.some((other) => meet(box, other))) continue;
      taken.push(box);
      placed.push({ id: relation.id, label: relation.label, box });
      break;
    }
  }
  return placed;
}

/**
 * The size a close-up's labels are drawn at: `px`, the class's size, where the cards fit the pane
 * at it; smaller where they would not (a phone's narrow pane stacks them), never under 14 px.
 */
export function fittingStepPx(
  concepts: readonly { id: string; label: string }[],
  pane: { width: number; height: number },
  px: number,
  measure: MeasureText = estimateWidth,
): number {
  let size = px;
  for (;;) {
    const cards = stepLayout(concepts, pane, size, measure);
    const bottom = Math.max(0, ...cards.map((card) => card.box.y + card.box.height));
    if (bottom <= pane.height || size <= READABLE_PX) return size;
    size = Math.max(READABLE_PX, Math.floor(size * 0.9));
  }
}
