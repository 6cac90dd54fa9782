import { draftAtlas, type Draft } from '../model/draft';
import { useAtlasStore, type AtlasStore } from './atlas-store';
import { flagOpenDraft } from './draft-flag';
import { indexedDbDrafts, saveProblemInWords, type DraftStorage } from './draft-storage';

/** How long after the last edit the draft is written: a burst of keys is written once. */
export const SAVE_DELAY_MS = 400;

export type DraftSyncOptions = { storage?: DraftStorage; delayMs?: number };

let stopRunning: (() => void) | null = null;

/** Draws the draft's map again: its concepts where the layout engine last placed them, if it has. */
function redraw(state: AtlasStore): void {
  if (!state.draft) return;
  const laid = state.draftLayout?.draftId === state.draft.id ? state.draftLayout.layout : null;
  try {
    state.setAtlas(draftAtlas(state.draft, laid));
  } catch (error) {
    console.warn('The draft could not be drawn:', error);
  }
}

/**
 * While a draft is open: every change of it (an edit, an undo) redraws the map at once, as does a
 * new layout of it (see draft-layout.ts), and each change is written to the browser's storage
 * shortly after; a write that fails says so and keeps the
 * draft in memory. Opening another map leaves the draft, which stays saved. Returns a way to
 * stop; starting again replaces the last one.
 */
export function startDraftSync({
  storage = indexedDbDrafts,
  delayMs = SAVE_DELAY_MS,
}: DraftSyncOptions = {}): () => void {
  stopRunning?.();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written: Draft | null = null;

  const write = async () => {
    timer = undefined;
    const { draft } = useAtlasStore.getState();
    if (!draft || draft === written) return;
    try {
      await storage.write(draft);
      written = draft;
      if (useAtlasStore.getState().draft === draft) {
        useAtlasStore.getState().setDraftSaving({ state: 'saved' });
      }
    } catch (error) {
      useAtlasStore
        .getState()
        .setDraftSaving({ state: 'failed', problem: saveProblemInWords(error) });
    }
  };

  const unsubscribe = useAtlasStore.subscribe((state, previous) => {
    if (state.source.kind !== 'draft' && previous.source.kind === 'draft' && state.draft) {
      state.closeDraft();
      return;
    }
    if (state.draft === previous.draft) {
      if (state.draft && state.draftLayout !== previous.draftLayout) redraw(state);
      return;
    }
    if (!state.draft) {
      flagOpenDraft(null);
      return;
    }
    flagOpenDraft(state.draft.id);
    if (previous.draft?.id === state.draft.id) redraw(state);
    if (state.draftSaving.state !== 'failed') state.setDraftSaving({ state: 'pending' });
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void write(), delayMs);
  });

  const stop = () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    if (stopRunning === stop) stopRunning = null;
  };
  stopRunning = stop;
  return stop;
}

/** Writes the open draft now, as when the page is left; resolves once it is written or refused. */
export async function saveDraftNow(storage: DraftStorage = indexedDbDrafts): Promise<boolean> {
  const { draft } = useAtlasStore.getState();
  if (!draft) return true;
  try {
    await storage.write(draft);
    useAtlasStore.getState().setDraftSaving({ state: 'saved' });
    return true;
  } catch (error) {
    useAtlasStore
      .getState()
      .setDraftSaving({ state: 'failed', problem: saveProblemInWords(error) });
    return false;
  }
}
