import type { Box } from './floating.ts';
import type { Insets, Viewport } from './framing.ts';

/** Never zoomed out further than this share of the plain fit to clear the covers. */
const MOST_SHRINK = 0.6;
/** Halvings of the zoom's search: about a thousandth of the zoom in the end. */
const STEPS = 10;

type Span = readonly [number, number];
/** The translations, on one axis, for which a concept lies on a cover: an open interval. */
type Blocked = { x: Span; y: Span };

export type ClearFitInput = {
  /** All that is framed, in map units (the sections and concepts drawn). */
  content: Box;
  /** The concepts that must stay clear of the covers, in map units. */
  boxes: Iterable<Box>;
  /** What covers the pane, in pane pixels, with the room to keep around each. */
  covers: readonly Box[];
  pane: { width: number; height: number };
  insets: Insets;
  minZoom: number;
  maxZoom: number;
};

/** The translations that keep `start..start+size` inside `lo..hi` at `zoom`; centred if none. */
function room(lo: number, hi: number, start: number, size: number, zoom: number): Span {
  const first = lo - start * zoom;
  const last = hi - (start + size) * zoom;
  return first <= last ? [first, last] : [(first + last) / 2, (first + last) / 2];
}

const clamp = (value: number, [lo, hi]: Span) => Math.min(Math.max(value, lo), hi);
const meets = ([lo, hi]: Span, [a, b]: Span) => lo < b && hi > a;
const inside = (value: number, [lo, hi]: Span) => value > lo && value < hi;

/** The point of `range` nearest `wanted` that lies in none of the open `blocked` spans. */
function nearestFree(wanted: number, range: Span, blocked: readonly Span[]): number | null {
  let best: number | null = null;
  const consider = (value: number) => {
    if (value < range[0] || value > range[1]) return;
    if (blocked.some((span) => inside(value, span))) return;
    if (best === null || Math.abs(value - wanted) < Math.abs(best - wanted)) best = value;
  };
  consider(clamp(wanted, range));
  consider(range[0]);
  consider(range[1]);
  for (const [lo, hi] of blocked) {
    consider(lo);
    consider(hi);
  }
  return best;
}

/** At one zoom, the clear translation nearest the centred one, or null if there is none. */
function clearAt(input: ClearFitInput, boxes: readonly Box[], zoom: number): Viewport | null {
  const { content, covers, pane, insets } = input;
  const rangeX = room(insets.left, pane.width - insets.right, content.x, content.width, zoom);
  const rangeY = room(insets.top, pane.height - insets.bottom, content.y, content.height, zoom);
  const wanted = { x: (rangeX[0] + rangeX[1]) / 2, y: (rangeY[0] + rangeY[1]) / 2 };
  const blocked: Blocked[] = [];
  for (const box of boxes) {
    for (const cover of covers) {
      const x: Span = [cover.x - (box.x + box.width) * zoom, cover.x + cover.width - box.x * zoom];
      const y: Span = [
        cover.y - (box.y + box.height) * zoom,
        cover.y + cover.height - box.y * zoom,
      ];
      if (meets(x, rangeX) && meets(y, rangeY)) blocked.push({ x, y });
    }
  }
  if (blocked.length === 0) return { ...wanted, zoom };
  // Where the blocked spans start and end are the only places the free room changes along x.
  const xs = [clamp(wanted.x, rangeX), rangeX[0], rangeX[1]];
  for (const b of blocked) xs.push(b.x[0], b.x[1]);
  let best: Viewport | null = null;
  let bestDistance = Infinity;
  for (const x of xs) {
    if (x < rangeX[0] || x > rangeX[1]) continue;
    const across = blocked.filter((b) => inside(x, b.x)).map((b) => b.y);
    const y = nearestFree(wanted.y, rangeY, across);
    if (y === null) continue;
    const distance = (x - wanted.x) ** 2 + (y - wanted.y) ** 2;
    if (distance < bestDistance) {
      best = { x, y, zoom };
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The camera that shows the whole map with none of its concepts under what covers the pane (the
 * zoom buttons, the minimap, the Export button, the legend). Of all the cameras that frame the
 * map inside the pane's insets and leave every concept clear, the closest one: the largest zoom,
 * and at that zoom the position nearest the centred one. A map that is clear when centred is
 * framed as a plain fit would frame it.
 */
export function clearFit(input: ClearFitInput): Viewport {
  const { content, pane, insets, minZoom, maxZoom } = input;
  const boxes = [...input.boxes];
  const innerWidth = Math.max(1, pane.width - insets.left - insets.right);
  const innerHeight = Math.max(1, pane.height - insets.top - insets.bottom);
  const fit = Math.min(
    Math.max(
      Math.min(innerWidth / Math.max(content.width, 1), innerHeight / Math.max(content.height, 1)),
      minZoom,
    ),
    maxZoom,
  );
  const plain = clearAt(input, boxes, fit);
  if (plain) return plain;
  let low = Math.max(minZoom, fit * MOST_SHRINK);
  let found = clearAt(input, boxes, low);
  // Covered whatever the zoom: the plain fit hides the least.
  if (!found) return clearAt({ ...input, covers: [] }, boxes, fit)!;
  let high = fit;
  for (let step = 0; step < STEPS; step += 1) {
    const zoom = (low + high) / 2;
    const viewport = clearAt(input, boxes, zoom);
    if (viewport) {
      low = zoom;
      found = viewport;
    } else high = zoom;
  }
  return found;
}
