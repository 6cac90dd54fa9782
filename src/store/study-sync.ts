import { useAtlasStore, type AtlasStore } from './atlas-store';
import {
  BLOCKED_MESSAGE,
  STUDY_KEY,
  backupStudy,
  keepVersion,
  loadStudy,
  mergeStudy,
  readSetAside,
  readStudy,
  sameStudy,
  saveStudy,
  type NotesRestore,
  type Study,
} from './study-storage';
import { whenIdle } from '../shared/when-idle';
import { own } from '../model/own';

/** For this long after a key, a note counts as being typed. */
const TYPING_MS = 3000;
const now = () => Date.now();

const studyOf = (state: AtlasStore): Study => ({
  version: 1,
  notes: state.notes,
  visited: state.visited,
  quizzed: state.quizzed,
  ...(Object.keys(state.keptNotes).length > 0 ? { kept: state.keptNotes } : {}),
});

const textOf = (study: Study, id: string) => own(study.notes, id)?.text ?? '';

/**
 * Takes in the notes another tab saved (`theirs`) without losing or garbling what this tab is
 * typing. `agreed` holds, for each note, the text both tabs last had in common. A note is taken
 * from the other tab when this tab has not changed it since; it stays as it is when only this tab
 * changed it, or when it went on from the other tab's text. When
 * both changed it, this tab keeps its own text and keeps theirs beside it, to be added or
 * discarded by the student: the text in the box never changes under the student's fingers.
 */
export function takeIn(
  mine: Study,
  theirs: Study,
  agreed: Map<string, string>,
  /** Whether the student is typing this note here now: then it is never replaced. */
  typing: (id: string) => boolean = () => false,
): Study {
  const merged = mergeStudy(mine, theirs);
  const notes = { ...mine.notes };
  // Versions kept by either tab, judged against this tab's notes (not the newer of the two).
  const kept: Record<string, string[]> = {};
  for (const source of [mine.kept ?? {}, theirs.kept ?? {}]) {
    for (const [id, versions] of Object.entries(source)) {
      kept[id] = [...(own(kept, id) ?? []), ...versions];
    }
  }
  const ids = new Set([...Object.keys(mine.notes), ...Object.keys(theirs.notes)]);
  for (const id of ids) {
    const my = textOf(mine, id);
    const their = textOf(theirs, id);
    const base = agreed.get(id) ?? '';
    if (my === their) {
      agreed.set(id, their);
    } else if (my === base && !typing(id)) {
      const note = own(theirs.notes, id);
      if (note) notes[id] = note;
      else delete notes[id];
      agreed.set(id, their);
    } else if (their === base || my.startsWith(their)) {
      // Only this tab changed it.
    } else {
      kept[id] = keepVersion(own(kept, id) ?? [], their, my);
      agreed.set(id, their);
    }
  }
  for (const [id, versions] of Object.entries(kept)) {
    const text = own(notes, id)?.text ?? '';
    const settled = versions.reduce<string[]>(
      (all, version) => keepVersion(all, version, text),
      [],
    );
    if (settled.length > 0) kept[id] = settled;
    else delete kept[id];
  }
  return {
    version: 1,
    notes,
    visited: merged.visited,
    quizzed: merged.quizzed,
    ...(Object.keys(kept).length > 0 ? { kept } : {}),
  };
}

/** The storage the running sync reads and saves (undefined: the page's localStorage). */
let synced: Storage | null | undefined;

/**
 * Brings back into the notes every note that can be read from the copies kept aside in this
 * browser, joined to the notes here rather than replacing them (see `restoreInto`). The copies
 * stay where they are.
 */
export function restoreSetAsideNotes(): NotesRestore {
  return useAtlasStore.getState().restoreNotes(readSetAside(synced));
}

/** The copies kept aside, exactly as they were saved, as one text to download; null if none. */
export function setAsideText(): string | null {
  const copies = readSetAside(synced);
  if (copies.length === 0) return null;
  return [
    'Notes that Concept Atlas could not read, kept in this browser exactly as they were saved.',
    ...copies.map(({ key, raw }) => `\n${key}\n${raw}`),
    '',
  ].join('\n');
}

/**
 * Restores the saved notes and progress into the store and saves them on every change: notes as
 * the student types, progress once the page is idle. A failed save leaves the text in the store
 * and says why in `studyProblem`; the next save that works clears the message. Changes saved by
 * another tab are merged in rather than overwritten.
 */
export function startStudySync(
  storage?: Storage | null,
  win: Window | null = typeof window === 'undefined' ? null : window,
): () => void {
  const store = useAtlasStore;
  synced = storage;
  const loaded = loadStudy(storage);
  let canSave = loaded.canSave;
  let saveFailed = false;
  let takingIn = false;

  // Anything already in the store (a concept selected before the sync started) is kept too.
  const merged = mergeStudy(loaded.study, studyOf(store.getState()));
  const agreed = new Map(Object.entries(loaded.study.notes).map(([id, note]) => [id, note.text]));
  store.setState({
    notes: merged.notes,
    visited: merged.visited,
    quizzed: merged.quizzed,
    keptNotes: merged.kept ?? {},
    ...(loaded.problem ? { studyProblem: loaded.problem } : {}),
    setAsideNotes: loaded.setAside,
  });
  // Saved under a concept's former id, a note still belongs to the concept.
  const atlas = store.getState().atlas;
  if (atlas) store.getState().adoptRenamedIds(atlas.renamedIds);

  const save = (state: AtlasStore) => {
    if (!canSave) {
      // The unreadable copy is overwritten only once a backup of it is safe.
      canSave = backupStudy(storage);
      if (!canSave) {
        if (state.studyProblem !== BLOCKED_MESSAGE)
          store.setState({ studyProblem: BLOCKED_MESSAGE });
        return;
      }
    }
    const failure = saveStudy(studyOf(state), storage);
    if (failure) {
      saveFailed = true;
      if (state.studyProblem !== failure) store.setState({ studyProblem: failure });
    } else if (saveFailed) {
      saveFailed = false;
      store.setState({ studyProblem: null });
    }
  };

  if (!sameStudy(studyOf(store.getState()), loaded.study)) save(store.getState());

  // Progress (visits and quizzes) is saved a moment later, once the page is idle: writing it at
  // once would hold up the selection that caused it, by milliseconds that grow with the list.
  // Notes are saved as they are typed, and progress still waiting is saved with them, or when the
  // page is hidden or closed.
  let cancelPending: (() => void) | null = null;
  const saveNow = (state: AtlasStore) => {
    cancelPending?.();
    cancelPending = null;
    save(state);
  };
  const saveSoon = () => {
    if (cancelPending) return;
    const run = () => {
      cancelPending = null;
      save(store.getState());
    };
    cancelPending = whenIdle(run, 1000);
  };
  const flush = () => {
    if (cancelPending) saveNow(store.getState());
  };
  const onVisibility = () => {
    if (win?.document.visibilityState === 'hidden') flush();
  };

  // When each note was last typed here: a note being typed is never replaced by another tab's.
  const typedAt = new Map<string, number>();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.notes !== previous.notes && !takingIn) {
      for (const id of new Set([...Object.keys(state.notes), ...Object.keys(previous.notes)])) {
        if (own(state.notes, id) !== own(previous.notes, id)) typedAt.set(id, now());
      }
    }
    if (state.notes !== previous.notes || state.keptNotes !== previous.keptNotes) saveNow(state);
    else if (state.visited !== previous.visited || state.quizzed !== previous.quizzed) saveSoon();
  });

  const onStorage = (event: StorageEvent) => {
    if (event.key !== STUDY_KEY) return;
    const theirs = readStudy(storage);
    if (!theirs) return;
    const mine = studyOf(store.getState());
    const both = takeIn(
      mine,
      theirs,
      agreed,
      (id) => now() - (typedAt.get(id) ?? -Infinity) < TYPING_MS,
    );
    if (sameStudy(both, mine)) return;
    takingIn = true;
    try {
      store.setState({
        notes: both.notes,
        visited: both.visited,
        quizzed: both.quizzed,
        keptNotes: both.kept ?? {},
      });
    } finally {
      takingIn = false;
    }
  };
  // Typed text that could not be stored is lost if the page goes: the browser asks first.
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!saveFailed && canSave) return;
    event.preventDefault();
    event.returnValue = '';
  };
  win?.addEventListener('beforeunload', onBeforeUnload);
  win?.addEventListener('storage', onStorage);
  win?.addEventListener('pagehide', flush);
  win?.document.addEventListener('visibilitychange', onVisibility);

  return () => {
    flush();
    unsubscribe();
    synced = undefined;
    win?.removeEventListener('storage', onStorage);
    win?.removeEventListener('beforeunload', onBeforeUnload);
    win?.removeEventListener('pagehide', flush);
    win?.document.removeEventListener('visibilitychange', onVisibility);
  };
}
