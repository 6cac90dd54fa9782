import type { ReactFlowInstance } from '@xyflow/react';
import type { Box } from '../../../model/floating';
import { OVERVIEW_ZOOM } from './use-concept-window';

/** How far from a concept's box, in screen pixels, a click on the overview still selects it. */
const OVERVIEW_REACH = 6;

type Point = { clientX: number; clientY: number };

/**
 * The concept under a click on the overview canvas, which stands in for the concepts: the nearest
 * box within a few pixels, since zoomed out a box may be a pixel or two high. Null when the map is
 * zoomed in far enough to show the concepts themselves.
 */
export function conceptAtOverview(
  instance: Pick<ReactFlowInstance, 'getZoom' | 'screenToFlowPosition'>,
  boxes: ReadonlyMap<string, Box>,
  hidden: ReadonlySet<string> | undefined,
  point: Point,
): string | null {
  const zoom = instance.getZoom();
  if (zoom >= OVERVIEW_ZOOM) return null;
  const at = instance.screenToFlowPosition({ x: point.clientX, y: point.clientY });
  let nearest: string | null = null;
  let best = OVERVIEW_REACH / zoom;
  for (const [id, box] of boxes) {
    if (hidden?.has(id)) continue;
    const dx = Math.max(box.x - at.x, 0, at.x - box.x - box.width);
    const dy = Math.max(box.y - at.y, 0, at.y - box.y - box.height);
    const distance = Math.hypot(dx, dy);
    if (distance <= best) {
      best = distance;
      nearest = id;
    }
  }
  return nearest;
}
