import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Anchors } from '../../src/model/anchor';
import {
  addConcept,
  draftArticle,
  draftAtlas,
  newDraft,
  pinConcept,
  updateConcept,
  type Draft,
} from '../../src/model/draft';
import { addRelation } from '../../src/model/draft-links';
import type { Graph, Layout } from '../../src/model/schema';
import { useAtlasStore } from '../../src/store/atlas-store';
import { LAYOUT_DELAY_MS, startDraftLayout } from '../../src/store/draft-layout';
import type { DraftStorage } from '../../src/store/draft-storage';
import { startDraftSync } from '../../src/store/draft-sync';
import { riversAndTowns } from '../fixtures/draft-article';

function withConcept(draft: Draft, words: string): Draft {
  const at = draftArticle(draft).text.indexOf(words);
  const made = addConcept(draft, at, at + words.length);
  if (!made.ok) throw new Error(made.reason);
  return made.draft;
}

const nowhere: DraftStorage = {
  read: async () => undefined,
  write: async () => undefined,
  list: async () => [],
  remove: async () => undefined,
};

type Call = {
  graph: Graph;
  signal: AbortSignal;
  resolve: (layout: Layout) => void;
};

/** A layout engine the test answers for: each concept at x = 100 times its place in the graph. */
function engine() {
  const calls: Call[] = [];
  const layOut = (graph: Graph, _anchors: Anchors, signal: AbortSignal) =>
    new Promise<Layout>((resolve) => calls.push({ graph, signal, resolve }));
  const answer = (call: Call | undefined) => {
    if (!call) throw new Error('no layout was asked for');
    call.resolve({
      sections: {},
      concepts: Object.fromEntries(call.graph.concepts.map((c, i) => [c.id, { x: i * 100, y: 7 }])),
    });
  };
  return { calls, layOut, answer };
}

const at = (id: string) => useAtlasStore.getState().atlas?.layout.concepts[id];
const stops: (() => void)[] = [];
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

function open(draft: Draft) {
  const { layOut, calls, answer } = engine();
  stops.push(startDraftSync({ storage: nowhere }));
  stops.push(startDraftLayout(layOut));
  useAtlasStore.getState().openDraft(draft, draftAtlas(draft));
  return { calls, answer };
}

const base = withConcept(
  newDraft({ id: 'd1', meta: { title: 'Rivers' }, text: riversAndTowns }),
  'Rivers carry water',
);

describe('laying a draft out as it is made', () => {
  it('lays out the draft that opens, and draws the map with the layout', async () => {
    const { calls, answer } = open(base);
    expect(useAtlasStore.getState().draftLayingOut).toBe(true);
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.graph.concepts.map((concept) => concept.id))).toEqual([
      ['rivers-carry-water'],
    ]);
    answer(calls[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(at('rivers-carry-water')).toEqual({ x: 0, y: 7 });
    expect(useAtlasStore.getState().draftLayingOut).toBe(false);
    // The layout is no change of the draft: there is nothing to undo.
    expect(useAtlasStore.temporal.getState().pastStates).toEqual([]);
  });

  it('lays out again as concepts and relations come, once for a burst, not for a summary', async () => {
    const { calls, answer } = open(base);
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS);
    answer(calls[0]);
    await vi.advanceTimersByTimeAsync(0);

    const { editDraft } = useAtlasStore.getState();
    editDraft(updateConcept(base, 'rivers-carry-water', { summary: 'Water by river.' }));
    expect(useAtlasStore.getState().draftLayingOut).toBe(false);
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS * 4);
    expect(calls).toHaveLength(1);

    const two = withConcept(useAtlasStore.getState().draft!, 'Towns grow');
    editDraft(two);
    // Drawn at once, under the others of its section, before the engine has placed it.
    expect(at('towns-grow')).toBeDefined();
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS / 2);
    const related = addRelation(two, {
      source: 'rivers-carry-water',
      target: 'towns-grow',
      label: 'feeds',
      kind: 'supports',
    }).draft;
    editDraft(related);
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.graph.relations).toHaveLength(1);
    answer(calls[1]);
    await vi.advanceTimersByTimeAsync(0);
    expect(at('towns-grow')).toEqual({ x: 100, y: 7 });
    expect(useAtlasStore.getState().atlas?.edges.map((e) => e.id)).toEqual([
      related.relations[0]!.id,
    ]);
  });

  it('drops a layout overtaken by a change, and keeps a pinned concept where it was put', async () => {
    const { calls, answer } = open(base);
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS);
    const { editDraft } = useAtlasStore.getState();
    const two = withConcept(base, 'Towns grow');
    editDraft(two);
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal.aborted).toBe(true);
    answer(calls[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(useAtlasStore.getState().draftLayout).toBeNull();
    answer(calls[1]);
    await vi.advanceTimersByTimeAsync(0);
    expect(at('towns-grow')).toEqual({ x: 100, y: 7 });

    editDraft(pinConcept(two, 'towns-grow', { x: 500, y: 600 }));
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS * 4);
    expect(calls).toHaveLength(2);
    expect(at('towns-grow')).toEqual({ x: 500, y: 600 });
    expect(at('rivers-carry-water')).toEqual({ x: 0, y: 7 });
    useAtlasStore.temporal.getState().undo();
    expect(at('towns-grow')).toEqual({ x: 100, y: 7 });
  });

  it('stops with the editor: a layout still running is dropped', async () => {
    const { calls } = open(base);
    await vi.advanceTimersByTimeAsync(LAYOUT_DELAY_MS);
    for (const stop of stops.splice(0)) stop();
    expect(calls[0]?.signal.aborted).toBe(true);
  });
});
