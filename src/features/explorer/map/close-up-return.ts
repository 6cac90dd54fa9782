import type { ConceptKind } from '../../../model/schema';
import type { StepGraph } from '../../../model/step-graph-layout';

/**
 * A tour step's close-up that has just been left, on its way back to the map: its cards glide to
 * their concepts' places while the close-up fades. The close-up hands itself over here as it goes
 * (to the next step, or out of the tour, where the map it stood over goes with it), and the map on
 * screen (the same one, or the explorer's) draws the glide. One at a time: a close-up left while
 * another glides replaces it at once, so that quick steps never queue glides or leave cards.
 */
export type CloseUpReturn = {
  id: number;
  graph: StepGraph;
  kinds: ReadonlyMap<string, ConceptKind>;
  /** The pane the close-up was laid out in: a map of another size draws it scaled to fit. */
  pane: { width: number; height: number };
  /** When the glide began (`performance.now()`), or null until a map starts drawing it. */
  startedAt: number | null;
};

/** How long the cards take to glide back, as long as they took to come (see the close-up's CSS). */
export const RETURN_MS = 600;
/** How long a close-up waits for a map to glide back to (one still being drawn, after a tour). */
const WAIT_MS = 1000;

let current: CloseUpReturn | null = null;
let made = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function set(next: CloseUpReturn | null) {
  current = next;
  for (const listener of listeners) listener();
}

function endAfter(ms: number, id: number) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (current?.id === id) set(null);
  }, ms);
}

/** Hands a close-up that has been left over to the map, to glide back. */
export function sendCloseUpBack(left: Omit<CloseUpReturn, 'id' | 'startedAt'>): void {
  made += 1;
  const id = made;
  set({ ...left, id, startedAt: null });
  endAfter(WAIT_MS, id);
}

/** The map starts the glide: from now it lasts `RETURN_MS`, whichever map draws it. */
export function startCloseUpReturn(id: number): void {
  if (!current || current.id !== id || current.startedAt !== null) return;
  set({ ...current, startedAt: performance.now() });
  endAfter(RETURN_MS, id);
}

export const closeUpReturn = (): CloseUpReturn | null => current;

export function onCloseUpReturn(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
