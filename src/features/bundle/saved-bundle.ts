import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Layout } from '../../model/schema';

/** The bundle opened last, kept for the next visit: its text as read, and any layout computed. */
export type SavedBundle = { version: 1; name: string; text: string; layout: Layout | null };

/** Where the saved bundle lives: IndexedDB, which holds far more than localStorage. */
export type BundleStorage = {
  read(): Promise<unknown>;
  write(saved: SavedBundle): Promise<void>;
  clear(): Promise<void>;
};

const KEY = 'last-opened';
let store: UseStore | undefined;
const database = () => (store ??= createStore('concept-atlas', 'bundles'));

// Async, so that a browser without IndexedDB rejects rather than throws.
export const indexedDbStorage: BundleStorage = {
  read: async () => get(KEY, database()),
  write: async (saved) => set(KEY, saved, database()),
  clear: async () => del(KEY, database()),
};

/** A saved value is used only when it has the expected shape; the bundle itself is re-checked. */
export function asSavedBundle(value: unknown): SavedBundle | null {
  if (value === null || typeof value !== 'object') return null;
  const saved = value as Partial<SavedBundle>;
  return saved.version === 1 && typeof saved.name === 'string' && typeof saved.text === 'string'
    ? { version: 1, name: saved.name, text: saved.text, layout: saved.layout ?? null }
    : null;
}
