import {
  restoreInto,
  type NotesRestore,
  type SetAsideCopy,
  type SetAsideNotes,
  type StudyNote,
} from '../study-storage';
import type { Slice } from './types';
import { own } from '../../model/own';

/** The student's own work, saved in the browser (see study-sync). */
export type StudyState = {
  /** The student's own notes, by concept id, saved in the browser as they type. */
  notes: Record<string, StudyNote>;
  /** Concepts the student has opened, in the order first opened (written by `select`). */
  visited: string[];
  quizzed: string[];
  /** Other versions of notes, saved by another tab while this one changed them (see Study.kept). */
  keptNotes: Record<string, string[]>;
  /** Why notes could not be saved or read; shown beside the notes box, apart from `notice`. */
  studyProblem: string | null;
  /** Saved notes kept aside because they could not all be read, offered to be restored. */
  setAsideNotes: SetAsideNotes | null;
};

/** What an import changed: new notes, notes joined to an existing one, and notes already here. */
export type NotesImport = { added: number; combined: number; unchanged: number };

export type StudyActions = {
  /** Sets a concept's note; empty text removes it. */
  setNote: (conceptId: string, text: string) => void;
  markQuizzed: (ids: string[]) => void;
  /** Forgets which concepts were visited and quizzed; notes are kept. */
  resetProgress: () => void;
  /** Adds imported notes without replacing any text the student already has. */
  importNotes: (notes: Record<string, string>, mode: 'merge') => NotesImport;
  setStudyProblem: (message: string | null) => void;
  setSetAsideNotes: (setAside: SetAsideNotes | null) => void;
  /** Brings back the readable notes of copies kept aside, never overwriting the notes here. */
  restoreNotes: (copies: readonly SetAsideCopy[]) => NotesRestore;
  /** Adds a kept version to the end of the note (`add`) or lets it go (`discard`). */
  settleKeptNote: (conceptId: string, index: number, how: 'add' | 'discard') => void;
  /**
   * Moves notes and progress kept under a renamed concept's former id to the id it has now, so
   * that a rename loses nothing; a note under both ids keeps both texts.
   */
  adoptRenamedIds: (renamed: ReadonlyMap<string, string>) => void;
};

export const studyInitial: StudyState = {
  notes: {},
  visited: [],
  quizzed: [],
  keptNotes: {},
  studyProblem: null,
  setAsideNotes: null,
};

const withAll = (items: string[], added: string[]) => {
  const missing = added.filter((item, i) => !items.includes(item) && added.indexOf(item) === i);
  return missing.length ? [...items, ...missing] : items;
};

/**
 * Joins an imported note to the current one so that neither text is lost: a text already contained
 * in the other is not repeated.
 */
function mergeNote(current: string, imported: string): string | null {
  if (current.includes(imported)) return null;
  if (imported.includes(current)) return imported;
  return `${current}\n\n${imported}`;
}

const now = () => new Date().toISOString();

export const createStudySlice: Slice<StudyState & StudyActions> = (set, get) => ({
  ...studyInitial,
  setNote: (conceptId, text) =>
    set((s) => {
      // Only an empty box removes the note: whitespace is text the student is still typing.
      if (text !== '') return { notes: { ...s.notes, [conceptId]: { text, updated: now() } } };
      if (!Object.hasOwn(s.notes, conceptId)) return {};
      const notes = { ...s.notes };
      delete notes[conceptId];
      return { notes };
    }),
  markQuizzed: (ids) => set((s) => ({ quizzed: withAll(s.quizzed, ids) })),
  resetProgress: () => set({ visited: [], quizzed: [] }),
  importNotes: (imported) => {
    const result: NotesImport = { added: 0, combined: 0, unchanged: 0 };
    const notes = { ...get().notes };
    const updated = now();
    for (const [id, text] of Object.entries(imported)) {
      if (text === '') continue;
      const current = own(notes, id)?.text;
      const next = current === undefined ? text : mergeNote(current, text);
      if (next === null) {
        result.unchanged += 1;
        continue;
      }
      result[current === undefined ? 'added' : 'combined'] += 1;
      notes[id] = { text: next, updated };
    }
    if (result.added + result.combined > 0) set({ notes });
    return result;
  },
  setStudyProblem: (studyProblem) => set({ studyProblem }),
  setSetAsideNotes: (setAsideNotes) => set({ setAsideNotes }),
  restoreNotes: (copies) => {
    const { notes, added, combined } = restoreInto(get().notes, copies, now());
    const left = get().setAsideNotes;
    set({
      ...(added + combined > 0 ? { notes } : {}),
      // Notes that could not be read at all can still be downloaded.
      setAsideNotes:
        left && left.unreadable > 0 ? { unreadable: left.unreadable, restorable: 0 } : null,
    });
    return { added, combined };
  },
  settleKeptNote: (conceptId, index, how) => {
    const { notes, keptNotes } = get();
    const versions = own(keptNotes, conceptId) ?? [];
    const version = versions[index];
    if (version === undefined) return;
    const rest = versions.filter((_, i) => i !== index);
    const kept = { ...keptNotes, [conceptId]: rest };
    if (rest.length === 0) delete kept[conceptId];
    if (how === 'discard') {
      set({ keptNotes: kept });
      return;
    }
    const current = own(notes, conceptId)?.text ?? '';
    const text = current === '' ? version : (mergeNote(current, version) ?? current);
    set({ keptNotes: kept, notes: { ...notes, [conceptId]: { text, updated: now() } } });
  },
  adoptRenamedIds: (renamed) => {
    const { notes, visited, quizzed } = get();
    const stale = (id: string) => renamed.has(id);
    if (![...Object.keys(notes), ...visited, ...quizzed].some(stale)) return;
    const current = (id: string) => renamed.get(id) ?? id;
    const moved: Record<string, StudyNote> = {};
    // Notes under a current id first, so that a former id's text joins them rather than replace.
    const entries = Object.entries(notes).sort(([a], [b]) => Number(stale(a)) - Number(stale(b)));
    for (const [id, note] of entries) {
      const to = current(id);
      const there = moved[to];
      const text = there ? (mergeNote(there.text, note.text) ?? there.text) : note.text;
      const updated = there && there.updated > note.updated ? there.updated : note.updated;
      moved[to] = { text, updated };
    }
    set({
      notes: moved,
      visited: withAll([], visited.map(current)),
      quizzed: withAll([], quizzed.map(current)),
    });
  },
});
