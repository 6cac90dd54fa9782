import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { draftSchema, type Draft } from '../model/draft';

/** Where drafts are kept: IndexedDB, each draft under its own id. */
export type DraftStorage = {
  read(id: string): Promise<unknown>;
  write(draft: Draft): Promise<void>;
  /** Every draft kept, whatever its shape: `asDraft` says which can be opened. */
  list(): Promise<unknown[]>;
  remove(id: string): Promise<void>;
};

let store: UseStore | undefined;
// A database of their own: idb-keyval opens one object store per database.
const database = () => (store ??= createStore('concept-atlas-drafts', 'drafts'));

// Async, so that a browser without IndexedDB rejects rather than throws.
export const indexedDbDrafts: DraftStorage = {
  read: async (id) => get(id, database()),
  write: async (draft) => set(draft.id, draft, database()),
  list: async () => (await entries(database())).map(([, value]) => value as unknown),
  remove: async (id) => del(id, database()),
};

/** A kept draft, when it still has a draft's shape. */
export function asDraft(value: unknown): Draft | null {
  const parsed = draftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Why a draft could not be saved, in words a teacher reads. */
export function saveProblemInWords(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'This browser has no room left to keep your draft.';
  }
  return 'This browser does not let the page keep your draft (private browsing or blocked storage can do that).';
}
