import { clampStep } from '../../model/tour-view';
import type { Slice } from './types';

/** The tour being presented. */
export type TourState = {
  /** The tour on screen and its step (1-based), in the tour and presenter views. */
  tour: { id: string; step: number } | null;
  /** Progressive reveal: concepts of later steps stay hidden. */
  reveal: boolean;
  /** The audience's screen is blacked out (B or .), as a presenter pauses a slide show. */
  blackout: boolean;
};

export type TourActions = {
  /** Starts a tour at its first step, or moves to a step (kept inside the tour). */
  goToStep: (tourId: string, step: number) => void;
  leaveTour: () => void;
  setReveal: (reveal: boolean) => void;
  setBlackout: (blackout: boolean) => void;
};

export const tourInitial: TourState = { tour: null, reveal: false, blackout: false };

export const createTourSlice: Slice<TourState & TourActions> = (set, get) => ({
  ...tourInitial,
  goToStep: (tourId, step) => {
    const tour = get().atlas?.tours.find((t) => t.id === tourId);
    if (!tour) {
      set({ notice: `Tour “${tourId}” not found.` });
      return;
    }
    const view = get().view === 'presenter' ? 'presenter' : 'tour';
    set({ view, tour: { id: tourId, step: clampStep(tour, step) } });
  },
  leaveTour: () => set({ view: 'map', tour: null, blackout: false }),
  setReveal: (reveal) => set({ reveal }),
  setBlackout: (blackout) => set({ blackout }),
});
