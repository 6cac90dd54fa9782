import type { Atlas } from '../../model/atlas';
import { DRAWING_FONTS, svgToText } from '../../model/map-drawing';
import { layOutStepGraph } from '../../model/step-graph-layout';
import {
  closeUpInput,
  PROJECTOR,
  stepImageName,
  stepScene,
  tourMapPane,
  unsaidSentences,
} from '../../model/step-slide';
import { drawStepSlide, estimateFont, type MeasureFont } from '../../model/step-slide-drawing';
import { tourFrame } from '../../model/tour-view';
import { computeView } from '../../model/view';
import { svgToPng } from './export-image';
import { measure } from './map/measure-text';
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

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** A text's width in the drawing's own font, measured by the browser; estimated without one. */
const measureFont: MeasureFont = (text, px, weight) => {
  const key = `${weight} ${px} ${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  let width = estimateFont(text, px, weight);
  if (context) {
    context.font = `${weight} ${px}px ${DRAWING_FONTS}`;
    width = context.measureText(text).width;
  }
  widths.set(key, width);
  return width;
};

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
  const view = computeView(atlas, {
    selectedId: null,
    focusDepth: 0,
    focusMode: 'fade',
    hiddenKinds: [],
    hiddenSections: [],
    searchMatches: [],
    showCrossLinks: false,
    tour: { ...tourFrame(tour, step), reveal },
  });
  const { width, height } = tourMapPane(PROJECTOR);
  const pane = { width, height };
  const scene = stepScene({ atlas, view, pane, screenWidth: PROJECTOR.width, scale, measure });
  let closeUp = null;
  if (scene.closeUp) {
    const { concepts, relations } = closeUpInput(atlas, view.frame);
    closeUp = await layOutStepGraph(
      concepts,
      relations,
      pane,
      scene.px,
      measure,
      layOutInBackground,
    );
  }
  const slide = drawStepSlide({
    atlas,
    view,
    scene,
    closeUp,
    caption: {
      tour: tour.title,
      step,
      steps: tour.steps.length,
      title: content.title,
      text: content.text,
      unsaid: closeUp ? unsaidSentences(atlas, closeUp, view.frame) : [],
    },
    measure: measureFont,
    projector,
  });
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${svgToText(slide.svg)}\n`;
  return {
    image: await svgToPng(svg),
    filename: stepImageName(tour.title, step, tour.steps.length, content.title),
  };
}
