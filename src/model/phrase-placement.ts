import { Position } from '@xyflow/react';
import { type Box, boxesMeet, boxInside, type EdgeEnds } from './floating.ts';
import { estimateWidth, type MeasureText } from './level-of-detail.ts';

/** A relation's phrase on the map, in map units (see `.relation-label` in the map's CSS). */
export const PHRASE_PX = 12.5;
const PHRASE_MAX_WIDTH = 180;
const PHRASE_PAD_X = 18;
const PHRASE_PAD_Y = 6;
const PHRASE_LINE = PHRASE_PX * 1.3;
/** Room kept between a phrase and a concept's box, or another phrase. */
const PHRASE_GAP = 4;

/** Where along its curve a phrase may stand, tried in order: the middle first. */
const PLACES = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78] as const;

export type Phrase = { id: string; label: string; ends: EdgeEnds };

/** A concept box's padding and colour band before its text, and its widest line (see its CSS). */
const BOX_TEXT_LEFT = 20;
const BOX_TEXT_RIGHT = 10;
const BOX_TEXT_Y = 6;
const KIND_LINE_WIDTH = 110;

/**
 * Where a concept's text lies in its box, in map units: its kind line and label, from the left
 * padding, as wide as the longer of them. A phrase may cross the rest of the box, never this.
 */
export function conceptTextBox(box: Box, label: string, measure: MeasureText = estimateWidth): Box {
  const widest = box.width - BOX_TEXT_LEFT - BOX_TEXT_RIGHT;
  const width = Math.min(Math.max(measure(label, 15), KIND_LINE_WIDTH), widest);
  return {
    x: box.x + BOX_TEXT_LEFT,
    y: box.y + BOX_TEXT_Y,
    width,
    height: Math.max(0, box.height - BOX_TEXT_Y * 2),
  };
}
export type PhrasePoint = { x: number; y: number };

/** The size a phrase is drawn at, in map units: one line, or more once it passes the widest. */
export function phraseSize(label: string, measure: MeasureText = estimateWidth) {
  const text = measure(label, PHRASE_PX);
  const width = Math.min(text + PHRASE_PAD_X, PHRASE_MAX_WIDTH);
  const lines = Math.max(1, Math.ceil(text / (PHRASE_MAX_WIDTH - PHRASE_PAD_X)));
  return { width, height: lines * PHRASE_LINE + PHRASE_PAD_Y };
}

/** The same control points as React Flow's bezier edge, so that a point on it is on the line. */
function control(position: Position, x1: number, y1: number, x2: number, y2: number) {
  const offset = (distance: number) =>
    distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
  switch (position) {
    case Position.Left:
      return [x1 - offset(x1 - x2), y1] as const;
    case Position.Right:
      return [x1 + offset(x2 - x1), y1] as const;
    case Position.Top:
      return [x1, y1 - offset(y1 - y2)] as const;
    default:
      return [x1, y1 + offset(y2 - y1)] as const;
  }
}

/** The point `t` of the way along a relation's curve. */
export function pointOnCurve(ends: EdgeEnds, t: number): PhrasePoint {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = ends;
  const [c1x, c1y] = control(ends.sourcePosition, sx, sy, tx, ty);
  const [c2x, c2y] = control(ends.targetPosition, tx, ty, sx, sy);
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * sx + b * c1x + c * c2x + d * tx, y: a * sy + b * c1y + c * c2y + d * ty };
}

const meet = (a: Box, b: Box) => boxesMeet(a, b, PHRASE_GAP);

/**
 * Where each relation's phrase stands: the first point along its curve, from the middle out,
 * where it lies on no concept and on no phrase placed before it; `null` where there is none, and
 * the phrase is left to the details panel. `concepts` are where the text of the concepts drawn
 * lies (see `conceptTextBox`).
 */
export function placePhrases(
  phrases: readonly Phrase[],
  concepts: Iterable<Box>,
  measure: MeasureText = estimateWidth,
): Map<string, PhrasePoint | null> {
  const boxes = [...concepts];
  const placed: Box[] = [];
  const result = new Map<string, PhrasePoint | null>();
  for (const phrase of phrases) {
    const { width, height } = phraseSize(phrase.label, measure);
    let found: PhrasePoint | null = null;
    for (const t of PLACES) {
      const point = pointOnCurve(phrase.ends, t);
      const box = { x: point.x - width / 2, y: point.y - height / 2, width, height };
      if (boxes.some((other) => meet(box, other)) || placed.some((other) => meet(box, other))) {
        continue;
      }
      placed.push(box);
      found = point;
      break;
    }
    result.set(phrase.id, found);
  }
  return result;
}

/** The most lines a phrase drawn for the class takes; a longer one is left to the details panel. */
export const SCREEN_PHRASE_LINES = 3;

/**
 * A phrase's box drawn at `size` px on screen (a tour's, which the class reads): one line up to
 * fourteen of its ems, then as many as its words need (with room for the words a line cannot
 * split), and how many lines that is.
 */
export function screenPhraseSize(
  label: string,
  size: number,
  measure: MeasureText = estimateWidth,
) {
  const text = measure(label, size);
  const width = Math.min(text + size * 0.8, size * 14);
  const lines = Math.max(1, Math.ceil((text * 1.2) / (size * 13.2)));
  return { width, height: lines * size * 1.25 + size * 0.4, lines };
}

/**
 * Where the phrases of a tour step's relations stand on a zoomed-out map, drawn at `size` px on
 * screen, three lines at most: the first point along each relation's curve, from the middle out, inside `within`, on
 * none of `taken` (the labels and titles placed, the step's concepts, what covers the map) and on
 * no phrase placed before it. Worked out on screen, where the labels are placed (map units times
 * the zoom); the points returned are in map units, where the map draws the phrases. A relation
 * with no such place keeps its line alone, and the details panel still lists it.
 */
export function placeStepPhrases(
  phrases: readonly Phrase[],
  zoom: number,
  size: number,
  taken: readonly Box[],
  within: Box | undefined,
  measure: MeasureText = estimateWidth,
): Map<string, PhrasePoint> {
  const placed: Box[] = [];
  const result = new Map<string, PhrasePoint>();
  for (const phrase of phrases) {
    const { width, height, lines } = screenPhraseSize(phrase.label, size, measure);
    if (lines > SCREEN_PHRASE_LINES) continue;
    for (const t of PLACES) {
      const point = pointOnCurve(phrase.ends, t);
      const x = point.x * zoom;
      const y = point.y * zoom;
      const box = { x: x - width / 2, y: y - height / 2, width, height };
      if (!boxInside(box, within) || taken.some((other) => meet(box, other))) continue;
      if (placed.some((other) => meet(box, other))) continue;
      placed.push(box);
      result.set(phrase.id, point);
      break;
    }
  }
  return result;
}
