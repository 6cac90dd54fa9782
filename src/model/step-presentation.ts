import type { Atlas } from './atlas.ts';
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

/**
 * `presentStep` for a step on the map at `zoom`: its phrases are those of the relations shown
 * among its concepts (`candidates`, boxes in map units), and they keep clear of `blocked` (what is
 * drawn and what covers the map, on screen) and of the step's concepts themselves.
 */
export function presentStepOnMap(
  atlas: Atlas,
  view: { emphasisedEdges: ReadonlySet<string>; hiddenEdges: ReadonlySet<string> },
  candidates: readonly { id: string; box: Box }[],
  unplaced: readonly string[],
  zoom: number,
  size: number,
  blocked: readonly Box[],
  within: Box | undefined,
  measure: MeasureText = estimateWidth,
): StepPresentation {
  const taken: Box[] = [...blocked];
  for (const c of candidates) {
    taken.push({
      x: c.box.x * zoom,
      y: c.box.y * zoom,
      width: c.box.width * zoom,
      height: c.box.height * zoom,
    });
  }
  const inStep = new Set(candidates.map((c) => c.id));
  const phrases = atlas.edges.flatMap((edge) =>
    edge.data &&
    inStep.has(edge.source) &&
    inStep.has(edge.target) &&
    view.emphasisedEdges.has(edge.id) &&
    !view.hiddenEdges.has(edge.id)
      ? [{ id: edge.id, label: edge.data.label, ends: edge.data.ends }]
      : [],
  );
  return presentStep(unplaced, phrases, zoom, size, taken, within, measure);
}
