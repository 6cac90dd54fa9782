import type { Box } from './floating.ts';
import { FULL_DETAIL_ZOOM, NODE_LABEL_PX, SELECTED_LABEL_PX } from './level-of-detail.ts';

/** Where the camera stands: a translation on screen and a zoom (React Flow's viewport). */
export type Viewport = { x: number; y: number; zoom: number };

/** Room to keep free on each side of the pane, in screen pixels (an open legend, say). */
export type Insets = { top: number; right: number; bottom: number; left: number };

/**
 * The camera never frames a selection further out than this: zoomed out to here the map still
 * draws the floating labels of the selection and its neighbours, spread wide enough to be placed.
 */
export const MIN_FRAME_ZOOM = 0.5;

/** Close enough that the selected concept's own label reads at the selection's size, 16 px. */
export const SELECTED_FULL_ZOOM = SELECTED_LABEL_PX / NODE_LABEL_PX;

/**
 * The viewport that shows a selection and its neighbourhood at a zoom where their labels read.
 * The whole neighbourhood is framed when it fits at `MIN_FRAME_ZOOM` or closer; otherwise the
 * camera stays at that zoom, leaning towards the neighbourhood as far as the selection stays well
 * inside the view. Between the zoom where box text starts to read and the one where the
 * selection's reads at 16 px, it goes the little further.
 */
export function readableViewport(
  selected: Box | null,
  frame: Box,
  pane: { width: number; height: number },
  insets: Insets,
  maxZoom: number,
): Viewport {
  const innerWidth = Math.max(1, pane.width - insets.left - insets.right);
  const innerHeight = Math.max(1, pane.height - insets.top - insets.bottom);
  const fit = Math.min(
    innerWidth / Math.max(frame.width, 1),
    innerHeight / Math.max(frame.height, 1),
  );
  let zoom = Math.min(Math.max(fit, MIN_FRAME_ZOOM), maxZoom);
  if (zoom >= FULL_DETAIL_ZOOM && zoom < SELECTED_FULL_ZOOM)
    zoom = Math.min(SELECTED_FULL_ZOOM, maxZoom);
  let cx = frame.x + frame.width / 2;
  let cy = frame.y + frame.height / 2;
  if (selected && zoom > fit) {
    // Not all of it fits: keep the selection inside the middle of the view (a fifth clear of
    // each edge, where it can be), as near the neighbourhood's centre as that allows.
    const clampTo = (centre: number, start: number, size: number, view: number) => {
      const margin = Math.min(view / 5, Math.max(0, (view - size) / 2));
      const lowest = start + size + margin - view / 2;
      const highest = start - margin + view / 2;
      return lowest > highest ? start + size / 2 : Math.min(Math.max(centre, lowest), highest);
    };
    cx = clampTo(cx, selected.x, selected.width, innerWidth / zoom);
    cy = clampTo(cy, selected.y, selected.height, innerHeight / zoom);
  }
  return {
    x: insets.left + innerWidth / 2 - cx * zoom,
    y: insets.top + innerHeight / 2 - cy * zoom,
    zoom,
  };
}

/** Insets from React Flow style padding: a fraction of the pane, or pixels where given so. */
export function insetsOf(
  padding: number | string | Partial<Record<keyof Insets, number | string>>,
  pane: { width: number; height: number },
): Insets {
  const side = (value: number | string | undefined, size: number) => {
    if (typeof value === 'string' && value.endsWith('px')) return Number.parseFloat(value);
    return (typeof value === 'number' ? value : 0) * size;
  };
  if (typeof padding !== 'object') {
    return {
      top: side(padding, pane.height),
      bottom: side(padding, pane.height),
      left: side(padding, pane.width),
      right: side(padding, pane.width),
    };
  }
  return {
    top: side(padding.top, pane.height),
    bottom: side(padding.bottom, pane.height),
    left: side(padding.left, pane.width),
    right: side(padding.right, pane.width),
  };
}

/** The map's widest zoom out (a large map's overview goes further, see the concept map). */
export const MAP_MIN_ZOOM = 0.05;

/** A tour step's camera never comes closer than this. */
export const TOUR_MAX_ZOOM = 1.6;

/**
 * The room a tour step's camera leaves around its concepts for their labels, drawn large for the
 * class at `px` (see `tourLabelPx`): React Flow padding, in screen pixels.
 */
export function tourFramePadding(px: number) {
  return {
    top: `${px * 1.6}px`,
    bottom: `${px * 1.6}px`,
    left: `${px * 6}px`,
    right: `${px * 6}px`,
  } as const;
}
