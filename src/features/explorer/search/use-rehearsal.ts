import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../model/search-index';
import { afterPaint } from '../../../shared/after-paint';
import { whenIdle } from '../../../shared/when-idle';
import { SHOWN_RESULTS } from './result-limits';
import { type BuiltIndex, markRehearsed, needsRehearsal } from './search-indexes';

/**
 * Results for the list to show once, unseen, at an idle moment after the index is built, and
 * null again once that frame is painted. The first list a page lays out costs the browser about
 * twice what later ones do (new styles, fonts and code), and without the rehearsal that landed on
 * the first key typed. A list the user already opened needs none.
 */
export function useRehearsal(built: BuiltIndex | null, typed: boolean): SearchHit[] | null {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const atlas = built?.atlas;
  const index = built?.index;
  const query = built?.rehearsal ?? '';
  useEffect(() => {
    if (!atlas || !index || !needsRehearsal(atlas)) return;
    if (typed) {
      markRehearsed(atlas);
      return;
    }
    return whenIdle(() => {
      markRehearsed(atlas);
      const { hits } = index.lookup(query, SHOWN_RESULTS, 0);
      if (hits.length > 0) setHits(hits);
    }, 2000);
  }, [atlas, index, query, typed]);
  useEffect(() => {
    if (!hits) return;
    return afterPaint(() => setHits(null));
  }, [hits]);
  return hits;
}
