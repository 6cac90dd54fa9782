import { startTransition, useEffect, useState } from 'react';
import { sameShape, type Atlas } from '../model/derive-atlas';
import { useAtlasStore } from './atlas-store';

/**
 * The map, for work that may wait a moment. While a change of it is only of the words of some
 * concepts (a label being typed, see `sameShape`), the component hears of it in a transition:
 * it is drawn again after the key's frame, not in it, so that a large draft's view, relations,
 * search and legend follow the typing without holding up the node that shows it. Any other
 * change comes at once, with the rest of the page.
 */
export function useUnhurriedAtlas(): Atlas | null {
  const [atlas, setAtlas] = useState(() => useAtlasStore.getState().atlas);
  useEffect(() => {
    const follow = (next: Atlas | null, last: Atlas | null) => {
      if (next && last && sameShape(last, next)) startTransition(() => setAtlas(next));
      else setAtlas(next);
    };
    // A change between the first render and this subscription is not missed.
    follow(useAtlasStore.getState().atlas, atlas);
    return useAtlasStore.subscribe((state, previous) => {
      if (state.atlas !== previous.atlas) follow(state.atlas, previous.atlas);
    });
    // Subscribed once: `atlas` is only the first value, to compare the store's with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return atlas;
}
