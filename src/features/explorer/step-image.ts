import type { Atlas } from '../../model/atlas';
import { DRAWING_FONTS, svgToText } from '../../model/map-drawing';
import { stepImageName } from '../../model/step-slide';
import { estimateFont, type MeasureFont, tourStepSlide } from '../../model/step-slide-drawing';
import { svgToPng } from './export-image';
import { canvasMeasure, measure } from './map/measure-text';
import { layOutInBackground } from './map/step-layout-client';

export type StepImageRequest = {
  atlas: Atlas;
  tourId: string;
  /** 1-based, as the address has it. */
  step: number;
  /** Progressive reveal: the concepts of later steps are not on the map. */
  reveal: boolean;
  /** The reader's text scale, which the class's screen draws the labels with. */
  scale: number;
  /** The projector theme is on: the picture takes its darker ink, lines and arrows too. */
  projector?: boolean;
};

/** A text's width in the drawing's own font, measured by the browser; estimated without one. */
const measureFont: MeasureFont = canvasMeasure(
  (px, weight) => `${weight} ${px}px ${DRAWING_FONTS}`,
  estimateFont,
);

/**
 * A tour step as the class sees it on a 1080p projector, as a 1920x1080 PNG, and the name to save
 * it under. The step's labels and close-up are placed by the map's own rules (with the map's own
 * measure of its labels, so that the same step is a close-up in both); a close-up is laid out in
 * the background, as on screen.
 */
export async function stepImage({
  atlas,
  tourId,
  step,
  reveal,
  scale,
  projector = false,
}: StepImageRequest): Promise<{ image: Blob; filename: string }> {
  const tour = atlas.tours.find((t) => t.id === tourId);
  const content = tour?.steps[step - 1];
  if (!tour || !content) throw new Error('this step is not in the tour');
  const { slide } = await tourStepSlide({
    atlas,
    tour,
    step,
    reveal,
    scale,
    projector,
    measure,
    measureFont,
    layout: layOutInBackground,
  });
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${svgToText(slide.svg)}\n`;
  return {
    image: await svgToPng(svg),
    filename: stepImageName(tour.title, step, tour.steps.length, content.title),
  };
}
