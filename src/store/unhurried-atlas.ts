import { useDeferredValue } from 'react';
import { sameShape, type Atlas } from '../model/derive-atlas';
import { useAtlasStore } from './atlas-store';

/**
 * The map, for work that may wait a moment. While the change since the last map drawn is only of
 * the words of some concepts (a label being typed, see `sameShape`), it is that last map until
 * React has time after the key's frame: a large draft's view, relations, search and reader follow
 * the typing without holding up the node that shows it. Any other change is passed on at once.
 */
export function useUnhurriedAtlas(): Atlas | null {
  const atlas = useAtlasStore((s) => s.atlas);
  const deferred = useDeferredValue(atlas);
  return deferred && atlas && sameShape(deferred, atlas) ? deferred : atlas;
}
