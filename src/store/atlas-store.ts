import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { preferencesOptions, withProblem } from './preferences';
import { createContentSlice, type ContentActions, type ContentState } from './slices/content-slice';
import { createExploreSlice, type ExploreActions, type ExploreState } from './slices/explore-slice';
import { createStudySlice, type StudyActions, type StudyState } from './slices/study-slice';
import { createTourSlice, type TourActions, type TourState } from './slices/tour-slice';
import { createUiSlice, type UiActions, type UiState } from './slices/ui-slice';

export type { ContentSource, Opening } from './slices/content-slice';
export type { PassageRequest } from './slices/explore-slice';
export type { NotesImport } from './slices/study-slice';
export type { NarrowTab, Preferences, TextSize, Theme } from './slices/ui-slice';

export type AtlasState = ContentState & ExploreState & TourState & StudyState & UiState;
export type AtlasActions = ContentActions & ExploreActions & TourActions & StudyActions & UiActions;
export type AtlasStore = AtlasState & AtlasActions;

const report = (problem: string) =>
  useAtlasStore.setState((s) => ({ notice: withProblem(s.notice, problem) }));

/**
 * The one store: the map on screen (content), what the reader explores, the tour presented, the
 * student's own work (study) and the app's chrome (ui). Each slice declares its part; the
 * preferences among the ui's fields are kept for the next visit.
 */
export const useAtlasStore = create<AtlasStore>()(
  persist(
    (...a) => ({
      ...createContentSlice(...a),
      ...createExploreSlice(...a),
      ...createTourSlice(...a),
      ...createStudySlice(...a),
      ...createUiSlice(...a),
    }),
    preferencesOptions<AtlasStore>(report),
  ),
);
