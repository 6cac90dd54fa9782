import type { Tour } from './tours.ts';

/** A step number kept inside the tour: 1 to the number of steps. */
export function clampStep(tour: Tour, step: number): number {
  return Math.min(Math.max(1, Math.round(step)), tour.steps.length);
}

export type TourFrame = {
  /** The concepts this step is about: emphasised and framed by the camera. */
  current: string[];
  /** Concepts first met in a later step: hidden under progressive reveal. */
  later: string[];
};

/** What a tour step shows on the map. */
export function tourFrame(tour: Tour, step: number): TourFrame {
  const at = clampStep(tour, step) - 1;
  const seen = new Set(tour.steps.slice(0, at + 1).flatMap((s) => s.concepts));
  const later = new Set(
    tour.steps
      .slice(at + 1)
      .flatMap((s) => s.concepts)
      .filter((id) => !seen.has(id)),
  );
  return { current: tour.steps[at]?.concepts ?? [], later: [...later] };
}
