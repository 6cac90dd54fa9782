import type { Atlas } from '../../../model/atlas';
import type { SearchIndex } from '../../../model/search-index';
import { whenIdle } from '../../../shared/when-idle';

/** A map's search index, ready to look up in. */
export type BuiltIndex = {
  atlas: Atlas;
  index: SearchIndex;
  /** A query like a first key typed, for the rehearsal. */
  rehearsal: string;
};

/**
 * What the search keeps of each map it has indexed, for as long as the map itself is kept: a box
 * mounted again, or a map opened again, finds its index built.
 */
type Kept = { index: SearchIndex; rehearsed: boolean };

const kept = new WeakMap<Atlas, Kept>();
/** Stops warming up the last map's index, which a new map makes pointless. */
let stopWarmUp = () => {};

/**
 * The map's search index, built in its own chunk the first time it is asked for. A new index is
 * warmed up while nobody waits, so that the first keys typed do not pay for getting the search
 * code ready. Null when `signal` aborts before the work starts, or before it is done.
 */
export async function loadSearchIndex(
  atlas: Atlas,
  signal: AbortSignal,
): Promise<BuiltIndex | null> {
  const { buildSearchIndexInSteps, warmUp, warmUpQueries } =
    await import('../../../model/search-index');
  if (signal.aborted) return null;
  let entry = kept.get(atlas);
  if (!entry) {
    const index = await buildSearchIndexInSteps(atlas.graph, atlas.article, atlas.anchors);
    entry = { index, rehearsed: false };
    kept.set(atlas, entry);
    stopWarmUp();
    stopWarmUp = warmUp(index, atlas.graph, (next) => whenIdle(next, 2000));
  }
  if (signal.aborted) return null;
  return { atlas, index: entry.index, rehearsal: warmUpQueries(atlas.graph)[0] ?? '' };
}

/** Whether the map's results list is still to be rehearsed (see useRehearsal). */
export const needsRehearsal = (atlas: Atlas): boolean => kept.get(atlas)?.rehearsed === false;

/** Records that the map's results list needs no more rehearsal. */
export function markRehearsed(atlas: Atlas): void {
  const entry = kept.get(atlas);
  if (entry) entry.rehearsed = true;
}
