import type { TemporalState } from 'zundo';
import type { Atlas } from '../../model/atlas';
import type { Draft } from '../../model/draft';
import type { Layout, Passage } from '../../model/schema';
import type { Slice } from './types';

/** Whether the draft on screen is kept in this browser, and if not, why. */
export type DraftSaving =
  { state: 'saved' } | { state: 'pending' } | { state: 'failed'; problem: string };

/** What the details panel shows while a draft is open: the selected concept's form, or its tours. */
export type DraftPanel = 'concept' | 'tours' | 'passages';

/** A passage that no longer anchors, for which the teacher is choosing new words in the reader. */
export type PassageFix = { conceptId: string; index: number; passage: Passage };

/**
 * What the relation form is asked to do: link a concept to one still to be found ("Link to…"),
 * relate two concepts (a line drawn from one to the other on the map), or change a relation.
 */
export type RelationRequest =
  | { kind: 'link'; source: string }
  | { kind: 'new'; source: string; target: string }
  | { kind: 'edit'; relationId: string };

/** Where the layout engine placed a draft's concepts, and for which state of it (its layout key). */
export type DraftLayout = { draftId: string; key: string; layout: Layout };

/** The map being made in the browser, if one is open: the one thing undo and redo go through. */
export type DraftState = {
  draft: Draft | null;
  draftSaving: DraftSaving;
  draftPanel: DraftPanel;
  /** The layout engine's last placing of the draft's concepts; what the user pinned wins. */
  draftLayout: DraftLayout | null;
  /** The draft has changed since, and is being laid out again. */
  draftLayingOut: boolean;
  /** The relation form, while it is open. */
  relationForm: RelationRequest | null;
  /** The editor of the draft's article text, while it is open. */
  articleEditorOpen: boolean;
  /** The lost passage that words selected in the reader will replace, once chosen. */
  passageFix: PassageFix | null;
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
} & DraftMapActions;

type DraftMapActions = {
  setDraftLayout: (draftLayout: DraftLayout) => void;
  setDraftLayingOut: (draftLayingOut: boolean) => void;
  openRelationForm: (request: RelationRequest) => void;
  closeRelationForm: () => void;
  setArticleEditorOpen: (open: boolean) => void;
  setPassageFix: (fix: PassageFix | null) => void;
};

export const draftInitial: DraftState = {
  draft: null,
  draftSaving: { state: 'saved' },
  draftPanel: 'concept',
  draftLayout: null,
  draftLayingOut: false,
  relationForm: null,
  articleEditorOpen: false,
  passageFix: null,
};

/** What the map of a draft adds: its layout, and the form that relates two of its concepts. */
const draftMapActions = (set: (state: Partial<DraftState>) => void): DraftMapActions => ({
  setDraftLayout: (draftLayout) => set({ draftLayout, draftLayingOut: false }),
  setDraftLayingOut: (draftLayingOut) => set({ draftLayingOut }),
  openRelationForm: (relationForm) => set({ relationForm }),
  closeRelationForm: () => set({ relationForm: null }),
  setArticleEditorOpen: (articleEditorOpen) => set({ articleEditorOpen }),
  setPassageFix: (passageFix) => set({ passageFix }),
});

/** The last group of edits, so that the next edit of the same group joins it in the history. */
let lastGroup: string | undefined;

export const createDraftSlice: Slice<DraftState & DraftActions> = (set, get, api) => {
  const history = () =>
    (
      api as unknown as { temporal: { getState: () => TemporalState<DraftHistory> } }
    ).temporal.getState();
  return {
    ...draftInitial,
    ...draftMapActions(set),
    openDraft: (draft, atlas) => {
      lastGroup = undefined;
      set({ ...draftInitial, draft });
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
      set(draftInitial);
      history().clear();
    },
  };
};

/** Ends a group of edits, so that the next edit starts a step of its own in the history. */
export function endEditGroup(): void {
  lastGroup = undefined;
}
