import type { Atlas } from '../../model/atlas';
import { resolveConceptId } from '../../model/derive-atlas';
import {
  isTourView,
  type FocusDepth,
  type FocusMode,
  type MapRoute,
  type View,
} from '../../model/route';
import type { ConceptKind } from '../../model/schema';
import { clampStep } from '../../model/tour-view';
import type { Slice } from './types';

/** A request to bring one passage of a concept into view in the reader. */
export type PassageRequest = { conceptId: string; index: number; nonce: number };

/** What the reader explores: the view, the selection, its focus, the filters and the search. */
export type ExploreState = {
  /** The main view beside the details and the article. */
  view: View;
  selectedId: string | null;
  focusDepth: FocusDepth;
  focusMode: FocusMode;
  hiddenKinds: ConceptKind[];
  hiddenSections: string[];
  searchQuery: string;
  /** Concepts that match the search box while the user types, best first. */
  searchMatches: string[];
  passageRequest: PassageRequest | null;
};

export type ExploreActions = {
  /** Selects a concept (or nothing) and counts it as visited; an unknown id says so instead. */
  select: (id: string | null) => void;
  /** Shows the map, the outline or the quiz (on a narrow screen, in place of the side panels). */
  setView: (view: View) => void;
  setFocusDepth: (depth: FocusDepth) => void;
  setFocusMode: (mode: FocusMode) => void;
  toggleKind: (kind: ConceptKind) => void;
  toggleSection: (sectionId: string) => void;
  clearFilters: () => void;
  /** The search box's text and its matches, shared once the box has shown them (see SearchBox). */
  setSearch: (query: string, matches: string[]) => void;
  showPassage: (conceptId: string, index: number) => void;
  /** Makes the state match a URL, reporting a concept or tour that does not exist. */
  applyRoute: (route: MapRoute) => void;
};

export const exploreInitial: ExploreState = {
  view: 'map',
  selectedId: null,
  focusDepth: 0,
  focusMode: 'fade',
  hiddenKinds: [],
  hiddenSections: [],
  searchQuery: '',
  searchMatches: [],
  passageRequest: null,
};

/** What a newly opened map starts without; the focus mode is the reader's and stays. */
export const freshMap: Omit<ExploreState, 'focusMode'> = {
  view: 'map',
  selectedId: null,
  focusDepth: 0,
  hiddenKinds: [],
  hiddenSections: [],
  searchQuery: '',
  searchMatches: [],
  passageRequest: null,
};

const toggle = <T>(items: T[], item: T) =>
  items.includes(item) ? items.filter((i) => i !== item) : [...items, item];

const notFound = (id: string) => `Concept “${id}” not found. Showing the whole map instead.`;

/**
 * The one place a selection is written: selecting a concept by any route (a click, a link, Back,
 * a shared URL) counts it as visited.
 */
function selection(atlas: Atlas | null, visited: string[], id: string | null) {
  if (id === null) return { selectedId: null };
  // A link shared before a concept was renamed names its former id: it selects the concept, and
  // the address is rewritten to the id it has now.
  const current = atlas ? resolveConceptId(atlas, id) : null;
  if (current === null) return { selectedId: null, notice: notFound(id) };
  return {
    selectedId: current,
    visited: visited.includes(current) ? visited : [...visited, current],
  };
}

export const createExploreSlice: Slice<ExploreState & ExploreActions> = (set, get) => ({
  ...exploreInitial,
  select: (id) => {
    const { atlas, visited } = get();
    set({ notice: null, ...selection(atlas, visited, id) });
  },
  setView: (view) => set({ view, narrowTab: 'map' }),
  setFocusDepth: (focusDepth) => set({ focusDepth }),
  setFocusMode: (focusMode) => set({ focusMode }),
  toggleKind: (kind) => set((s) => ({ hiddenKinds: toggle(s.hiddenKinds, kind) })),
  toggleSection: (sectionId) =>
    set((s) => ({ hiddenSections: toggle(s.hiddenSections, sectionId) })),
  clearFilters: () => set({ hiddenKinds: [], hiddenSections: [] }),
  setSearch: (searchQuery, searchMatches) => set({ searchQuery, searchMatches }),
  showPassage: (conceptId, index) =>
    set((s) => ({
      passageRequest: { conceptId, index, nonce: (s.passageRequest?.nonce ?? 0) + 1 },
      narrowTab: 'article',
    })),
  applyRoute: (route) => {
    const { atlas, visited } = get();
    const sectionIds = new Set(atlas?.graph.sections.map((s) => s.id));
    const tour = route.tour && atlas?.tours.find((t) => t.id === route.tour?.id);
    const inTour = isTourView(route.view);
    if (inTour && !tour) {
      set({
        view: 'map',
        tour: null,
        notice: `Tour “${route.tour?.id ?? ''}” not found. Showing the map instead.`,
      });
      return;
    }
    set({
      view: route.view,
      // A link to another view shows that view, even where the details or the article had the
      // narrow screen.
      ...(route.view !== get().view ? { narrowTab: 'map' as const } : {}),
      tour:
        inTour && tour && route.tour
          ? { id: tour.id, step: clampStep(tour, route.tour.step) }
          : null,
      reveal: route.reveal,
      notice: null,
      ...selection(atlas, visited, route.conceptId),
      focusDepth: route.depth,
      focusMode: route.mode,
      hiddenKinds: route.hiddenKinds,
      hiddenSections: route.hiddenSections.filter((id) => sectionIds.has(id)),
    });
  },
});
