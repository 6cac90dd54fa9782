import type { FitViewOptions, ReactFlowState } from '@xyflow/react';
import type { Atlas } from '../../../model/atlas';
import { clearFit } from '../../../model/clear-fit';
import type { Box } from '../../../model/floating';
import type { Viewport } from '../../../model/framing';
import { boundsOf } from '../../../model/visible-window';
import { coversOf } from './covers';
import { WHOLE_MAP_PADDING } from './frame-padding';

/** Room kept between a concept and what covers the map, in pixels. */
export const COVER_ROOM = 8;

type FlowState = Pick<ReactFlowState, 'width' | 'height' | 'minZoom' | 'maxZoom' | 'domNode'> & {
  nodeLookup: ReactFlowState['nodeLookup'];
};

/** The sections and concepts drawn, as React Flow's `fitView` frames them (hidden ones left out). */
function drawnBoxes(state: FlowState): { all: Box[]; concepts: Box[] } {
  const all: Box[] = [];
  const concepts: Box[] = [];
  for (const node of state.nodeLookup.values()) {
    if (node.hidden) continue;
    const width = node.measured.width ?? node.width ?? 0;
    const height = node.measured.height ?? node.height ?? 0;
    const { x, y } = node.internals.positionAbsolute;
    const box = { x, y, width, height };
    all.push(box);
    if (node.type === 'concept') concepts.push(box);
  }
  return { all, concepts };
}

/** React Flow's padding, a share of the pane split between its two sides, in pixels. */
const sidePadding = (size: number) => Math.floor((size - size / (1 + WHOLE_MAP_PADDING)) / 2);

/**
 * The camera that shows the whole map with no concept under the map's controls, minimap, Export
 * button or legend (see clearFit). A large map has elements only near the camera: its boxes come
 * from the layout. Null while the pane has no size or the map nothing to frame.
 */
export function wholeMapViewport(
  state: FlowState,
  atlas: Atlas | null,
  large: boolean,
): Viewport | null {
  return wholeMap(state, atlas, large)?.viewport ?? null;
}

function wholeMap(
  state: FlowState,
  atlas: Atlas | null,
  large: boolean,
): { viewport: Viewport; content: Box } | null {
  const { width, height, minZoom, maxZoom, domNode } = state;
  if (!(width > 0 && height > 0)) return null;
  const drawn = large && atlas ? null : drawnBoxes(state);
  const concepts = drawn ? drawn.concepts : [...(atlas?.boxes.values() ?? [])];
  const content = drawn
    ? boundsOf(drawn.all)
    : (boundsOf(Object.values(atlas?.layout.sections ?? {})) ?? boundsOf(concepts));
  if (!content || content.width <= 0 || content.height <= 0) return null;
  const x = sidePadding(width);
  const y = sidePadding(height);
  const viewport = clearFit({
    content,
    boxes: concepts,
    covers: coversOf(domNode, COVER_ROOM),
    pane: { width, height },
    insets: { top: y, bottom: y, left: x, right: x },
    minZoom,
    maxZoom,
  });
  return { viewport, content };
}

/**
 * The same camera as `fitView` padding: the room it leaves on each side of the nodes, in pixels.
 * React Flow's own fit then places it, once the nodes are measured, and glides there when asked.
 */
export function wholeMapPadding(state: FlowState): FitViewOptions['padding'] | null {
  const fit = wholeMap(state, null, false);
  if (!fit) return null;
  const { viewport: v, content } = fit;
  const left = v.x + content.x * v.zoom;
  const top = v.y + content.y * v.zoom;
  const right = state.width - left - content.width * v.zoom;
  const bottom = state.height - top - content.height * v.zoom;
  return { top: `${top}px`, right: `${right}px`, bottom: `${bottom}px`, left: `${left}px` };
}
