import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyDraftArticle,
  exportDraft,
  removeLostPassage,
  replaceLostPassage,
  startPassageFix,
} from '../../src/features/authoring/draft-actions';
import { passagesToFix } from '../../src/model/article-edit';
import { draftArticle, draftAtlas, type Draft } from '../../src/model/draft';
import { useAtlasStore } from '../../src/store/atlas-store';
import { SAVE_DELAY_MS, startDraftSync } from '../../src/store/draft-sync';
import { mappedRivers } from '../fixtures/draft-fixture';
import { memoryDrafts } from '../fixtures/memory-drafts';

const { undo, redo } = useAtlasStore.temporal.getState();

/** The rivers article with one passage's words changed a little and another's gone. */
const edited = (draft: Draft) =>
  draft.markdown
    .replace('Rivers carry water', 'Rivers carried water')
    .replace('Towns grow where', 'Cities appear where');

let stop: () => void = () => undefined;
let storage = memoryDrafts();
beforeEach(() => {
  vi.useFakeTimers();
  storage = memoryDrafts();
  stop = startDraftSync({ storage });
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

function open(draft = mappedRivers()): Draft {
  useAtlasStore.getState().openDraft(draft, draftAtlas(draft));
  return draft;
}

describe('applying an edited article to the open draft', () => {
  it('is one change: Undo brings back the old text and passages exactly, Redo the new', () => {
    const before = open();
    const plan = applyDraftArticle(edited(before));
    expect(plan).toMatchObject({ ok: true, counts: { exact: 1, fuzzy: 1, orphan: 1 } });
    const after = useAtlasStore.getState().draft as Draft;
    expect(after.markdown).toBe(edited(before));
    expect(after.concepts[0]?.passages).toEqual([{ exact: 'Rivers carried water' }]);
    expect(after.concepts[2]?.passages).toEqual([{ exact: 'Towns grow' }]);
    expect(useAtlasStore.temporal.getState().pastStates).toHaveLength(1);
    // The map is drawn from the new text, every concept on it.
    const atlas = useAtlasStore.getState().atlas;
    expect(atlas?.article.text).toContain('Cities appear');
    expect([...(atlas?.conceptById.keys() ?? [])]).toEqual([
      'rivers-carry-water',
      'boats-carry-goods',
      'towns-grow',
    ]);

    undo();
    expect(useAtlasStore.getState().draft).toBe(before);
    expect(useAtlasStore.getState().atlas?.article.text).toBe(draftArticle(before).text);
    redo();
    expect(useAtlasStore.getState().draft).toBe(after);
  });

  it('tells screen readers what became of the passages, and shows those to fix', () => {
    open();
    useAtlasStore.getState().setNarrowTab('map');
    applyDraftArticle(edited(mappedRivers()));
    const state = useAtlasStore.getState();
    expect(state.announcement?.text).toBe(
      'Applied the edited article. 1 passage found unchanged, 1 found with small changes, 1 can no longer be found. Undo brings the old text back.',
    );
    expect(state.draftPanel).toBe('passages');
    expect(state.narrowTab).toBe('details');
  });

  it('changes nothing for a text unchanged or refused', () => {
    const before = open();
    expect(applyDraftArticle(before.markdown)).toMatchObject({ ok: true, unchanged: true });
    expect(applyDraftArticle('   ')).toMatchObject({ ok: false });
    expect(useAtlasStore.getState().draft).toBe(before);
    expect(useAtlasStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('keeps the edit in the browser as every change is', async () => {
    const before = open();
    applyDraftArticle(edited(before));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const kept = storage.saved.get(before.id) as Draft | undefined;
    expect(kept?.markdown).toBe(edited(before));
    expect(kept?.concepts[2]?.passages).toEqual([{ exact: 'Towns grow' }]);
  });
});

describe('fixing a passage the article no longer holds', () => {
  function withOrphan() {
    open();
    applyDraftArticle(edited(mappedRivers()));
    const [lost] = passagesToFix(useAtlasStore.getState().draft as Draft);
    if (!lost) throw new Error('no passage to fix');
    return lost;
  }

  it('replaces it with words chosen in the article, as one change', () => {
    const lost = withOrphan();
    startPassageFix(lost);
    const state = useAtlasStore.getState();
    expect(state.selectedId).toBe('towns-grow');
    expect(state.passageFix).toEqual({
      conceptId: 'towns-grow',
      index: 0,
      passage: { exact: 'Towns grow' },
    });
    const text = draftArticle(state.draft as Draft).text;
    const at = text.indexOf('Cities appear');
    expect(replaceLostPassage(at, at + 'Cities appear'.length)).toBeNull();
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([
      { exact: 'Cities appear' },
    ]);
    expect(useAtlasStore.getState().passageFix).toBeNull();
    expect(passagesToFix(useAtlasStore.getState().draft as Draft)).toEqual([]);
    expect(useAtlasStore.getState().announcement?.text).toBe(
      'Replaced the lost passage of “Towns grow”. Undo brings it back.',
    );
    undo();
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([
      { exact: 'Towns grow' },
    ]);
  });

  it('removes it, and Undo brings it back', () => {
    const lost = withOrphan();
    removeLostPassage(lost);
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([]);
    expect(useAtlasStore.getState().announcement?.text).toBe(
      'Removed the passage “Towns grow” from “Towns grow”. Undo brings it back.',
    );
    undo();
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([
      { exact: 'Towns grow' },
    ]);
  });

  it('exports the draft with a warning that the bundle opens once the passages are fixed', () => {
    withOrphan();
    const urls: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      urls.push(blob);
      return 'blob:bundle';
    };
    URL.revokeObjectURL = () => undefined;
    exportDraft();
    expect(urls).toHaveLength(1);
    expect(useAtlasStore.getState().notice).toBe(
      'Saved “rivers.json”. One passage can no longer be found in the article, so “Open map…” will not open it yet: fix it under “Passages to fix”, then export again.',
    );
  });
});
