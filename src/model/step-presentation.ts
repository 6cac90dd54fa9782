import type { Box } from './floating.ts';
import { estimateWidth, type MeasureText } from './level-of-detail.ts';
import {
  type Phrase,
  type PhrasePoint,
  placeStepPhrases,
  SCREEN_PHRASE_LINES,
  screenPhraseSize,
} from './phrase-placement.ts';

/**
 * How a tour step zoomed out is shown: on the map, with its phrases where they stand (map units),
 * or brought together as a close-up, which lays out its own phrases (the map then draws none).
 */
export type StepPresentation = { closeUp: boolean; phrases: Map<string, PhrasePoint> };

/**
 * A tour step stays on the map only where the map says all of it: every concept's label placed
 * (`unplaced` is empty) and the phrase of every relation among them placed too, at `size` px on
 * screen, on no label. Where one does not fit, the step is brought together as a close-up, laid
 * out for the step with room for each phrase, over the faded map. A phrase longer than a class
 * reads (more than three lines) is said by neither, and does not decide.
 */
export function presentStep(
  unplaced: readonly string[],
  phrases: readonly Phrase[],
  zoom: number,
  size: number,
  taken: readonly Box[],
  within: Box | undefined,
  measure: MeasureText = estimateWidth,
): StepPresentation {
  if (unplaced.length > 0) return { closeUp: true, phrases: new Map() };
  const placed = placeStepPhrases(phrases, zoom, size, taken, within, measure);
  const missing = phrases.some(
    (p) =>
      !placed.has(p.id) && screenPhraseSize(p.label, size, measure).lines <= SCREEN_PHRASE_LINES,
  );
  return missing ? { closeUp: true, phrases: new Map() } : { closeUp: false, phrases: placed };
}
