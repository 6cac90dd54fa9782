import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultRoute } from '../../src/model/route';
import {
  RESTORED_HEADING,
  STUDY_BACKUP_KEY,
  STUDY_KEY,
  UNKNOWN_DATE,
  emptyStudy,
  loadStudy,
  mergeStudy,
  readableNotes,
  restorable,
  restoreInto,
  saveStudy,
  type Study,
} from '../../src/store/study-storage';
import { startStudySync } from '../../src/store/study-sync';
import { useAtlasStore } from '../../src/store/atlas-store';
import { fixtureAtlas } from '../fixtures/load-fixture';
import { memoryStorage } from '../fixtures/memory-storage';

/** A storage that refuses every write, as a full or private-mode browser does. */
function refusingStorage(name: string, initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  const write = storage.setItem;
  let refusing = true;
  storage.setItem = (key, value) => {
    if (refusing) throw new DOMException('refused', name);
    write(key, value);
  };
  return { storage, allow: () => (refusing = false) };
}

/** Whether leaving the page now would be held up by the browser's "leave this page?" question. */
function leavePage(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

const saved = (storage: Storage) => JSON.parse(storage.getItem(STUDY_KEY) ?? 'null') as Study;

const mine: Study = {
  version: 1,
  notes: {
    water: {
      text: 'Line one\n\n> not a quote\n# not a heading',
      updated: '2026-03-01T10:00:00.000Z',
    },
  },
  visited: ['water', 'pipes'],
  quizzed: ['water'],
};

describe('study storage', () => {
  it('round-trips notes and progress', () => {
    const storage = memoryStorage();
    expect(saveStudy(mine, storage)).toBeNull();
    expect(loadStudy(storage)).toEqual({
      study: mine,
      problem: null,
      canSave: true,
      setAside: null,
    });
  });

  it('starts empty and silent on a first visit', () => {
    expect(loadStudy(memoryStorage())).toEqual({
      study: emptyStudy(),
      problem: null,
      canSave: true,
      setAside: null,
    });
  });

  it.each([
    ['not JSON', '{"version":1,"notes":{"water":{"text":"half a no'],
    ['a foreign version', '{"version":2,"notes":{}}'],
    ['a bare string', '"hello"'],
  ])('keeps %s aside as a backup and starts empty, with a message', (_, raw) => {
    const storage = memoryStorage({ [STUDY_KEY]: raw });
    const loaded = loadStudy(storage);
    expect(loaded.study).toEqual(emptyStudy());
    expect(loaded.problem).toMatch(/could not be read/);
    expect(loaded.canSave).toBe(true);
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe(raw);
  });

  it('reads saved notes entry by entry: one bad entry never puts the others aside', () => {
    const raw = JSON.stringify({
      version: 1,
      notes: {
        water: { text: 'Kept as saved', updated: '2026-03-01T10:00:00.000Z' },
        rain: { text: 'A date gone wrong', updated: '2026-13-45T99:99' },
        veins: { text: 'No date at all' },
        pipes: { text: 42, updated: '2026-03-01T10:00:00.000Z' },
      },
      visited: ['water', 7, 'rain'],
      quizzed: 'rain',
    });
    const storage = memoryStorage({ [STUDY_KEY]: raw });
    const loaded = loadStudy(storage);
    expect(loaded.study).toEqual({
      version: 1,
      notes: {
        water: { text: 'Kept as saved', updated: '2026-03-01T10:00:00.000Z' },
        // The text is kept; an unknown date makes any other version of the note the newer one.
        rain: { text: 'A date gone wrong', updated: UNKNOWN_DATE },
        veins: { text: 'No date at all', updated: UNKNOWN_DATE },
      },
      visited: ['water', 'rain'],
      quizzed: [],
    });
    // Only the note whose text cannot be read is set aside, and the page says how many.
    expect(loaded.setAside).toEqual({ unreadable: 1, restorable: 0 });
    expect(loaded.problem).toBeNull();
    expect(loaded.canSave).toBe(true);
    // The value as it was is copied aside before anything can overwrite it.
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe(raw);
  });

  it('offers the readable notes of a copy kept aside by an earlier visit', () => {
    // What an earlier version did with one bad date: every note went to the backup.
    const backup = JSON.stringify({
      version: 1,
      notes: {
        water: { text: 'Lost words', updated: 'yesterday' },
        rain: { text: 'Same as now', updated: '2026-03-01T10:00:00.000Z' },
      },
      visited: [],
      quizzed: [],
    });
    const now: Study = {
      ...emptyStudy(),
      notes: { rain: { text: 'Same as now', updated: '2026-03-02T10:00:00.000Z' } },
    };
    const storage = memoryStorage({
      [STUDY_KEY]: JSON.stringify(now),
      [STUDY_BACKUP_KEY]: backup,
    });
    const loaded = loadStudy(storage);
    expect(loaded.study).toEqual(now);
    expect(loaded.setAside).toEqual({ unreadable: 0, restorable: 1 });
    expect(loaded.problem).toBeNull();
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe(backup);
  });

  it('finds the notes still whole in a copy cut short, of any version', () => {
    const whole = JSON.stringify({
      version: 1,
      notes: {
        water: { text: 'Quote: "pipes" \\ veins\nline two', updated: '2026-03-01T10:00:00.000Z' },
        __proto__x: { text: 'odd id', updated: 'never' },
        rain: { text: 'cut short here', updated: '2026-03-01T10:00:00.000Z' },
      },
    });
    const cut = whole.slice(0, whole.indexOf('cut short') + 4);
    expect(readableNotes(cut)).toEqual({
      water: { text: 'Quote: "pipes" \\ veins\nline two', updated: '2026-03-01T10:00:00.000Z' },
      __proto__x: { text: 'odd id', updated: UNKNOWN_DATE },
    });
    expect(readableNotes('{"version":3,"notes":{"rain":{"text":"future"}}}')).toEqual({
      rain: { text: 'future', updated: UNKNOWN_DATE },
    });
    expect(readableNotes('"hello"')).toEqual({});
    expect(readableNotes('not json at all')).toEqual({});
  });

  it('restores notes kept aside without overwriting any text, and only once', () => {
    const at = '2026-04-01T00:00:00.000Z';
    const copy = {
      key: STUDY_BACKUP_KEY,
      raw: JSON.stringify({
        version: 1,
        notes: {
          water: { text: 'Older words', updated: 'bad' },
          rain: { text: 'Back again' },
          pipes: { text: 'Short' },
          veins: { text: 'Already here' },
          ['__proto__']: { text: 'A concept called __proto__' },
        },
      }),
    };
    const notes = {
      water: { text: 'Newer words', updated: '2026-03-01T10:00:00.000Z' },
      pipes: { text: 'Sh', updated: '2026-03-01T10:00:00.000Z' },
      veins: { text: 'Already here, and more', updated: '2026-03-01T10:00:00.000Z' },
    };
    const first = restoreInto(notes, [copy], at);
    expect({ added: first.added, combined: first.combined }).toEqual({ added: 2, combined: 2 });
    expect(Object.fromEntries(Object.entries(first.notes).map(([id, n]) => [id, n.text]))).toEqual({
      water: `Newer words\n\n${RESTORED_HEADING}\nOlder words`,
      rain: 'Back again',
      pipes: 'Short',
      veins: 'Already here, and more',
      ['__proto__']: 'A concept called __proto__',
    });
    expect(Object.getPrototypeOf(first.notes)).toBe(Object.prototype);
    expect(restorable(first.notes, [copy])).toBe(0);
    expect(restoreInto(first.notes, [copy], at)).toMatchObject({ added: 0, combined: 0 });
  });

  it('moves an older, different backup aside instead of overwriting it', () => {
    const storage = memoryStorage({
      [STUDY_KEY]: 'new garbage',
      [STUDY_BACKUP_KEY]: 'old garbage',
    });
    loadStudy(storage);
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe('new garbage');
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
    const older = keys.find((k) => k?.startsWith(`${STUDY_BACKUP_KEY}:`));
    expect(older && storage.getItem(older)).toBe('old garbage');
  });

  it('will not overwrite an unreadable value that could not be backed up', () => {
    const { storage } = refusingStorage('QuotaExceededError', { [STUDY_KEY]: '{broken' });
    const loaded = loadStudy(storage);
    expect(loaded.canSave).toBe(false);
    expect(loaded.problem).toMatch(/too full to keep a backup/);
  });

  it('explains a full storage in plain words', () => {
    const { storage } = refusingStorage('QuotaExceededError');
    expect(saveStudy(mine, storage)).toBe(
      'Your notes could not be saved: the browser storage is full. Your text is still here; export your notes to keep them.',
    );
  });

  it('explains a storage that refuses for another reason, such as private mode', () => {
    const { storage } = refusingStorage('SecurityError');
    expect(saveStudy(mine, storage)).toMatch(/could not be saved: this browser does not allow it/);
    expect(saveStudy(mine, null)).toMatch(/could not be saved/);
  });

  it('merges two versions keeping the newer note and every visit', () => {
    const older = { text: 'old', updated: '2026-01-01T00:00:00.000Z' };
    const newer = { text: 'new', updated: '2026-02-01T00:00:00.000Z' };
    const a: Study = { ...emptyStudy(), notes: { water: newer, rain: older }, visited: ['water'] };
    const b: Study = { ...emptyStudy(), notes: { water: older, pipes: newer }, visited: ['rain'] };
    expect(mergeStudy(a, b)).toEqual({
      version: 1,
      notes: { water: newer, rain: older, pipes: newer },
      visited: ['water', 'rain'],
      quizzed: [],
    });
    expect(mergeStudy(b, a).notes.water).toEqual(newer);
  });
});

describe('study sync', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads saved notes and progress into the store', () => {
    const stop = startStudySync(memoryStorage({ [STUDY_KEY]: JSON.stringify(mine) }), null);
    const state = useAtlasStore.getState();
    expect(state.notes).toEqual(mine.notes);
    expect(state.visited).toEqual(mine.visited);
    expect(state.quizzed).toEqual(mine.quizzed);
    expect(state.studyProblem).toBeNull();
    stop();
  });

  it('reports a corrupt value in studyProblem, not in the general notice', () => {
    const storage = memoryStorage({ [STUDY_KEY]: 'garbage' });
    const stop = startStudySync(storage, null);
    expect(useAtlasStore.getState().studyProblem).toMatch(/could not be read/);
    expect(useAtlasStore.getState().notice).toBeNull();
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe('garbage');
    stop();
  });

  it('saves notes as they are typed, and progress once the page is idle', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    vi.useFakeTimers();
    const storage = memoryStorage();
    const stop = startStudySync(storage, null);
    const store = useAtlasStore.getState();
    store.setNote('water', 'W');
    expect(saved(storage).notes.water?.text).toBe('W');
    store.setNote('water', 'Wa');
    expect(saved(storage).notes.water?.text).toBe('Wa');
    // Selecting is not held up by saving: the visit is written a moment later.
    store.select('rain');
    expect(saved(storage).visited).toEqual([]);
    vi.runAllTimers();
    expect(saved(storage).visited).toEqual(['rain']);
    store.markQuizzed(['rain', 'pipes']);
    vi.runAllTimers();
    expect(saved(storage).quizzed).toEqual(['rain', 'pipes']);
    // A note saves any progress still waiting with it.
    store.select('pipes');
    store.setNote('water', '');
    expect(saved(storage)).toMatchObject({ notes: {}, visited: ['rain', 'pipes'] });
    stop();
    store.setNote('rain', 'after stop');
    expect(saved(storage).notes).toEqual({});
  });

  it('saves waiting progress when the page is hidden or the sync stops', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    vi.useFakeTimers();
    const storage = memoryStorage();
    const stop = startStudySync(storage, window);
    useAtlasStore.getState().select('rain');
    expect(storage.getItem(STUDY_KEY)).toBeNull();
    window.dispatchEvent(new Event('pagehide'));
    expect(saved(storage).visited).toEqual(['rain']);
    useAtlasStore.getState().select('pipes');
    stop();
    expect(saved(storage).visited).toEqual(['rain', 'pipes']);
  });

  it('counts a concept opened by a link (applyRoute) as visited', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const storage = memoryStorage();
    const stop = startStudySync(storage, null);
    useAtlasStore.getState().applyRoute({ ...defaultRoute, conceptId: 'veins' });
    expect(useAtlasStore.getState().visited).toEqual(['veins']);
    stop();
    expect(saved(storage).visited).toEqual(['veins']);
  });

  it('keeps the text in the store when saving fails, and clears the message once it works', () => {
    const { storage, allow } = refusingStorage('QuotaExceededError');
    const stop = startStudySync(storage, null);
    useAtlasStore.getState().setNote('water', 'Precious words');
    expect(useAtlasStore.getState().studyProblem).toMatch(/storage is full/);
    expect(useAtlasStore.getState().notes.water?.text).toBe('Precious words');
    expect(storage.getItem(STUDY_KEY)).toBeNull();
    allow();
    useAtlasStore.getState().setNote('water', 'Precious words!');
    expect(useAtlasStore.getState().studyProblem).toBeNull();
    expect(saved(storage).notes.water?.text).toBe('Precious words!');
    stop();
  });

  it('asks before the page is left while typed text could not be stored (storage full)', () => {
    const { storage, allow } = refusingStorage('QuotaExceededError');
    const stop = startStudySync(storage, window);
    expect(leavePage()).toBe(false);
    useAtlasStore.getState().setNote('water', 'Typed, not stored');
    expect(storage.getItem(STUDY_KEY)).toBeNull();
    expect(leavePage()).toBe(true);
    allow();
    useAtlasStore.getState().setNote('water', 'Typed, now stored');
    expect(saved(storage).notes.water?.text).toBe('Typed, now stored');
    expect(leavePage()).toBe(false);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    useAtlasStore.getState().setNote('water', 'Typed again, not stored');
    expect(leavePage()).toBe(true);
    stop();
    // Stopping flushes and lets the page go without asking.
    expect(leavePage()).toBe(false);
  });

  it('asks before the page is left while an unreadable copy cannot be backed up', () => {
    const { storage } = refusingStorage('QuotaExceededError', { [STUDY_KEY]: '{broken' });
    const stop = startStudySync(storage, window);
    useAtlasStore.getState().setNote('water', 'Typed, waiting for room');
    expect(storage.getItem(STUDY_KEY)).toBe('{broken');
    expect(leavePage()).toBe(true);
    stop();
  });

  it('saves nothing over an unreadable value until it could be backed up', () => {
    const { storage, allow } = refusingStorage('QuotaExceededError', { [STUDY_KEY]: '{broken' });
    const stop = startStudySync(storage, null);
    useAtlasStore.getState().setNote('water', 'new text');
    expect(storage.getItem(STUDY_KEY)).toBe('{broken');
    expect(useAtlasStore.getState().studyProblem).toMatch(/too full to keep a backup/);
    allow();
    useAtlasStore.getState().setNote('water', 'new text.');
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe('{broken');
    expect(saved(storage).notes.water?.text).toBe('new text.');
    stop();
  });

  it('merges notes saved by another tab instead of overwriting them', () => {
    const storage = memoryStorage();
    const stop = startStudySync(storage, window);
    useAtlasStore.getState().setNote('water', 'typed here');
    const theirs: Study = {
      ...emptyStudy(),
      notes: { rain: { text: 'typed in the other tab', updated: new Date().toISOString() } },
      visited: ['rain'],
    };
    storage.setItem(STUDY_KEY, JSON.stringify(theirs));
    window.dispatchEvent(new StorageEvent('storage', { key: STUDY_KEY }));
    const state = useAtlasStore.getState();
    expect(state.notes.water?.text).toBe('typed here');
    expect(state.notes.rain?.text).toBe('typed in the other tab');
    expect(saved(storage).notes.water?.text).toBe('typed here');
    expect(saved(storage).visited).toEqual(['rain']);
    stop();
  });
});

describe('study actions', () => {
  it('sets a note with its date, and removes it only when the box is empty', () => {
    const store = useAtlasStore.getState();
    store.setNote('water', ' ');
    expect(useAtlasStore.getState().notes.water).toEqual({
      text: ' ',
      updated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    store.setNote('water', '');
    expect(useAtlasStore.getState().notes).toEqual({});
  });

  it('marks an existing concept visited when it is selected, once', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const store = useAtlasStore.getState();
    store.select('pipes');
    store.select('water');
    store.select('pipes');
    store.select('nowhere');
    store.select(null);
    expect(useAtlasStore.getState().visited).toEqual(['pipes', 'water']);
    expect(useAtlasStore.getState().notice).toBeNull();
    store.select('nowhere');
    expect(useAtlasStore.getState().notice).toMatch(/not found/);
  });

  it('resets visits and quizzes but keeps notes', () => {
    const store = useAtlasStore.getState();
    useAtlasStore.setState({ visited: ['water'] });
    store.markQuizzed(['water', 'rain', 'water']);
    expect(useAtlasStore.getState().quizzed).toEqual(['water', 'rain']);
    store.setNote('water', 'mine');
    store.resetProgress();
    const state = useAtlasStore.getState();
    expect([state.visited, state.quizzed]).toEqual([[], []]);
    expect(state.notes.water?.text).toBe('mine');
  });

  it('imports notes without replacing or repeating text the student already has', () => {
    const store = useAtlasStore.getState();
    store.setNote('water', 'Mine');
    store.setNote('pipes', 'Short');
    store.setNote('rain', 'Same');
    const result = store.importNotes(
      { water: 'Theirs', pipes: 'Short, then longer', rain: 'Same', veins: 'New', empty: '' },
      'merge',
    );
    expect(result).toEqual({ added: 1, combined: 2, unchanged: 1 });
    expect(texts(useAtlasStore.getState().notes)).toEqual({
      water: 'Mine\n\nTheirs',
      pipes: 'Short, then longer',
      rain: 'Same',
      veins: 'New',
    });
  });
});

const texts = (notes: Record<string, { text: string }>) =>
  Object.fromEntries(Object.entries(notes).map(([id, n]) => [id, n.text]));

describe('notes of a concept called `constructor`', () => {
  it('are imported and merged as written, never with what a plain object inherits', () => {
    const store = useAtlasStore.getState();
    expect(store.importNotes({ constructor: 'Typed by me.' }, 'merge')).toEqual({
      added: 1,
      combined: 0,
      unchanged: 0,
    });
    expect(useAtlasStore.getState().notes.constructor).toEqual({
      text: 'Typed by me.',
      updated: expect.any(String),
    });
    const theirs = {
      version: 1 as const,
      notes: { constructor: { text: 'From the other tab.', updated: '2026-03-01T10:00:00.000Z' } },
      visited: [],
      quizzed: [],
    };
    expect(mergeStudy(emptyStudy(), theirs).notes).toEqual(theirs.notes);
  });
});
