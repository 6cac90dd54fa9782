import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { temporal } from 'zundo';
import { preferencesOptions, withProblem } from './preferences';
import { createContentSlice, type ContentActions, type ContentState } from './slices/content-slice';
import {
  createDraftSlice,
  type DraftActions,
  type DraftHistory,
  type DraftState,
} from './slices/draft-slice';
import { createExploreSlice, type ExploreActions, type ExploreState } from './slices/explore-slice';
import { createStudySlice, type StudyActions, type StudyState } from './slices/study-slice';
import { createTourSlice, type TourActions, type TourState } from './slices/tour-slice';
import { createUiSlice, type UiActions, type UiState } from './slices/ui-slice';

export type { ContentSource, Opening } from './slices/content-slice';
export type {
  DraftLayout,
  DraftPanel,
  DraftSaving,
  PassageFix,
  RelationRequest,
} from './slices/draft-slice';
export type { PassageRequest } from './slices/explore-slice';
export type { NotesImport } from './slices/study-slice';
export type { NarrowTab, Preferences, TextSize, Theme } from './slices/ui-slice';

export type AtlasState = ContentState &
  ExploreState &
  TourState &
  StudyState &
  UiState &
  DraftState;
export type AtlasActions = ContentActions &
  ExploreActions &
  TourActions &
  StudyActions &
  UiActions &
  DraftActions;
export type AtlasStore = AtlasState & AtlasActions;

const report = (problem: string) =>
  useAtlasStore.setState((s) => ({ notice: withProblem(s.notice, problem) }));

/**
 * The one store: the map on screen (content), what the reader explores, the tour presented, the
 * student's own work (study), the app's chrome (ui) and the map a teacher is making (draft).
 * Each slice declares its part; the preferences among the ui's fields are kept for the next
 * visit, and the draft alone has a history to undo (`useAtlasStore.temporal`).
 */
export const useAtlasStore = create<AtlasStore>()(
  persist(
    temporal(
      (...a) => ({
        ...createContentSlice(...a),
        ...createExploreSlice(...a),
        ...createTourSlice(...a),
        ...createStudySlice(...a),
        ...createUiSlice(...a),
        ...createDraftSlice(...a),
      }),
      {
        partialize: (state): DraftHistory => ({ draft: state.draft }),
        equality: (past, current) => past.draft === current.draft,
        limit: 500,
      },
    ),
    preferencesOptions<AtlasStore>(report),
  ),
);
