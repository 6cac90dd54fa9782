import { create } from 'zustand';
import type { Atlas } from '../model/atlas';

type AtlasState = {
  atlas: Atlas | null;
  problems: string[];
  selectedId: string | null;
  /** Links between sections cross the whole map; by default only the selection's are drawn. */
  showCrossLinks: boolean;
};

type AtlasActions = {
  setAtlas: (atlas: Atlas) => void;
  setProblems: (problems: string[]) => void;
  select: (id: string | null) => void;
  setShowCrossLinks: (show: boolean) => void;
};

export type AtlasStore = AtlasState & AtlasActions;

export const useAtlasStore = create<AtlasStore>()((set) => ({
  atlas: null,
  problems: [],
  selectedId: null,
  showCrossLinks: false,
  setAtlas: (atlas) => set({ atlas, problems: [] }),
  setProblems: (problems) => set({ problems }),
  select: (id) => set({ selectedId: id }),
  setShowCrossLinks: (show) => set({ showCrossLinks: show }),
}));
