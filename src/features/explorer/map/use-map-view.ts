import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Atlas } from '../../../model/atlas';
import { tourFrame } from '../../../model/tour-view';
import { computeView, type MapView } from '../../../model/view';
import { useAtlasStore } from '../../../store/atlas-store';
import { selectTourId } from '../../../store/selectors';

export type MapViewState = {
  view: MapView;
  /** The same without the search: what the relations are drawn from, so typing leaves them be. */
  edgeView: MapView;
  selectedId: string | null;
  searchMatches: readonly string[];
};

/** The map's emphasis for the selection, focus, filters, search and tour in the store. */
export function useMapView(atlas: Atlas | null): MapViewState | null {
  const input = useAtlasStore(
    useShallow((s) => ({
      selectedId: s.selectedId,
      focusDepth: s.focusDepth,
      focusMode: s.focusMode,
      hiddenKinds: s.hiddenKinds,
      hiddenSections: s.hiddenSections,
      showCrossLinks: s.showCrossLinks,
      tourId: selectTourId(s),
      tourStep: s.tour?.step,
      reveal: s.reveal,
    })),
  );
  const searchMatches = useAtlasStore((s) => s.searchMatches);
  const viewInput = useMemo(() => {
    const tour = atlas?.tours.find((t) => t.id === input.tourId);
    const frame = tour ? tourFrame(tour, input.tourStep ?? 1) : null;
    return { ...input, tour: frame ? { ...frame, reveal: input.reveal } : null };
  }, [atlas, input]);
  const edgeView = useMemo(
    () => (atlas ? computeView(atlas, { ...viewInput, searchMatches: [] }) : null),
    [atlas, viewInput],
  );
  return useMemo(() => {
    if (!atlas || !edgeView) return null;
    const view =
      searchMatches.length === 0 ? edgeView : computeView(atlas, { ...viewInput, searchMatches });
    return { view, edgeView, selectedId: input.selectedId, searchMatches };
  }, [atlas, input.selectedId, viewInput, edgeView, searchMatches]);
}
