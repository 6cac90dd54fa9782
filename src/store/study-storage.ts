import { own } from '../model/own';
export const STUDY_KEY = 'concept-atlas:study';
export const STUDY_BACKUP_KEY = 'concept-atlas:study-backup';

export type StudyNote = {
  text: string;
  /** When the note last changed, as an ISO date-time; merging across tabs keeps the newer one. */
  updated: string;
};

export type Study = {
  version: 1;
  /** The student's own notes, by concept id. Notes of concepts no longer in the map are kept. */
  notes: Record<string, StudyNote>;
  visited: string[];
  quizzed: string[];
  /**
   * Other versions of a note, by concept id: what another tab saved while this one was changing
   * the same note. Kept until the student adds them to the note or discards them, so that two tabs
   * typing at once never lose either text. Absent in data saved before it existed.
   */
  kept?: Record<string, string[]>;
};

// Checked by hand rather than with zod: this runs before the first paint, and zod stays in the
// chunk that checks bundles.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * The date given to a note whose own date cannot be read: older than any other, so that any other
 * version of the note counts as the newer one.
 */
export const UNKNOWN_DATE = '1970-01-01T00:00:00.000Z';

const readableDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** Sets a record's own key, even one called `__proto__`, which plain assignment would not. */
function define<T>(record: Record<string, T>, key: string, value: T) {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A saved note as far as it can be read: its text, and its date where that can be read too. */
function readNote(value: unknown): StudyNote | null {
  if (!isObject(value) || typeof value.text !== 'string') return null;
  return { text: value.text, updated: readableDate(value.updated) ? value.updated : UNKNOWN_DATE };
}

/** Saved study data read entry by entry, with what had to be left out or mended to read it. */
export type StudyReading = {
  study: Study;
  /** Notes whose text could not be read, left out (they stay in the backup copy). */
  setAside: number;
  /** Entries mended to be read: a note's date, or a visit that is not a concept id. */
  repaired: number;
};

/**
 * Reads saved study data one entry at a time, so that one bad entry never costs the others: a
 * note whose date cannot be read keeps its text (under `UNKNOWN_DATE`), a note without readable
 * text is set aside and counted, and lists keep their readable items. Null only when the value is
 * not study data at all, or (unless `anyVersion`) is of another version of the format.
 */
export function readStudyValue(value: unknown, anyVersion = false): StudyReading | null {
  if (!isObject(value) || !isObject(value.notes)) return null;
  if (!anyVersion && value.version !== 1) return null;
  let setAside = 0;
  let repaired = 0;
  const notes: Record<string, StudyNote> = {};
  for (const [id, saved] of Object.entries(value.notes)) {
    const note = readNote(saved);
    if (!note) setAside += 1;
    else {
      if (isObject(saved) && note.updated !== saved.updated) repaired += 1;
      define(notes, id, note);
    }
  }
  const strings = (list: unknown): string[] => {
    if (!Array.isArray(list)) {
      if (list !== undefined) repaired += 1;
      return [];
    }
    const items = list.filter((item): item is string => typeof item === 'string');
    repaired += list.length - items.length;
    return items;
  };
  const visited = strings(value.visited);
  const quizzed = strings(value.quizzed);
  const kept: Record<string, string[]> = {};
  if (isObject(value.kept)) {
    for (const [id, versions] of Object.entries(value.kept)) {
      if (!isStrings(versions) || versions.length === 0) continue;
      define(kept, id, [...versions]);
    }
  }
  return {
    study: {
      version: 1,
      notes,
      visited,
      quizzed,
      ...(Object.keys(kept).length > 0 ? { kept } : {}),
    },
    setAside,
    repaired,
  };
}

/** The saved study data, as far as it can be read, or null when it is not study data at all. */
export function asStudy(value: unknown): Study | null {
  return readStudyValue(value)?.study ?? null;
}

// Each note as `saveStudy` writes it: `"id":{"text":"…","updated":"…"}`. The alternatives inside a
// string cannot both match one character, so the scan stays linear however the text is broken.
const SAVED_NOTE =
  /"((?:[^"\\]|\\.)*)":\{"text":("(?:[^"\\]|\\.)*")(?:,"updated":("(?:[^"\\]|\\.)*"))?/g;

const unquote = (literal: string | undefined): string | null => {
  if (literal === undefined) return null;
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
};

/**
 * Every note that can be read from a saved copy, whatever else is wrong with it: of any version,
 * with dates that cannot be read, or cut short (a text that is not JSON is scanned for the notes
 * it still holds whole).
 */
export function readableNotes(raw: string): Record<string, StudyNote> {
  const parsed = parseJson(raw);
  if (parsed !== undefined) return readStudyValue(parsed, true)?.study.notes ?? {};
  const notes: Record<string, StudyNote> = {};
  for (const match of raw.matchAll(SAVED_NOTE)) {
    const id = unquote(`"${match[1] ?? ''}"`);
    const text = unquote(match[2]);
    if (id === null || text === null) continue;
    const updated = unquote(match[3]);
    define(notes, id, { text, updated: readableDate(updated) ? updated : UNKNOWN_DATE });
  }
  return notes;
}

/** A copy of saved study data kept aside in this browser because it could not all be read. */
export type SetAsideCopy = { key: string; raw: string };

/** The copies kept aside, oldest first (the dated keys, then the backup key itself). */
export function readSetAside(storage: Storage | null = safeStorage()): SetAsideCopy[] {
  if (!storage) return [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(`${STUDY_BACKUP_KEY}:`)) keys.push(key);
    }
    keys.sort();
    keys.push(STUDY_BACKUP_KEY);
    return keys.flatMap((key) => {
      const raw = storage.getItem(key);
      return raw === null ? [] : [{ key, raw }];
    });
  } catch {
    return [];
  }
}

/** Written above a restored text that joins a different note the student has now. */
export const RESTORED_HEADING = 'Restored from an earlier save:';

/** What restoring changed: notes brought back where there was none, and notes joined to one. */
export type NotesRestore = { added: number; combined: number };

/**
 * Brings the readable notes of the copies kept aside back into `notes`, never overwriting text:
 * a note with no text now takes the restored one; a different note keeps its text, and the
 * restored text follows it under `RESTORED_HEADING`; text already there is not repeated, so
 * restoring twice changes nothing the second time.
 */
export function restoreInto(
  notes: Readonly<Record<string, StudyNote>>,
  copies: readonly SetAsideCopy[],
  updated: string,
): NotesRestore & { notes: Record<string, StudyNote> } {
  const result = { notes: { ...notes }, added: 0, combined: 0 };
  const changed = new Map<string, 'added' | 'combined'>();
  for (const copy of copies) {
    for (const [id, restored] of Object.entries(readableNotes(copy.raw))) {
      if (restored.text === '') continue;
      const current = own(result.notes, id)?.text ?? '';
      let text: string;
      if (current === '') text = restored.text;
      else if (current.includes(restored.text)) continue;
      else if (restored.text.includes(current)) text = restored.text;
      else text = `${current}\n\n${RESTORED_HEADING}\n${restored.text}`;
      define(result.notes, id, { text, updated });
      if (!changed.has(id)) changed.set(id, current === '' ? 'added' : 'combined');
    }
  }
  for (const how of changed.values()) result[how] += 1;
  return result;
}

/** How many notes restoring the copies kept aside would bring back or add to. */
export function restorable(
  notes: Readonly<Record<string, StudyNote>>,
  copies: readonly SetAsideCopy[],
): number {
  const { added, combined } = restoreInto(notes, copies, UNKNOWN_DATE);
  return added + combined;
}

/**
 * Adds a version of a note to those kept, unless it says nothing new: it is the note itself, or
 * the start of the note or of a version already kept (typing mostly adds to the end, so the
 * snapshots of a sentence being typed collapse into the sentence).
 */
export function keepVersion(versions: readonly string[], version: string, note: string): string[] {
  if (version === '' || note.startsWith(version)) return [...versions];
  if (versions.some((kept) => kept.startsWith(version))) return [...versions];
  return [...versions.filter((kept) => !version.startsWith(kept)), version];
}

export const emptyStudy = (): Study => ({ version: 1, notes: {}, visited: [], quizzed: [] });

/** Saved notes kept aside in this browser: how many could not be read, and how many can be restored. */
export type SetAsideNotes = { unreadable: number; restorable: number };

export type LoadedStudy = {
  study: Study;
  problem: string | null;
  /**
   * False when the saved value could not be read and could not be backed up either: saving now
   * would overwrite the only copy of it, so saving waits until `backupStudy` succeeds.
   */
  canSave: boolean;
  /** Notes kept aside that the student can still restore or download; null when there are none. */
  setAside: SetAsideNotes | null;
};

const EXPORT_HINT = 'Your text is still here; export your notes to keep them.';
export const QUOTA_MESSAGE = `Your notes could not be saved: the browser storage is full. ${EXPORT_HINT}`;
export const UNAVAILABLE_MESSAGE = `Your notes could not be saved: this browser does not allow it here (private browsing may block storage). ${EXPORT_HINT}`;
export const BACKED_UP_MESSAGE =
  'Your saved notes could not be read, so you are starting with empty notes. The unreadable copy was kept aside in this browser (as “concept-atlas:study-backup”) so nothing is thrown away.';
export const BLOCKED_MESSAGE = `Your saved notes could not be read, and the browser storage is too full to keep a backup of them. New notes will not be saved until there is room, so the old copy is not overwritten. ${EXPORT_HINT}`;

/** What is kept aside, given the notes the student has now; null when there is nothing to offer. */
export function offerSetAside(
  notes: Readonly<Record<string, StudyNote>>,
  unreadable: number,
  storage: Storage | null = safeStorage(),
): SetAsideNotes | null {
  const count = restorable(notes, readSetAside(storage));
  return count > 0 || unreadable > 0 ? { unreadable, restorable: count } : null;
}

/**
 * Reads the saved notes and progress, entry by entry. Before anything can overwrite a value that
 * could not all be read as it is, it is copied to the backup key: a value that is not study data
 * at all leaves empty notes, one bad entry leaves the others in place. Notes kept aside (now or by
 * an earlier visit) that are not among the notes are offered to be restored.
 */
export function loadStudy(storage: Storage | null = safeStorage()): LoadedStudy {
  let raw: string | null;
  try {
    raw = storage?.getItem(STUDY_KEY) ?? null;
  } catch {
    return { study: emptyStudy(), problem: UNAVAILABLE_MESSAGE, canSave: true, setAside: null };
  }
  const empty = emptyStudy();
  if (raw === null) {
    return { study: empty, problem: null, canSave: true, setAside: offerSetAside({}, 0, storage) };
  }
  const read = readStudyValue(parseJson(raw));
  const study = read?.study ?? empty;
  const intact = read !== null && read.setAside === 0 && read.repaired === 0;
  const backedUp = intact || backupStudy(storage);
  const setAside = offerSetAside(study.notes, read?.setAside ?? 0, storage);
  let problem: string | null = null;
  if (!backedUp) problem = BLOCKED_MESSAGE;
  // Notes that can be restored are said by the offer to restore them; this says the rest.
  else if (!read && !setAside) problem = BACKED_UP_MESSAGE;
  return { study, problem, canSave: backedUp, setAside };
}

/**
 * Copies the saved value, as it is, to the backup key. An older, different backup is moved to a
 * dated key rather than overwritten. True when the copy is safe (or there is nothing to copy).
 */
export function backupStudy(storage: Storage | null = safeStorage()): boolean {
  try {
    const raw = storage?.getItem(STUDY_KEY) ?? null;
    if (raw === null || !storage) return true;
    const previous = storage.getItem(STUDY_BACKUP_KEY);
    if (previous === raw) return true;
    if (previous !== null) {
      storage.setItem(`${STUDY_BACKUP_KEY}:${new Date().toISOString()}`, previous);
    }
    storage.setItem(STUDY_BACKUP_KEY, raw);
    return true;
  } catch {
    return false;
  }
}

/** Saves the notes and progress; says why, in plain words, when the browser refuses. */
export function saveStudy(study: Study, storage: Storage | null = safeStorage()): string | null {
  if (!storage) return UNAVAILABLE_MESSAGE;
  try {
    storage.setItem(STUDY_KEY, JSON.stringify(study));
    return null;
  } catch (error) {
    return isQuotaError(error) ? QUOTA_MESSAGE : UNAVAILABLE_MESSAGE;
  }
}

/** Reads the saved value as it is now, for merging a change made in another tab. */
export function readStudy(storage: Storage | null = safeStorage()): Study | null {
  try {
    const raw = storage?.getItem(STUDY_KEY) ?? null;
    if (raw === null) return null;
    return asStudy(parseJson(raw));
  } catch {
    return null;
  }
}

/**
 * Combines two versions without losing anything: each note is the more recently updated one and
 * progress is the union. A note deleted in one version comes back from the other: keeping text the
 * user may still want is the safer mistake.
 */
export function mergeStudy(a: Study, b: Study): Study {
  const notes: Record<string, StudyNote> = { ...a.notes };
  for (const [id, note] of Object.entries(b.notes)) {
    const mine = own(notes, id);
    if (!mine || Date.parse(note.updated) > Date.parse(mine.updated)) notes[id] = note;
  }
  const kept: Record<string, string[]> = {};
  for (const source of [a.kept ?? {}, b.kept ?? {}]) {
    for (const [id, versions] of Object.entries(source)) {
      const text = own(notes, id)?.text ?? '';
      const merged = versions.reduce((all, v) => keepVersion(all, v, text), own(kept, id) ?? []);
      if (merged.length > 0) kept[id] = merged;
    }
  }
  return {
    version: 1,
    notes,
    visited: union(a.visited, b.visited),
    quizzed: union(a.quizzed, b.quizzed),
    ...(Object.keys(kept).length > 0 ? { kept } : {}),
  };
}

/** Whether two versions hold the same notes and progress, whatever the order of their keys. */
export function sameStudy(a: Study, b: Study): boolean {
  return canonical(a) === canonical(b);
}

function canonical(study: Study): string {
  const notes = Object.entries(study.notes).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const kept = Object.entries(study.kept ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return JSON.stringify([notes, [...study.visited].sort(), [...study.quizzed].sort(), kept]);
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Old Firefox names it differently; old WebKit only sets the legacy code.
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
