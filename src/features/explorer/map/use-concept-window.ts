import { useStore } from '@xyflow/react';
import { useMemo } from 'react';
import type { Atlas } from '../../../model/atlas';
import {
  conceptsInWindow,
  visibleWindow,
  windowFromKey,
  windowKey,
} from '../../../model/visible-window';

/**
 * Below this zoom a large map is drawn as an overview on a canvas, without text or links. Labels
 * are 7 px at this zoom, too small to read, and every concept on a screen of them would need an
 * element.
 */
export const OVERVIEW_ZOOM = 0.5;
const OVERVIEW = 'overview';
const noConcepts: ReadonlySet<string> = new Set();

/**
 * Which concepts of a large map get elements: none at the overview, else those in the window
 * around the viewport (see visibleWindow). The store selector returns a string, so a camera move
 * re-renders the map only when the window changes.
 */
export function useConceptWindow(atlas: Atlas | null, enabled: boolean) {
  const key = useStore((s) => {
    if (!enabled) return '';
    if (s.transform[2] < OVERVIEW_ZOOM) return OVERVIEW;
    return windowKey(visibleWindow(s.transform, s.width, s.height));
  });
  return useMemo(() => {
    if (key === OVERVIEW) return { overview: true, concepts: noConcepts };
    const window = windowFromKey(key);
    return {
      overview: false,
      concepts: atlas && window ? conceptsInWindow(atlas.boxes, window) : noConcepts,
    };
  }, [atlas, key]);
}
