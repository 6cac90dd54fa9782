import {
  getViewportForBounds,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { cameraDuration } from '../../../shared/motion';
import {
  insetsOf,
  readableViewport,
  TOUR_MAX_ZOOM,
  tourFramePadding,
} from '../../../model/framing';
import { tourLabelPx } from '../../../model/level-of-detail';
import type { Box } from '../../../model/flow';
import { boundsOf } from '../../../model/visible-window';
import { useAtlasStore } from '../../../store/atlas-store';
import { selectInTour } from '../../../store/selectors';
import { framePadding, WHOLE_MAP_PADDING } from './frame-padding';
import { wholeMapPadding, wholeMapViewport } from './whole-map-view';

type Props = {
  frame: readonly string[];
  /** The selected concept, which a framing keeps in view when its neighbourhood does not fit. */
  selectedId: string | null;
  large: boolean;
  onFramed: () => void;
};

/** Whether a box of the map lies wholly on screen. */
function inView(
  {
    transform: [x, y, zoom],
    width,
    height,
  }: { transform: [number, number, number]; width: number; height: number },
  box: Box | null,
): boolean {
  if (!box) return true;
  return (
    box.x >= -x / zoom &&
    box.y >= -y / zoom &&
    box.x + box.width <= (width - x) / zoom &&
    box.y + box.height <= (height - y) / zoom
  );
}

/** Moves the camera smoothly to the selection's neighbourhood (instantly under reduced motion). */
export function CameraFollower({ frame, selectedId, large, onFramed }: Props) {
  const { fitView, setViewport } = useReactFlow();
  const store = useStoreApi();
  const initialised = useNodesInitialized();
  const sized = useStore((s) => s.width > 0 && s.height > 0);
  const atlas = useAtlasStore((s) => s.atlas);
  const framed = useRef(false);
  const framedKey = useRef<string | null>(null);
  const inTour = useAtlasStore(selectInTour);
  const key = frame.join(' ');
  useEffect(() => {
    const ids = key === '' ? [] : key.split(' ');
    // A tour step leaves room around its concepts for their labels, drawn large for the class.
    const padding =
      inTour && ids.length > 0
        ? tourFramePadding(tourLabelPx(window.innerWidth))
        : framePadding(ids.length === 0 ? WHOLE_MAP_PADDING : 0.2, store.getState().domNode);
    const maxZoom = inTour ? TOUR_MAX_ZOOM : 1.1;
    if (large) {
      // Most of a large map's concepts have no element to measure: the camera frames their boxes,
      // and jumps, since every frame of a glide would redraw thousands of concepts. Concepts come
      // and go as the user pans, which must not bring the camera back: it moves for a new frame.
      const wanted = `${key}|${inTour}`;
      if (!sized || !atlas || framedKey.current === wanted) return;
      framedKey.current = wanted;
      if (ids.length === 0) {
        const whole = wholeMapViewport(store.getState(), atlas, true);
        if (!whole) return;
        void setViewport(whole);
      } else {
        const bounds = boundsOf(ids.flatMap((id) => atlas.boxes.get(id) ?? []));
        if (!bounds) return;
        const { width, height, minZoom } = store.getState();
        void setViewport(getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding));
      }
      framed.current = true;
      onFramed();
      return;
    }
    // Nodes must be measured before the camera can frame them. With nothing to frame the camera
    // shows the whole map; a deep link goes straight to its concept.
    if (!initialised) return;
    const first = !framed.current;
    const bounds = atlas ? boundsOf(ids.flatMap((id) => atlas.boxes.get(id) ?? [])) : null;
    // A map being made is drawn again as it changes: the camera stays while what it frames is
    // still in view (a concept dragged, a label typed), and follows only what moved out of it.
    const asked = `${key}|${selectedId}|${inTour}`;
    const whole = ids.length === 0 && atlas ? boundsOf(atlas.boxes.values()) : bounds;
    if (!first && framedKey.current === asked && inView(store.getState(), whole)) return;
    framedKey.current = asked;
    framed.current = true;
    const duration = first ? 0 : cameraDuration(600);
    if (ids.length === 0) {
      // The whole map, with no concept under the map's controls (see wholeMapViewport).
      void fitView({ padding: wholeMapPadding(store.getState()) ?? padding, duration });
    } else if (inTour || !atlas || !bounds) {
      void fitView({ nodes: ids.map((id) => ({ id })), duration, padding, maxZoom });
    } else {
      // A selection is framed where its labels read, even when its neighbours lie far apart.
      const { width, height } = store.getState();
      const selected = (selectedId && atlas.boxes.get(selectedId)) || null;
      const insets = insetsOf(padding, { width, height });
      const viewport = readableViewport(selected, bounds, { width, height }, insets, maxZoom);
      void setViewport(viewport, { duration });
    }
    onFramed();
  }, [
    initialised,
    sized,
    atlas,
    key,
    selectedId,
    inTour,
    fitView,
    setViewport,
    store,
    large,
    onFramed,
  ]);
  return null;
}
