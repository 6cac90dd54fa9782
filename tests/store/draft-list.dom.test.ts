import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addConcept, draftArticle, draftAtlas, newDraft, type Draft } from '../../src/model/draft';
import { useAtlasStore } from '../../src/store/atlas-store';
import { asDraft, indexedDbDrafts, readKept, stamped } from '../../src/store/draft-storage';
import { SAVE_DELAY_MS, settleDraftWrites, startDraftSync } from '../../src/store/draft-sync';
import { memoryDrafts } from '../fixtures/memory-drafts';

const text = '## Water\n\nRivers carry water to the towns.\n\n## Trade\n\nBoats carry goods.';

const draftOf = (id: string, title: string): Draft => newDraft({ id, meta: { title }, text });

function withConcept(draft: Draft, words: string): Draft {
  const at = draftArticle(draft).text.indexOf(words);
  const made = addConcept(draft, at, at + words.length);
  if (!made.ok) throw new Error(made.reason);
  return made.draft;
}

const open = (draft: Draft) => useAtlasStore.getState().openDraft(draft, draftAtlas(draft));

describe('a draft as it is kept', () => {
  it('carries the time of its last change, which opening it leaves out', () => {
    const draft = draftOf('d1', 'Rivers');
    const kept = stamped(draft, 1_700_000_000_000);
    expect(kept).toEqual({ ...draft, savedAt: 1_700_000_000_000 });
    expect(asDraft(kept)).toEqual(draft);
    expect(readKept({ key: 'd1', value: kept })).toEqual({
      ok: true,
      key: 'd1',
      draft,
      savedAt: 1_700_000_000_000,
    });
    // Kept before drafts carried the time.
    expect(readKept({ key: 'd1', value: draft })).toMatchObject({ ok: true, savedAt: null });
  });

  it('says in words why a damaged draft cannot be opened, and keeps what it was', () => {
    const draft = withConcept(draftOf('d2', 'Trade'), 'Boats carry goods');
    const damaged = { ...draft, concepts: [{ ...draft.concepts[0], label: 3 }] };
    expect(readKept({ key: 'd2', value: damaged })).toEqual({
      ok: false,
      key: 'd2',
      name: 'Trade',
      savedAt: null,
      problem:
        'part of it is damaged (Concept 1 (“boats-carry-goods”), label: should be a text, not a number).',
      value: damaged,
    });
    expect(readKept({ key: 'd3', value: { ...draft, version: 2 } })).toMatchObject({
      ok: false,
      problem: 'it was saved by a newer version of Concept Atlas, which this one cannot read.',
    });
    expect(readKept({ key: 'd4', value: 'nonsense' })).toMatchObject({
      ok: false,
      name: null,
      problem: 'what is kept under its name is not a draft at all.',
    });
  });

  it('keeps several drafts side by side in IndexedDB, each under its own id', async () => {
    const rivers = stamped(draftOf('d-rivers', 'Rivers'), 1);
    const trade = stamped(draftOf('d-trade', 'Trade'), 2);
    await indexedDbDrafts.write(rivers);
    await indexedDbDrafts.write(trade);
    expect(await indexedDbDrafts.list()).toEqual([
      { key: 'd-rivers', value: rivers },
      { key: 'd-trade', value: trade },
    ]);
    await indexedDbDrafts.remove('d-rivers');
    expect((await indexedDbDrafts.list()).map((entry) => entry.key)).toEqual(['d-trade']);
    await indexedDbDrafts.remove('d-trade');
  });
});

describe('the last change, when the draft is left', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('is written at once when another draft opens, and the other is not touched', async () => {
    const storage = memoryDrafts();
    stop = startDraftSync({ storage });
    const rivers = draftOf('d-rivers', 'Rivers');
    open(rivers);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const edited = withConcept(rivers, 'Boats carry goods');
    useAtlasStore.getState().editDraft(edited);
    // Before the delay is over, another draft opens.
    open(draftOf('d-trade', 'Trade'));
    await settleDraftWrites();
    expect(asDraft(storage.saved.get('d-rivers'))).toEqual(edited);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect([...storage.saved.keys()].sort()).toEqual(['d-rivers', 'd-trade']);
    expect(asDraft(storage.saved.get('d-rivers'))).toEqual(edited);
  });

  it('is written at once when the draft is left for another map', async () => {
    const storage = memoryDrafts();
    stop = startDraftSync({ storage });
    const rivers = draftOf('d-rivers', 'Rivers');
    open(rivers);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const edited = withConcept(rivers, 'Boats carry goods');
    useAtlasStore.getState().editDraft(edited);
    const atlas = useAtlasStore.getState().atlas!;
    useAtlasStore.getState().openAtlas(atlas, { kind: 'built-in' });
    await settleDraftWrites();
    expect(asDraft(storage.saved.get('d-rivers'))).toEqual(edited);
  });

  it('is not made by opening a kept draft: its time of last change stays', async () => {
    const kept = draftOf('d-rivers', 'Rivers');
    const storage = memoryDrafts({ 'd-rivers': stamped(kept, 5) });
    stop = startDraftSync({ storage, kept });
    open(kept);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(storage.writes).toBe(0);
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'saved' });
    useAtlasStore.getState().editDraft(withConcept(kept, 'Boats carry goods'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(storage.writes).toBe(1);
    expect(storage.saved.get('d-rivers')).toMatchObject({ savedAt: Date.now() });
  });
});
