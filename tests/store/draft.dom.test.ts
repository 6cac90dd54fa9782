import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addConcept,
  draftArticle,
  draftAtlas,
  newDraft,
  updateConcept,
  type Draft,
} from '../../src/model/draft';
import { useAtlasStore } from '../../src/store/atlas-store';
import { asDraft, indexedDbDrafts, type DraftStorage } from '../../src/store/draft-storage';
import { SAVE_DELAY_MS, startDraftSync } from '../../src/store/draft-sync';
import { memoryDrafts } from '../fixtures/memory-drafts';

const text = '## Water\n\nRivers carry water to the towns.\n\n## Trade\n\nBoats carry goods.';

function fresh(): Draft {
  return newDraft({ id: 'draft-1', meta: { title: 'Rivers' }, text });
}

function withConcept(draft: Draft, words: string): Draft {
  const at = draftArticle(draft).text.indexOf(words);
  const made = addConcept(draft, at, at + words.length);
  if (!made.ok) throw new Error(made.reason);
  return made.draft;
}

const open = (draft: Draft) => useAtlasStore.getState().openDraft(draft, draftAtlas(draft));
const { undo, redo } = useAtlasStore.temporal.getState();

let stop: () => void = () => undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the draft in the store', () => {
  it('opens as the map on screen, with nothing to undo', () => {
    stop = startDraftSync({ storage: memoryDrafts() });
    const draft = fresh();
    open(draft);
    const state = useAtlasStore.getState();
    expect(state.draft).toBe(draft);
    expect(state.source).toEqual({ kind: 'draft', name: 'Rivers' });
    expect(state.atlas?.article.meta.title).toBe('Rivers');
    expect(useAtlasStore.temporal.getState().pastStates).toEqual([]);
  });

  it('draws each edit on the map at once, and undoes and redoes it', () => {
    stop = startDraftSync({ storage: memoryDrafts() });
    const draft = fresh();
    open(draft);
    const edited = withConcept(draft, 'Boats carry goods');
    useAtlasStore.getState().editDraft(edited);
    expect(useAtlasStore.getState().atlas?.conceptById.has('boats-carry-goods')).toBe(true);
    undo();
    expect(useAtlasStore.getState().draft).toBe(draft);
    expect(useAtlasStore.getState().atlas?.conceptById.size).toBe(0);
    redo();
    expect(useAtlasStore.getState().draft).toBe(edited);
    expect(useAtlasStore.getState().atlas?.conceptById.has('boats-carry-goods')).toBe(true);
  });

  it('says the draft is saved when a change is undone and redone before it is written again', async () => {
    const storage = memoryDrafts();
    stop = startDraftSync({ storage });
    const draft = fresh();
    open(draft);
    useAtlasStore.getState().editDraft(withConcept(draft, 'Boats carry goods'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'saved' });
    undo();
    redo();
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'pending' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'saved' });
  });

  it('undoes the keys typed into one field as one step', () => {
    stop = startDraftSync({ storage: memoryDrafts() });
    const base = withConcept(fresh(), 'Boats carry goods');
    open(base);
    const { editDraft } = useAtlasStore.getState();
    let draft = base;
    for (const label of ['B', 'Bo', 'Boa']) {
      draft = updateConcept(draft, 'boats-carry-goods', { label });
      editDraft(draft, 'boats-carry-goods.label');
    }
    draft = updateConcept(draft, 'boats-carry-goods', { summary: 'S' });
    editDraft(draft, 'boats-carry-goods.summary');
    undo();
    expect(useAtlasStore.getState().draft?.concepts[0]).toMatchObject({
      label: 'Boa',
      summary: '',
    });
    undo();
    expect(useAtlasStore.getState().draft).toBe(base);
    expect(useAtlasStore.getState().atlas?.conceptById.get('boats-carry-goods')?.label).toBe(
      'Boats carry goods',
    );
  });
});

describe('saving the draft', () => {
  it('writes once a burst of edits is over, not on every key', async () => {
    const storage = memoryDrafts();
    stop = startDraftSync({ storage });
    open(fresh());
    let draft = withConcept(fresh(), 'Boats carry goods');
    for (const label of ['a', 'ab', 'abc']) {
      draft = updateConcept(draft, 'boats-carry-goods', { label });
      useAtlasStore.getState().editDraft(draft, 'label');
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    }
    expect(storage.writes).toBe(0);
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'pending' });
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.writes).toBe(1);
    expect(storage.saved.get('draft-1')).toEqual({ ...draft, savedAt: Date.now() });
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'saved' });
  });

  it('says in plain words when the browser refuses, and keeps the draft in memory', async () => {
    const refusing: DraftStorage = {
      ...memoryDrafts(),
      write: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    };
    stop = startDraftSync({ storage: refusing });
    open(fresh());
    const draft = withConcept(fresh(), 'Boats carry goods');
    useAtlasStore.getState().editDraft(draft);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(useAtlasStore.getState().draftSaving).toEqual({
      state: 'failed',
      problem: 'This browser has no room left to keep your draft.',
    });
    expect(useAtlasStore.getState().draft).toBe(draft);
  });

  it('keeps the draft in IndexedDB exactly as it was', async () => {
    vi.useRealTimers();
    const draft = withConcept(fresh(), 'Boats carry goods');
    await indexedDbDrafts.write(draft);
    expect(asDraft(await indexedDbDrafts.read('draft-1'))).toEqual(draft);
    expect(await indexedDbDrafts.list()).toEqual([{ key: 'draft-1', value: draft }]);
    await indexedDbDrafts.remove('draft-1');
    expect(await indexedDbDrafts.read('draft-1')).toBeUndefined();
  });

  it('leaves the draft when another map opens, and remembers it no longer', () => {
    stop = startDraftSync({ storage: memoryDrafts() });
    open(fresh());
    useAtlasStore.getState().editDraft(withConcept(fresh(), 'Boats carry goods'));
    expect(localStorage.getItem('concept-atlas:open-draft')).toBe('draft-1');
    const atlas = useAtlasStore.getState().atlas!;
    useAtlasStore.getState().openAtlas(atlas, { kind: 'built-in' });
    expect(useAtlasStore.getState().draft).toBeNull();
    expect(localStorage.getItem('concept-atlas:open-draft')).toBeNull();
  });
});
