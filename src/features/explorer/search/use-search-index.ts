import { useEffect, useState } from 'react';
import type { Atlas } from '../../../model/atlas';
import { sameShape } from '../../../model/derive-atlas';
import { whenIdle } from '../../../shared/when-idle';
import { type BuiltIndex, loadSearchIndex } from './search-indexes';

/**
 * The search index, built once per map: when the browser is idle after the first paint, or at
 * once when the user starts searching (`wanted`). Null until it is ready; while a draft's concepts
 * change only in their words (see `sameShape`), the last index serves until the next is built.
 */
export function useSearchIndex(atlas: Atlas | null, wanted: boolean): BuiltIndex | null {
  const [built, setBuilt] = useState<BuiltIndex | null>(null);
  const ready = built !== null && built.atlas === atlas;
  useEffect(() => {
    if (!atlas || ready) return;
    const stop = new AbortController();
    const build = () => {
      void loadSearchIndex(atlas, stop.signal).then((loaded) => {
        if (loaded) setBuilt(loaded);
      });
    };
    let cancel: () => void;
    if (wanted) {
      const timer = setTimeout(build, 0);
      cancel = () => clearTimeout(timer);
    } else cancel = whenIdle(build, 3000);
    return () => {
      stop.abort();
      cancel();
    };
  }, [atlas, ready, wanted]);
  return ready || (built !== null && atlas !== null && sameShape(built.atlas, atlas))
    ? built
    : null;
}
