import type { FitViewOptions } from '@xyflow/react';

type Padding = NonNullable<FitViewOptions['padding']>;

/** The room around the whole map when the camera shows all of it. */
export const WHOLE_MAP_PADDING = 0.04;

/**
 * The room to leave around what the camera frames: `fraction` of the view on each side, and on
 * the left at least as far as an open legend reaches over the map, so that it hides nothing.
 */
export function framePadding(fraction: number, pane: HTMLElement | null): Padding {
  const legend = pane?.closest('.map-pane__canvas')?.querySelector('.legend');
  if (!pane || !legend || legend.querySelector('#legend-body[hidden]')) return fraction;
  const covered = legend.getBoundingClientRect().right - pane.getBoundingClientRect().left;
  if (covered <= 0) return fraction;
  return { top: fraction, right: fraction, bottom: fraction, left: `${Math.ceil(covered) + 12}px` };
}
