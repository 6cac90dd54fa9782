import { create } from 'zustand';
import {
  defaultRoute,
  type FocusDepth,
  type FocusMode,
  type MapRoute,
  type View,
} from '../model/route';
import type { Atlas } from '../model/atlas';
import { clampStep } from '../model/tour-view';
import type { ConceptKind } from '../model/schema';
import type { StudyNote } from './study-storage';

/** A request to bring one passage of a concept into view in the reader. */
export type PassageRequest = { conceptId: string; index: number; nonce: number };

/** Where the map on screen comes from: the built-in article, or a bundle the user opened. */
export type ContentSource = { kind: 'built-in' } | { kind: 'bundle'; name: string };

/** A bundle being opened: the current map stays on screen meanwhile. */
export type Opening = {
  name: string;
  done: number;
  total: number;
  /**
   * Opened as the page starts (from `?bundle=` or the last visit): the page waits for it rather
   * than drawing the built-in map first, and shows the built-in map only if it fails.
   */
  startup?: boolean;
};

type AtlasState = {
  atlas: Atlas | null;
  source: ContentSource;
  opening: Opening | null;
  /** Why the bundle the user tried to open was refused: every problem, as `place: reason`. */
  openProblems: { name: string; problems: string[] } | null;
  openMapOpen: boolean;
  /** The tour on screen and its step (1-based), in the tour and presenter views. */
  tour: { id: string; step: number } | null;
  /** Progressive reveal: concepts of later steps stay hidden. */
  reveal: boolean;
  theme: Theme;
  /** The main view beside the details and the article. */
  view: View;
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
  /** The student's own notes, by concept id, saved in the browser as they type. */
  notes: Record<string, StudyNote>;
  /** Concepts the student has opened, in the order first opened. */
  visited: string[];
  quizzed: string[];
  /** Why notes could not be saved or read; shown beside the notes box, apart from `notice`. */
  studyProblem: string | null;
};

/** What an import changed: new notes, notes joined to an existing one, and notes already here. */
export type NotesImport = { added: number; combined: number; unchanged: number };

export type Theme = 'standard' | 'projector';

export type NarrowTab = 'map' | 'details' | 'article';

type AtlasActions = {
  setAtlas: (atlas: Atlas) => void;
  /** Shows another map from the start: no selection, filters, search or tour of the last one. */
  openAtlas: (atlas: Atlas, source: ContentSource) => void;
  setOpening: (opening: Opening | null) => void;
  setOpenProblems: (openProblems: AtlasState['openProblems']) => void;
  setOpenMapOpen: (open: boolean) => void;
  setView: (view: View) => void;
  /** Starts a tour at its first step, or moves to a step (kept inside the tour). */
  goToStep: (tourId: string, step: number) => void;
  leaveTour: () => void;
  setReveal: (reveal: boolean) => void;
  setTheme: (theme: Theme) => void;
  setProblems: (problems: string[]) => void;
  select: (id: string | null) => void;
  setFocusDepth: (depth: FocusDepth) => void;
  setFocusMode: (mode: FocusMode) => void;
  toggleKind: (kind: ConceptKind) => void;
  toggleSection: (sectionId: string) => void;
  clearFilters: () => void;
  setShowCrossLinks: (show: boolean) => void;
  /** The search box's text and its matches, shared once the box has shown them (see SearchBox). */
  setSearch: (query: string, matches: string[]) => void;
  setNotice: (notice: string | null) => void;
  showPassage: (conceptId: string, index: number) => void;
  setPanels: (panels: [number, number, number]) => void;
  setTextSize: (size: 'normal' | 'large') => void;
  setNarrowTab: (tab: NarrowTab) => void;
  setShortcutsOpen: (open: boolean) => void;
  /** Sets a concept's note; empty text removes it. */
  setNote: (conceptId: string, text: string) => void;
  markVisited: (id: string) => void;
  markQuizzed: (ids: string[]) => void;
  /** Forgets which concepts were visited and quizzed; notes are kept. */
  resetProgress: () => void;
  /** Adds imported notes without replacing any text the student already has. */
  importNotes: (notes: Record<string, string>, mode: 'merge') => NotesImport;
  setStudyProblem: (message: string | null) => void;
  /** Makes the state match a URL, reporting a concept that does not exist. */
  applyRoute: (route: MapRoute) => void;
};

export type AtlasStore = AtlasState & AtlasActions;

const toggle = <T>(items: T[], item: T) =>
  items.includes(item) ? items.filter((i) => i !== item) : [...items, item];

function conceptExists(atlas: Atlas | null, id: string) {
  return atlas?.graph.concepts.some((c) => c.id === id) ?? false;
}

const withAll = (items: string[], added: string[]) => {
  const missing = added.filter((item, i) => !items.includes(item) && added.indexOf(item) === i);
  return missing.length ? [...items, ...missing] : items;
};

/**
 * Joins an imported note to the current one so that neither text is lost: a text already contained
 * in the other is not repeated.
 */
function mergeNote(current: string, imported: string): string | null {
  if (current.includes(imported)) return null;
  if (imported.includes(current)) return imported;
  return `${current}\n\n${imported}`;
}

const notFound = (id: string) => `Concept “${id}” not found. Showing the whole map instead.`;

const now = () => new Date().toISOString();

export const useAtlasStore = create<AtlasStore>()((set, get) => ({
  atlas: null,
  source: { kind: 'built-in' },
  opening: null,
  openProblems: null,
  openMapOpen: false,
  view: 'map',
  tour: null,
  reveal: false,
  theme: 'standard',
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
  notes: {},
  visited: [],
  quizzed: [],
  studyProblem: null,
  setAtlas: (atlas) => set({ atlas, problems: [] }),
  openAtlas: (atlas, source) =>
    set({
      atlas,
      source,
      problems: [],
      opening: null,
      openProblems: null,
      view: 'map',
      tour: null,
      reveal: false,
      selectedId: null,
      focusDepth: 0,
      hiddenKinds: [],
      hiddenSections: [],
      searchQuery: '',
      searchMatches: [],
      passageRequest: null,
    }),
  setOpening: (opening) => set({ opening }),
  setOpenProblems: (openProblems) => set({ openProblems }),
  setOpenMapOpen: (openMapOpen) => set({ openMapOpen }),
  setView: (view) => set({ view }),
  goToStep: (tourId, step) => {
    const tour = get().atlas?.tours.find((t) => t.id === tourId);
    if (!tour) {
      set({ notice: `Tour “${tourId}” not found.` });
      return;
    }
    const view = get().view === 'presenter' ? 'presenter' : 'tour';
    set({ view, tour: { id: tourId, step: clampStep(tour, step) } });
  },
  leaveTour: () => set({ view: 'map', tour: null }),
  setReveal: (reveal) => set({ reveal }),
  setTheme: (theme) => set({ theme }),
  setProblems: (problems) => set({ problems }),
  select: (id) => {
    if (id !== null && !conceptExists(get().atlas, id)) {
      set({ selectedId: null, notice: notFound(id) });
      return;
    }
    set((s) => ({
      selectedId: id,
      notice: null,
      ...(id === null ? {} : { visited: withAll(s.visited, [id]) }),
    }));
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
  setNote: (conceptId, text) =>
    set((s) => {
      // Only an empty box removes the note: whitespace is text the student is still typing.
      if (text !== '') return { notes: { ...s.notes, [conceptId]: { text, updated: now() } } };
      if (!(conceptId in s.notes)) return {};
      const notes = { ...s.notes };
      delete notes[conceptId];
      return { notes };
    }),
  markVisited: (id) => set((s) => ({ visited: withAll(s.visited, [id]) })),
  markQuizzed: (ids) => set((s) => ({ quizzed: withAll(s.quizzed, ids) })),
  resetProgress: () => set({ visited: [], quizzed: [] }),
  importNotes: (imported) => {
    const result: NotesImport = { added: 0, combined: 0, unchanged: 0 };
    const notes = { ...get().notes };
    const updated = now();
    for (const [id, text] of Object.entries(imported)) {
      if (text === '') continue;
      const current = notes[id]?.text;
      const next = current === undefined ? text : mergeNote(current, text);
      if (next === null) {
        result.unchanged += 1;
        continue;
      }
      result[current === undefined ? 'added' : 'combined'] += 1;
      notes[id] = { text: next, updated };
    }
    if (result.added + result.combined > 0) set({ notes });
    return result;
  },
  setStudyProblem: (studyProblem) => set({ studyProblem }),
  applyRoute: (route) => {
    const { atlas } = get();
    const sectionIds = new Set(atlas?.graph.sections.map((s) => s.id));
    const known = route.conceptId === null || conceptExists(atlas, route.conceptId);
    const tour = route.tour && atlas?.tours.find((t) => t.id === route.tour?.id);
    const inTour = route.view === 'tour' || route.view === 'presenter';
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
      tour:
        inTour && tour && route.tour
          ? { id: tour.id, step: clampStep(tour, route.tour.step) }
          : null,
      reveal: route.reveal,
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
