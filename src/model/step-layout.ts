import { borderPoint, type Box, boxesMeet, boxInside } from './floating.ts';
import { estimateWidth, type MeasureText, READABLE_PX } from './level-of-detail.ts';
import { SCREEN_PHRASE_LINES } from './phrase-placement.ts';

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

/** The widest a close-up's phrase may be, in ems of its text, as on the map. */
const PHRASE_MAX_EMS = 14;

/** The widest a card may be, in ems of its label: wide enough for most labels on one line. */
export const CARD_EMS = 12;

/**
 * How large each card of a close-up is at `px`: wide enough for its label on one line, or as wide
 * as a card may be (`ems` ems, twelve unless a narrower close-up is wanted, and half the pane at
 * most) with the label on up to four lines. A label that would take more lines at that width, or
 * a word wider than it, widens its own card as far as twelve ems: a label is never cut short.
 */
export function cardSizes<C extends { id: string; label: string }>(
  concepts: readonly C[],
  pane: { width: number; height: number },
  px: number,
  measure: MeasureText = estimateWidth,
  ems: number = CARD_EMS,
): (C & { width: number; height: number })[] {
  const gap = px * GAP;
  const widestOf = (e: number) => Math.max(px * 8, Math.min(px * e, pane.width / 2 - gap * 2));
  const widest = widestOf(Math.min(ems, CARD_EMS));
  // Around the text: the card's padding and its borders (a thick one on the left; see its CSS).
  const frame = px * (PAD_X * 2 + BORDER) + 4;
  return concepts.map((c) => {
    // A little wider than measured, as the wrapping is: a label on one line is never cut.
    const text = measure(c.label, px) * 1.04;
    const word = Math.max(...c.label.split(/\s+|(?<=-)/).map((w) => measure(w, px) * 1.08));
    let width = Math.min(widest, text + frame);
    if (word + frame > width || wrappedLines(c.label, width - frame, px, measure) > MAX_LINES) {
      width = Math.min(widestOf(CARD_EMS), text + frame);
    }
    const lines = Math.min(MAX_LINES, wrappedLines(c.label, width - frame, px, measure));
    return { ...c, width, height: lines * px * LINE + px * PAD_Y * 2 + 4 };
  });
}

/**
 * A close-up phrase's box at `size` px, `ems` of its ems wide at most: on one line where it fits,
 * else its words wrapped as the browser wraps them inside its padding (see
 * `.step-close-up__phrase`), and how many lines that is. A phrase with a word wider than that, or
 * that would take more than three lines, is widened as far as it needs, up to fourteen ems.
 */
export function stepPhraseSize(
  label: string,
  size: number,
  ems: number,
  measure: MeasureText = estimateWidth,
) {
  const pad = size * 0.8;
  const text = measure(label, size) * 1.04;
  const word = Math.max(...label.split(/\s+|(?<=-)/).map((w) => measure(w, size) * 1.08));
  const linesAt = (width: number) =>
    text + pad <= width ? 1 : wrappedLines(label, width - pad, size, measure);
  const widest = Math.min(text + pad, Math.max(size * PHRASE_MAX_EMS, word + pad));
  let width = Math.min(text + pad, Math.max(size * ems, word + pad));
  while (width < widest && linesAt(width) > SCREEN_PHRASE_LINES) {
    width = Math.min(widest, width + size);
  }
  const lines = linesAt(width);
  return { width, height: lines * size * 1.25 + size * 0.4, lines };
}

/** A relation's phrase in a step's close-up: where it stands on screen, clear of every card. */
export type StepPhrase = { id: string; label: string; box: Box };

/** The phrases are drawn this much smaller than the cards' labels: 24 px on a projector. */
export const STEP_PHRASE_RATIO = 0.75;

/** How far apart a close-up's cards may be spread, in ems: apart enough for a phrase, no more. */
const SPREAD_X = 12;
const SPREAD_Y = 6;

/**
 * A tour step's concepts brought together, for a step whose concepts lie too far apart on the map
 * for all their labels to read: cards in the step's order, in rows across the pane, each wide
 * enough for its label at `px` (on four lines at most), the rows centred. Screen pixels.
 * `spread`: the rows and the cards in each spread over the pane (an em from its edges, and never
 * further apart than a phrase needs), leaving room between them for the relations' phrases;
 * `perRow`: no more cards to a row than that.
 */
export function stepLayout(
  concepts: readonly { id: string; label: string }[],
  pane: { width: number; height: number },
  px: number,
  measure: MeasureText = estimateWidth,
  spread = false,
  perRow = Infinity,
): StepCard[] {
  if (concepts.length === 0) return [];
  const gap = px * GAP;
  const sized = cardSizes(concepts, pane, px, measure);
  // Rows no wider than the pane (nor longer than `perRow`), filled in the step's order.
  const rows: (typeof sized)[] = [];
  let row: typeof sized = [];
  let rowWidth = 0;
  for (const card of sized) {
    const full = row.length >= perRow || rowWidth + gap + card.width > pane.width - gap * 2;
    if (row.length > 0 && full) {
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
  const heights = rowHeights.reduce((sum, h) => sum + h, 0);
  const compact = Math.max(gap * 2, px * 2.5);
  const between =
    spread && rows.length > 1
      ? Math.min(
          px * SPREAD_Y,
          Math.max(compact, (pane.height - px * 2 - heights) / (rows.length - 1)),
        )
      : compact;
  const total = heights + between * (rows.length - 1);
  let y = Math.max(gap, (pane.height - total) / 2);
  const cards: StepCard[] = [];
  rows.forEach((r, index) => {
    const widths = r.reduce((sum, c) => sum + c.width, 0);
    const apart =
      spread && r.length > 1
        ? Math.min(px * SPREAD_X, Math.max(gap, (pane.width - px * 2 - widths) / (r.length - 1)))
        : gap;
    const width = widths + apart * (r.length - 1);
    let x = (pane.width - width) / 2;
    const height = rowHeights[index] ?? 0;
    for (const card of r) {
      cards.push({
        id: card.id,
        label: card.label,
        box: { x, y: y + (height - card.height) / 2, width: card.width, height: card.height },
      });
      x += card.width + apart;
    }
    y += height + between;
  });
  return cards;
}

/** Where along the line between two cards a phrase may stand, tried in order: the middle first. */
const ALONG = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75] as const;
/** How wide a phrase between two cards may be, in ems: tried widest first. */
const PHRASE_EMS = [PHRASE_MAX_EMS, 8, 6] as const;

/** The point `t` of the way along a line of straight pieces, by length. */
function alongLine(points: readonly Point[], t: number): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let left = lengths.reduce((sum, l) => sum + l, 0) * t;
  for (let i = 0; i < lengths.length; i += 1) {
    const length = lengths[i]!;
    if (left <= length || i === lengths.length - 1) {
      const k = length > 0 ? Math.min(1, left / length) : 0;
      const a = points[i]!;
      const b = points[i + 1]!;
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
    }
    left -= length;
  }
  return points[0]!;
}

/**
 * Where a relation's phrase at `size` px may stand on its line (`points`): from the middle out,
 * on one line or wrapped narrower, three lines at most, touching none of `taken`, crossed by no
 * other line (`crossed`) and inside `within` where it is given; `null` where there is no such place.
 */
export function phraseOnLine(
  label: string,
  points: readonly Point[],
  size: number,
  taken: readonly Box[],
  crossed: (box: Box) => boolean,
  measure: MeasureText = estimateWidth,
  within?: Box,
): Box | null {
  if (points.length < 2) return null;
  const sizes = PHRASE_EMS.map((ems) => stepPhraseSize(label, size, ems, measure));
  for (const t of ALONG) {
    const { x, y } = alongLine(points, t);
    for (const { width, height, lines } of sizes) {
      if (lines > SCREEN_PHRASE_LINES) continue;
      const box = { x: x - width / 2, y: y - height / 2, width, height };
      if (!boxInside(box, within) || taken.some((other) => boxesMeet(box, other, 4))) continue;
      if (crossed(box)) continue;
      return box;
    }
  }
  return null;
}

/**
 * Where the phrases of the relations among a close-up's cards stand: on the line between the two
 * cards' centres, from its middle out, on one line or wrapped narrower, only where the phrase
 * touches no card and no phrase placed before it; a relation with no such place keeps its line
 * alone.
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
  const lines = relationLines(cards, relations);
  for (const relation of relations) {
    const from = at.get(relation.source);
    const to = at.get(relation.target);
    if (!from || !to) continue;
    const a = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const b = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
    // A phrase crossed by another relation's line could be read as that one's.
    const crossed = (box: Box) =>
      lines.some((line) => line.id !== relation.id && segmentMeetsBox(line.from, line.to, box));
    const box = phraseOnLine(relation.label, [a, b], size, taken, crossed, measure);
    if (!box) continue;
    taken.push(box);
    placed.push({ id: relation.id, label: relation.label, box });
  }
  return placed;
}

type Point = { x: number; y: number };
type Relation = { id: string; label: string; source: string; target: string };

/** The straight line each relation is drawn as between two cards, border to border. */
export function relationLines(
  cards: readonly StepCard[],
  relations: readonly Relation[],
): { id: string; from: Point; to: Point }[] {
  const at = new Map(cards.map((card) => [card.id, card.box]));
  return relations.flatMap((r) => {
    const from = at.get(r.source);
    const to = at.get(r.target);
    if (!from || !to || r.source === r.target) return [];
    return [{ id: r.id, from: borderPoint(from, to), to: borderPoint(to, from) }];
  });
}

/** Whether the segment from `a` to `b` passes through `box` (clipped to it, Liang-Barsky). */
export function segmentMeetsBox(a: Point, b: Point, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The most arrangements of a close-up's rows tried: the search stays within a frame or two. */
const ARRANGEMENTS = 100;

/** A close-up in rows: its cards, the phrases said, and how many lines run under a card. */
export type StepRows = { cards: StepCard[]; phrases: StepPhrase[]; hidden: number };

/**
 * A tour step's cards in rows spread over the pane, in the order and with the number to a row
 * that let most of its relations say their phrase (then, of those, with fewest lines running
 * under a third card, where the class would take them for that card's): from the step's order,
 * every swap of two cards that says more is kept, until none does or a hundred arrangements have
 * been tried (a few milliseconds each). Screen pixels.
 */
export function arrangedRows(
  concepts: readonly { id: string; label: string }[],
  relations: readonly Relation[],
  pane: { width: number; height: number },
  px: number,
  measure: MeasureText = estimateWidth,
): StepRows {
  const inset = (box: Box) => ({
    x: box.x + 2,
    y: box.y + 2,
    width: box.width - 4,
    height: box.height - 4,
  });
  let budget = ARRANGEMENTS;
  const tried = (order: readonly { id: string; label: string }[], perRow: number): StepRows => {
    budget -= 1;
    const cards = stepLayout(order, pane, px, measure, true, perRow);
    const lines = relationLines(cards, relations);
    const hidden = lines.filter((line) =>
      cards.some((card) => {
        const r = relations.find((rel) => rel.id === line.id);
        if (!r || card.id === r.source || card.id === r.target) return false;
        return segmentMeetsBox(line.from, line.to, inset(card.box));
      }),
    ).length;
    return { cards, phrases: stepPhrases(cards, relations, px, measure), hidden };
  };
  const better = (a: StepRows, b: StepRows) =>
    a.phrases.length > b.phrases.length ||
    (a.phrases.length === b.phrases.length && a.hidden < b.hidden);
  // As many to a row as fit, then one fewer each time, down to two.
  const widest = Math.max(1, ...rowLengths(stepLayout(concepts, pane, px, measure, true)));
  let best: StepRows | null = null;
  for (let perRow = widest; perRow >= Math.min(2, widest); perRow -= 1) {
    let order = [...concepts];
    let here = tried(order, perRow);
    // A swap of two cards is kept only where it says more, so this ends.
    for (let improved = true; improved && here.phrases.length < relations.length;) {
      improved = false;
      for (let i = 0; i < order.length && !improved && budget > 0; i += 1) {
        for (let j = i + 1; j < order.length && !improved && budget > 0; j += 1) {
          const swapped = [...order];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          const next = tried(swapped, perRow);
          if (better(next, here)) {
            order = swapped;
            here = next;
            improved = true;
          }
        }
      }
    }
    if (!best || better(here, best)) best = here;
  }
  return best!;
}

/** How many cards stand in each row of a laid-out close-up. */
function rowLengths(cards: readonly StepCard[]): number[] {
  const rows = new Map<number, number>();
  for (const card of cards) {
    const middle = Math.round(card.box.y + card.box.height / 2);
    rows.set(middle, (rows.get(middle) ?? 0) + 1);
  }
  return [...rows.values()];
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
