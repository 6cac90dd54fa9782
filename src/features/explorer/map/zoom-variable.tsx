import { useStore } from '@xyflow/react';
import { useLayoutEffect, type RefObject } from 'react';

/**
 * Gives the map's CSS the camera's zoom as `--zoom`, so that text which must keep its size on
 * screen (the labels and section titles of a zoomed-out map) can undo the zoom. Set on the
 * element directly: re-rendering the map on every frame of a zoom would cost far more.
 */
export function ZoomVariable({ target }: { target: RefObject<HTMLElement | null> }) {
  const zoom = useStore((s) => s.transform[2]);
  useLayoutEffect(() => {
    target.current?.style.setProperty('--zoom', String(zoom));
  }, [target, zoom]);
  return null;
}
