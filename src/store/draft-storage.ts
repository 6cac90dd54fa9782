import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { draftSchema, type Draft } from '../model/draft';
import { issueInWords } from '../model/issue-words';
import { problemInWords } from '../model/problem-words';
import { formatIssues } from '../model/validate';

/** A draft as it is kept: the draft itself, and when it was last written. */
export type KeptDraft = Draft & {
  /** Milliseconds since 1970, when the draft was last written: its last change. */
  savedAt?: number;
};

/** One thing kept under a key, whatever its shape: `readKept` says whether it is a draft. */
export type KeptEntry = { key: string; value: unknown };

/** Where drafts are kept: IndexedDB, each draft under its own id. */
export type DraftStorage = {
  read(id: string): Promise<unknown>;
  write(draft: KeptDraft): Promise<void>;
  /** Every draft kept, under its key: `readKept` says which can be opened. */
  list(): Promise<KeptEntry[]>;
  remove(id: string): Promise<void>;
};

let store: UseStore | undefined;
// A database of their own: idb-keyval opens one object store per database.
const database = () => (store ??= createStore('concept-atlas-drafts', 'drafts'));

// Async, so that a browser without IndexedDB rejects rather than throws.
export const indexedDbDrafts: DraftStorage = {
  read: async (id) => get(id, database()),
  write: async (draft) => set(draft.id, draft, database()),
  list: async () =>
    (await entries(database())).map(([key, value]) => ({ key: String(key), value })),
  remove: async (id) => del(id, database()),
};

/** The draft to keep, stamped with the time of its last change. */
export const stamped = (draft: Draft, now = Date.now()): KeptDraft => ({ ...draft, savedAt: now });

/** Splits what was kept into the draft and the time it was written. */
function unstamped(value: unknown): { draft: unknown; savedAt: number | null } {
  if (value === null || typeof value !== 'object' || !('savedAt' in value)) {
    return { draft: value, savedAt: null };
  }
  const { savedAt, ...draft } = value as Record<string, unknown>;
  return {
    draft,
    savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : null,
  };
}

/** A kept draft, when it still has a draft's shape. */
export function asDraft(value: unknown): Draft | null {
  const parsed = draftSchema.safeParse(unstamped(value).draft);
  return parsed.success ? parsed.data : null;
}

/** What was read of one thing kept: a draft that opens, or what keeps it from opening. */
export type KeptRead =
  | { ok: true; key: string; draft: Draft; savedAt: number | null }
  | {
      ok: false;
      key: string;
      name: string | null;
      savedAt: number | null;
      problem: string;
      /** What is kept, exactly as it is, to save aside. */
      value: unknown;
    };

/** The name a damaged draft still gives, if any, so that the teacher knows which one it was. */
function nameOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const { name } = value as { name?: unknown };
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 120) : null;
}

/**
 * Reads one thing kept as a draft. One that cannot be read says why, in words: a draft from a
 * newer version of the app, or one damaged (with the first thing found wrong), so that it can be
 * set aside while the others open.
 */
export function readKept({ key, value }: KeptEntry): KeptRead {
  const { draft, savedAt } = unstamped(value);
  const parsed = draftSchema.safeParse(draft, { error: issueInWords });
  if (parsed.success) return { ok: true, key, draft: parsed.data, savedAt };
  const version =
    draft !== null && typeof draft === 'object' ? (draft as { version?: unknown }).version : null;
  const [first] = formatIssues(parsed.error, draft);
  const problem =
    typeof version === 'number' && version > 1
      ? 'it was saved by a newer version of Concept Atlas, which this one cannot read.'
      : draft === null || typeof draft !== 'object' || Array.isArray(draft)
        ? 'what is kept under its name is not a draft at all.'
        : `part of it is damaged (${first ? problemInWords(first).words : 'its data is incomplete'}).`;
  return { ok: false, key, name: nameOf(draft), savedAt, problem, value };
}

/** Why a draft could not be saved, in words a teacher reads. */
export function saveProblemInWords(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'This browser has no room left to keep your draft.';
  }
  return 'This browser does not let the page keep your draft (private browsing or blocked storage can do that).';
}
