import { create } from 'zustand';
import { defaultRoute, type FocusDepth, type FocusMode, type MapRoute } from '../lib/route';
import type { Atlas } from '../model/atlas';
import type { ConceptKind } from '../model/schema';

/** A request to bring one passage of a concept into view in the reader. */
export type PassageRequest = { conceptId: string; index: number; nonce: number };

type AtlasState = {
  atlas: Atlas | null;
  problems: string[];
  selectedId: string | null;
  focusDepth: FocusDepth;
  focusMode: FocusMode;
  hiddenKinds: ConceptKind[];
  hiddenSections: string[];
  /** Links between sections cross the whole map; by default only the selection's are drawn. */
  showCrossLinks: boolean;
  searchQuery: string;
  /** Concepts that match the search box while the user types, best first. */
  searchMatches: string[];
  /** A message for the status region, such as an unknown concept in a shared link. */
  notice: string | null;
  passageRequest: PassageRequest | null;
  /** Panel widths in percent: map, details, article. */
  panels: [number, number, number];
  textSize: 'normal' | 'large';
  /** The tab shown on narrow screens, where the panels cannot sit side by side. */
  narrowTab: NarrowTab;
  shortcutsOpen: boolean;
};

export type NarrowTab = 'map' | 'details' | 'article';

type AtlasActions = {
  setAtlas: (atlas: Atlas) => void;
  setProblems: (problems: string[]) => void;
  select: (id: string | null) => void;
  setFocusDepth: (depth: FocusDepth) => void;
  setFocusMode: (mode: FocusMode) => void;
  toggleKind: (kind: ConceptKind) => void;
  toggleSection: (sectionId: string) => void;
  clearFilters: () => void;
  setShowCrossLinks: (show: boolean) => void;
  setSearch: (query: string, matches: string[]) => void;
  setNotice: (notice: string | null) => void;
  showPassage: (conceptId: string, index: number) => void;
  setPanels: (panels: [number, number, number]) => void;
  setTextSize: (size: 'normal' | 'large') => void;
  setNarrowTab: (tab: NarrowTab) => void;
  setShortcutsOpen: (open: boolean) => void;
  /** Makes the state match a URL, reporting a concept that does not exist. */
  applyRoute: (route: MapRoute) => void;
};

export type AtlasStore = AtlasState & AtlasActions;

const toggle = <T>(items: T[], item: T) =>
  items.includes(item) ? items.filter((i) => i !== item) : [...items, item];

function conceptExists(atlas: Atlas | null, id: string) {
  return atlas?.graph.concepts.some((c) => c.id === id) ?? false;
}

const notFound = (id: string) => `Concept “${id}” not found. Showing the whole map instead.`;

export const useAtlasStore = create<AtlasStore>()((set, get) => ({
  atlas: null,
  problems: [],
  selectedId: null,
  focusDepth: 0,
  focusMode: 'fade',
  hiddenKinds: [],
  hiddenSections: [],
  showCrossLinks: false,
  searchQuery: '',
  searchMatches: [],
  notice: null,
  passageRequest: null,
  panels: [50, 22, 28],
  textSize: 'normal',
  narrowTab: 'map',
  shortcutsOpen: false,
  setAtlas: (atlas) => set({ atlas, problems: [] }),
  setProblems: (problems) => set({ problems }),
  select: (id) => {
    if (id !== null && !conceptExists(get().atlas, id)) {
      set({ selectedId: null, notice: notFound(id) });
      return;
    }
    set({ selectedId: id, notice: null });
  },
  setFocusDepth: (focusDepth) => set({ focusDepth }),
  setFocusMode: (focusMode) => set({ focusMode }),
  toggleKind: (kind) => set((s) => ({ hiddenKinds: toggle(s.hiddenKinds, kind) })),
  toggleSection: (sectionId) =>
    set((s) => ({ hiddenSections: toggle(s.hiddenSections, sectionId) })),
  clearFilters: () => set({ hiddenKinds: [], hiddenSections: [] }),
  setShowCrossLinks: (showCrossLinks) => set({ showCrossLinks }),
  setSearch: (searchQuery, searchMatches) => set({ searchQuery, searchMatches }),
  setNotice: (notice) => set({ notice }),
  showPassage: (conceptId, index) =>
    set((s) => ({
      passageRequest: { conceptId, index, nonce: (s.passageRequest?.nonce ?? 0) + 1 },
      narrowTab: 'article',
    })),
  setPanels: (panels) => set({ panels }),
  setTextSize: (textSize) => set({ textSize }),
  setNarrowTab: (narrowTab) => set({ narrowTab }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  applyRoute: (route) => {
    const { atlas } = get();
    const sectionIds = new Set(atlas?.graph.sections.map((s) => s.id));
    const known = route.conceptId === null || conceptExists(atlas, route.conceptId);
    set({
      selectedId: known ? route.conceptId : null,
      notice: known || route.conceptId === null ? null : notFound(route.conceptId),
      focusDepth: route.depth,
      focusMode: route.mode,
      hiddenKinds: route.hiddenKinds,
      hiddenSections: route.hiddenSections.filter((id) => sectionIds.has(id)),
    });
  },
}));

/** The part of the state a URL holds. */
export function routeOf(state: AtlasState): MapRoute {
  return {
    ...defaultRoute,
    conceptId: state.selectedId,
    depth: state.focusDepth,
    mode: state.focusMode,
    hiddenKinds: state.hiddenKinds,
    hiddenSections: state.hiddenSections,
  };
}
