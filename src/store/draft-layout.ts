import type { Anchors } from '../model/anchor';
import { draftGraph, draftLayoutKey, type Draft } from '../model/draft';
import type { Graph, Layout } from '../model/schema';
import { useAtlasStore } from './atlas-store';

/** Lays a map out somewhere (the app does it with ELK, in a worker); stops when `signal` aborts. */
export type DraftLayOut = (graph: Graph, anchors: Anchors, signal: AbortSignal) => Promise<Layout>;

/** How long after the last change the draft is laid out again: a label typed is laid out once. */
export const LAYOUT_DELAY_MS = 250;

/**
 * While a draft is open: lays its concepts out with `layOut` as concepts and relations come and
 * go (see `draftLayoutKey`), and keeps the layout in the store, which redraws the map with it
 * (draft-sync.ts); meanwhile `draftLayingOut` says the map is still to move. A layout asked for
 * while another runs replaces it. Returns a way to stop.
 */
export function startDraftLayout(layOut: DraftLayOut, delayMs = LAYOUT_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | null = null;
  let wanted: string | null = null;

  const run = () => {
    timer = undefined;
    const { draft, atlas } = useAtlasStore.getState();
    if (!draft || !atlas) return;
    const key = draftLayoutKey(draft);
    running?.abort();
    const controller = new AbortController();
    running = controller;
    layOut(draftGraph(draft), atlas.anchors, controller.signal).then(
      (layout) => {
        if (controller.signal.aborted) return;
        running = null;
        const now = useAtlasStore.getState();
        if (now.draft?.id === draft.id) now.setDraftLayout({ draftId: draft.id, key, layout });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        running = null;
        // The concepts stay where they were drawn, and the next change tries again.
        wanted = null;
        useAtlasStore.getState().setDraftLayingOut(false);
        console.warn('The draft could not be laid out:', error);
      },
    );
  };

  const consider = (draft: Draft | null) => {
    const key = draft && `${draft.id}\n${draftLayoutKey(draft)}`;
    if (key === wanted) return;
    wanted = key;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const { draftLayout: laid, draftLayingOut, setDraftLayingOut } = useAtlasStore.getState();
    if (!draft || (laid?.draftId === draft.id && laid.key === draftLayoutKey(draft))) {
      running?.abort();
      running = null;
      if (draftLayingOut) setDraftLayingOut(false);
      return;
    }
    if (!draftLayingOut) setDraftLayingOut(true);
    timer = setTimeout(run, delayMs);
  };

  consider(useAtlasStore.getState().draft);
  const unsubscribe = useAtlasStore.subscribe((state, previous) => {
    if (state.draft !== previous.draft) consider(state.draft);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    running?.abort();
    useAtlasStore.getState().setDraftLayingOut(false);
  };
}
