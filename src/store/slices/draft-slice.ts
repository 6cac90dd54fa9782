import type { TemporalState } from 'zundo';
import type { Atlas } from '../../model/atlas';
import type { Draft } from '../../model/draft';
import type { Slice } from './types';

/** Whether the draft on screen is kept in this browser, and if not, why. */
export type DraftSaving =
  { state: 'saved' } | { state: 'pending' } | { state: 'failed'; problem: string };

/** What the details panel shows while a draft is open: the selected concept's form, or its tours. */
export type DraftPanel = 'concept' | 'tours';

/** The map being made in the browser, if one is open: the one thing undo and redo go through. */
export type DraftState = {
  draft: Draft | null;
  draftSaving: DraftSaving;
  draftPanel: DraftPanel;
};

/** The part of the state that undo and redo restore. */
export type DraftHistory = Pick<DraftState, 'draft'>;

export type DraftActions = {
  /** Shows a draft from the start, with no history to undo: a new one, or one kept from before. */
  openDraft: (draft: Draft, atlas: Atlas) => void;
  /**
   * Changes the draft; undo restores what it was. Edits of one `group` in a row (the keys typed into
   * one field) are undone together, as one.
   */
  editDraft: (draft: Draft, group?: string) => void;
  setDraftSaving: (saving: DraftSaving) => void;
  setDraftPanel: (panel: DraftPanel) => void;
  /** Leaves the draft; what was saved of it stays saved. */
  closeDraft: () => void;
};

export const draftInitial: DraftState = {
  draft: null,
  draftSaving: { state: 'saved' },
  draftPanel: 'concept',
};

/** The last group of edits, so that the next edit of the same group joins it in the history. */
let lastGroup: string | undefined;

export const createDraftSlice: Slice<DraftState & DraftActions> = (set, get, api) => {
  const history = () =>
    (
      api as unknown as { temporal: { getState: () => TemporalState<DraftHistory> } }
    ).temporal.getState();
  return {
    ...draftInitial,
    openDraft: (draft, atlas) => {
      lastGroup = undefined;
      set({ draft, draftSaving: { state: 'saved' } });
      get().openAtlas(atlas, { kind: 'draft', name: draft.name });
      history().clear();
    },
    editDraft: (draft, group) => {
      const joins = group !== undefined && group === lastGroup && history().pastStates.length > 0;
      lastGroup = group;
      if (!joins) {
        set({ draft });
        return;
      }
      history().pause();
      set({ draft });
      history().resume();
    },
    setDraftSaving: (draftSaving) => set({ draftSaving }),
    setDraftPanel: (draftPanel) => set({ draftPanel }),
    closeDraft: () => {
      lastGroup = undefined;
      set({ draft: null, draftSaving: { state: 'saved' } });
      history().clear();
    },
  };
};

/** Ends a group of edits, so that the next edit starts a step of its own in the history. */
export function endEditGroup(): void {
  lastGroup = undefined;
}
