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

/** The saved study data, with only the fields it should have, or null when it is not that. */
export function asStudy(value: unknown): Study | null {
  if (!isObject(value) || value.version !== 1 || !isObject(value.notes)) return null;
  if (!isStrings(value.visited) || !isStrings(value.quizzed)) return null;
  const notes: Record<string, StudyNote> = {};
  for (const [id, note] of Object.entries(value.notes)) {
    if (!isObject(note) || typeof note.text !== 'string') return null;
    if (typeof note.updated !== 'string' || !ISO_DATE_TIME.test(note.updated)) return null;
    if (Number.isNaN(Date.parse(note.updated))) return null;
    Object.defineProperty(notes, id, {
      value: { text: note.text, updated: note.updated },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const kept: Record<string, string[]> = {};
  if (isObject(value.kept)) {
    for (const [id, versions] of Object.entries(value.kept)) {
      if (!isStrings(versions) || versions.length === 0) continue;
      Object.defineProperty(kept, id, {
        value: [...versions],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return {
    version: 1,
    notes,
    visited: [...value.visited],
    quizzed: [...value.quizzed],
    ...(Object.keys(kept).length > 0 ? { kept } : {}),
  };
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

export type LoadedStudy = {
  study: Study;
  problem: string | null;
  /**
   * False when the saved value could not be read and could not be backed up either: saving now
   * would overwrite the only copy of it, so saving waits until `backupStudy` succeeds.
   */
  canSave: boolean;
};

const EXPORT_HINT = 'Your text is still here; export your notes to keep them.';
export const QUOTA_MESSAGE = `Your notes could not be saved: the browser storage is full. ${EXPORT_HINT}`;
export const UNAVAILABLE_MESSAGE = `Your notes could not be saved: this browser does not allow it here (private browsing may block storage). ${EXPORT_HINT}`;
export const BACKED_UP_MESSAGE =
  'Your saved notes could not be read, so you are starting with empty notes. The unreadable copy was kept aside in this browser (as “concept-atlas:study-backup”) so nothing is thrown away.';
export const BLOCKED_MESSAGE = `Your saved notes could not be read, and the browser storage is too full to keep a backup of them. New notes will not be saved until there is room, so the old copy is not overwritten. ${EXPORT_HINT}`;

/**
 * Reads the saved notes and progress, validated. A corrupt or foreign value is copied to the backup
 * key before anything can overwrite it, and empty notes are used instead, with a message.
 */
export function loadStudy(storage: Storage | null = safeStorage()): LoadedStudy {
  let raw: string | null;
  try {
    raw = storage?.getItem(STUDY_KEY) ?? null;
  } catch {
    return { study: emptyStudy(), problem: UNAVAILABLE_MESSAGE, canSave: true };
  }
  if (raw === null) return { study: emptyStudy(), problem: null, canSave: true };
  const parsed = asStudy(parseJson(raw));
  if (parsed) return { study: parsed, problem: null, canSave: true };
  const backedUp = backupStudy(storage);
  return {
    study: emptyStudy(),
    problem: backedUp ? BACKED_UP_MESSAGE : BLOCKED_MESSAGE,
    canSave: backedUp,
  };
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
