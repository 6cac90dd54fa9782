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
  /**
   * The relations (ids) of the step on screen that its close-up draws as bare lines, with no room
   * for their phrases, so that the step's text says them instead; `null` until a close-up is laid
   * out, and after it is left.
   */
  unsaid: readonly string[] | null;
};

export type TourActions = {
  /** Starts a tour at its first step, or moves to a step (kept inside the tour). */
  goToStep: (tourId: string, step: number) => void;
  leaveTour: () => void;
  setReveal: (reveal: boolean) => void;
  setBlackout: (blackout: boolean) => void;
  setUnsaid: (unsaid: TourState['unsaid']) => void;
};

export const tourInitial: TourState = { tour: null, reveal: false, blackout: false, unsaid: null };

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
  leaveTour: () => set({ view: 'map', tour: null, blackout: false, unsaid: null }),
  setReveal: (reveal) => set({ reveal }),
  setBlackout: (blackout) => set({ blackout }),
  setUnsaid: (unsaid) => set({ unsaid }),
});
