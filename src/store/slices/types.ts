import type { StateCreator } from 'zustand';
import type { AtlasStore } from '../atlas-store';

/** One slice of the store: it sees the whole store, and declares the part it adds. */
export type Slice<T> = StateCreator<
  AtlasStore,
  [['zustand/persist', unknown], ['temporal', unknown]],
  [],
  T
>;
