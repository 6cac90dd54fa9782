import { type Box, boxesMeet } from './floating.ts';

/** A camera as React Flow keeps it: translation in screen pixels, then zoom. */
export type Transform = readonly [x: number, y: number, zoom: number];

/**
 * The part of a large map whose concepts get elements: the viewport, snapped outwards to a grid of
 * cells of about a quarter of its shorter side, with one more cell all round. Panning changes it
 * only when the view crosses into a new cell, and what comes into view was already drawn. The cell
 * size is a power of two, so zooming changes it only at each doubling. Null while the viewport has
 * no size.
 */
export function visibleWindow(transform: Transform, width: number, height: number): Box | null {
  const [tx, ty, zoom] = transform;
  if (!(width > 0 && height > 0 && zoom > 0)) return null;
  const w = width / zoom;
  const h = height / zoom;
  const cell = 2 ** Math.floor(Math.log2(Math.min(w, h) / 4));
  const left = -tx / zoom;
  const top = -ty / zoom;
  const x0 = (Math.floor(left / cell) - 1) * cell;
  const y0 = (Math.floor(top / cell) - 1) * cell;
  const x1 = (Math.floor((left + w) / cell) + 2) * cell;
  const y1 = (Math.floor((top + h) / cell) + 2) * cell;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A window as a string that stays equal while the window does, for a store selector. */
export const windowKey = (window: Box | null): string =>
  window ? `${window.x} ${window.y} ${window.width} ${window.height}` : '';

export function windowFromKey(key: string): Box | null {
  const [x, y, width, height] = key.split(' ').map(Number);
  if (x === undefined || y === undefined || width === undefined || height === undefined)
    return null;
  if (![x, y, width, height].every(Number.isFinite)) return null;
  return { x, y, width, height };
}

/** The concepts whose boxes reach into the window. */
export function conceptsInWindow(boxes: ReadonlyMap<string, Box>, window: Box): Set<string> {
  const inside = new Set<string>();
  for (const [id, box] of boxes) if (boxesMeet(box, window)) inside.add(id);
  return inside;
}

/** The smallest box around the given boxes, or null when there are none. */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const box of boxes) {
    x0 = Math.min(x0, box.x);
    y0 = Math.min(y0, box.y);
    x1 = Math.max(x1, box.x + box.width);
    y1 = Math.max(y1, box.y + box.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
