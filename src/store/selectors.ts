import { textScale } from '../model/level-of-detail';
import { defaultRoute, isTourView, type MapRoute } from '../model/route';
import type { Concept } from '../model/schema';
import type { AtlasState } from './atlas-store';

/** Derived rules, written once: components read them with `useAtlasStore(selectX)`. */

/** A tour is on screen, for the audience or the presenter. */
export const selectInTour = (s: AtlasState): boolean => isTourView(s.view);

/** The tour being presented, if any. */
export const selectTourId = (s: AtlasState): string | undefined =>
  isTourView(s.view) ? s.tour?.id : undefined;

/** The selected concept, looked up through the map's index. */
export const selectSelectedConcept = (s: AtlasState): Concept | undefined =>
  s.selectedId === null ? undefined : s.atlas?.conceptById.get(s.selectedId);

/** How much larger the reading text is drawn (see textScale). */
export const selectTextScale = (s: AtlasState): number =>
  textScale(s.textSize === 'large', s.theme === 'projector');

/** The part of the state a URL holds. */
export function routeOf(state: AtlasState): MapRoute {
  return {
    ...defaultRoute,
    view: state.view,
    tour: state.tour,
    reveal: state.reveal,
    conceptId: state.selectedId,
    depth: state.focusDepth,
    mode: state.focusMode,
    hiddenKinds: state.hiddenKinds,
    hiddenSections: state.hiddenSections,
  };
}
