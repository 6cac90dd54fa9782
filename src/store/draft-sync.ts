import { draftAtlas, type Draft } from '../model/draft';
import { measureSince } from '../model/timing';
import { useAtlasStore, type AtlasStore } from './atlas-store';
import { flagOpenDraft } from './draft-flag';
import { indexedDbDrafts, saveProblemInWords, stamped, type DraftStorage } from './draft-storage';

/** How long after the last edit the draft is written: a burst of keys is written once. */
export const SAVE_DELAY_MS = 400;

export type DraftSyncOptions = {
  storage?: DraftStorage;
  delayMs?: number;
  /** The draft about to open as it is kept already: opening it writes nothing, nor is it changed. */
  kept?: Draft;
};

let stopRunning: (() => void) | null = null;

/** Writes started and not yet done, so that what follows them (a deletion) can wait for them. */
const underWay = new Set<Promise<void>>();

/** Draws the draft's map again: its concepts where the layout engine last placed them, if it has. */
function redraw(state: AtlasStore): void {
  if (!state.draft) return;
  const laid = state.draftLayout?.draftId === state.draft.id ? state.draftLayout.layout : null;
  try {
    state.setAtlas(draftAtlas(state.draft, laid, state.atlas));
  } catch (error) {
    console.warn('The draft could not be drawn:', error);
  }
}

/**
 * While a draft is open: every change of it (an edit, an undo) redraws the map at once, as does a
 * new layout of it (see draft-layout.ts), and each change is written to the browser's storage
 * shortly after; a write that fails says so and keeps the draft in memory. Opening another map
 * leaves the draft, which stays saved: a change still waiting to be written is written at once
 * when the draft is left, another draft opens or the sync stops, so that leaving never loses the
 * last keys typed. Returns a way to stop; starting again replaces the last one.
 */
export function startDraftSync({
  storage = indexedDbDrafts,
  delayMs = SAVE_DELAY_MS,
  kept,
}: DraftSyncOptions = {}): () => void {
  stopRunning?.();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written: Draft | null = null;
  /** The last change, until it is written. */
  let waiting: Draft | null = null;

  const write = async (draft: Draft) => {
    const store = useAtlasStore.getState;
    const started = performance.now();
    try {
      await storage.write(stamped(draft));
      written = draft;
      if (store().draft === draft) store().setDraftSaving({ state: 'saved' });
      // From the save's start until it is kept: the benchmark weighs the tasks within it.
      measureSince('draft: save', started);
    } catch (error) {
      if (store().draft?.id === draft.id) {
        store().setDraftSaving({ state: 'failed', problem: saveProblemInWords(error) });
      } else {
        store().setNotice(
          `The last change to “${draft.name}” could not be saved: ${saveProblemInWords(error)}`,
        );
      }
    }
  };

  /** Writes the change waiting, now. */
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const draft = waiting;
    waiting = null;
    if (!draft) return;
    if (draft === written) {
      // Undone and redone within the delay: what is kept is what is on screen already.
      const store = useAtlasStore.getState();
      if (store.draft === draft) store.setDraftSaving({ state: 'saved' });
      return;
    }
    const writing = write(draft);
    underWay.add(writing);
    void writing.finally(() => underWay.delete(writing));
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
    // Another draft, or none: the one left keeps its last change.
    if (previous.draft && previous.draft.id !== state.draft?.id) flush();
    if (!state.draft) {
      flagOpenDraft(null);
      return;
    }
    if (previous.draft?.id !== state.draft.id) flagOpenDraft(state.draft.id);
    if (state.draft === kept && previous.draft?.id !== kept.id) {
      // Opening a kept draft is no change of it: its time of last change stays.
      written = kept;
      return;
    }
    if (previous.draft?.id === state.draft.id) {
      redraw(state);
      followRename(state.draft);
    }
    if (state.draftSaving.state !== 'failed') state.setDraftSaving({ state: 'pending' });
    waiting = state.draft;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });

  const stop = () => {
    unsubscribe();
    flush();
    if (stopRunning === stop) stopRunning = null;
  };
  stopRunning = stop;
  return stop;
}

/** The map on screen is named as the draft is, once it is renamed (or the rename undone). */
function followRename(draft: Draft): void {
  const { source } = useAtlasStore.getState();
  if (source.kind === 'draft' && source.name !== draft.name) {
    useAtlasStore.setState({ source: { kind: 'draft', name: draft.name } });
  }
}

/** Resolves once every write started has been done or refused. */
export async function settleDraftWrites(): Promise<void> {
  await Promise.all([...underWay]);
}

/** Writes the open draft now, as when the page is left; resolves once it is written or refused. */
export async function saveDraftNow(storage: DraftStorage = indexedDbDrafts): Promise<boolean> {
  const { draft } = useAtlasStore.getState();
  if (!draft) return true;
  try {
    await storage.write(stamped(draft));
    useAtlasStore.getState().setDraftSaving({ state: 'saved' });
    return true;
  } catch (error) {
    useAtlasStore
      .getState()
      .setDraftSaving({ state: 'failed', problem: saveProblemInWords(error) });
    return false;
  }
}
