import type { Atlas } from '../../model/atlas';
import { freshMap } from './explore-slice';
import { tourInitial } from './tour-slice';
import type { Slice } from './types';

/**
 * Where the map on screen comes from: the built-in article, a bundle the user opened, or a draft
 * the user is making.
 */
export type ContentSource =
  { kind: 'built-in' } | { kind: 'bundle'; name: string } | { kind: 'draft'; name: string };

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

/** The map on screen, and any map being opened in its place. */
export type ContentState = {
  atlas: Atlas | null;
  source: ContentSource;
  opening: Opening | null;
  /** Why the bundle the user tried to open was refused: every problem, as `place: reason`. */
  openProblems: {
    name: string;
    problems: string[];
    /** The fault may pass (a network, a slow server): the page offers to try again. */
    canRetry?: boolean;
  } | null;
  /** Why the built-in content could not be shown, one line a problem. */
  problems: string[];
};

export type ContentActions = {
  setAtlas: (atlas: Atlas) => void;
  /** Shows another map from the start: no selection, filters, search or tour of the last one. */
  openAtlas: (atlas: Atlas, source: ContentSource) => void;
  setOpening: (opening: Opening | null) => void;
  setOpenProblems: (openProblems: ContentState['openProblems']) => void;
  setProblems: (problems: string[]) => void;
};

export const contentInitial: ContentState = {
  atlas: null,
  source: { kind: 'built-in' },
  opening: null,
  openProblems: null,
  problems: [],
};

export const createContentSlice: Slice<ContentState & ContentActions> = (set, get) => ({
  ...contentInitial,
  setAtlas: (atlas) => {
    // The same empty list when there was none: a draft's map is set again at every key typed, and
    // what shows the problems need not be drawn again.
    set({ atlas, problems: get().problems.length === 0 ? get().problems : [] });
    get().adoptRenamedIds(atlas.renamedIds);
  },
  openAtlas: (atlas, source) => {
    set({
      ...freshMap,
      ...tourInitial,
      atlas,
      source,
      problems: [],
      opening: null,
      openProblems: null,
    });
    get().adoptRenamedIds(atlas.renamedIds);
  },
  setOpening: (opening) => set({ opening }),
  setOpenProblems: (openProblems) => set({ openProblems }),
  setProblems: (problems) => set({ problems }),
});
