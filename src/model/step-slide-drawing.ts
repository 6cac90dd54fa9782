import { getBezierPath } from '@xyflow/react';
import type { Atlas } from './atlas.ts';
import type { Box } from './floating.ts';
import { kindStyles } from './kinds.ts';
import { estimateWidth, type MeasureText } from './level-of-detail.ts';
import { DRAWING_FONTS, type SvgElement } from './map-drawing.ts';
import {
  elkOnThisThread,
  type LayOut,
  layOutStepGraph,
  type StepGraph,
} from './step-graph-layout.ts';
import { STEP_PHRASE_RATIO } from './step-layout.ts';
import {
  bareLines,
  closeUpInput,
  PROJECTOR,
  relationSentences,
  type StepScene,
  stepScene,
  tourMapPane,
} from './step-slide.ts';
import type { Tour } from './tours.ts';
import { type MapView, tourStepView } from './view.ts';
import { cutShort, wrapText } from './wrap-text.ts';

/**
 * A tour step as one slide, 1920 by 1080, drawn as SVG shapes and text: on the left what the
 * class reads (the tour, the step's progress, its title and text), on the right the map as the
 * projector frames the step (its concepts named at the class's size, the rest faded), or the
 * step's close-up over the faded map. Every text is wrapped here, to the widths the map gives
 * it, since SVG text does not wrap.
 */

/** How wide a text is in the drawing's font, at `px` and a font weight. */
export type MeasureFont = (text: string, px: number, weight: number) => number;

/** About how wide a text is, where no browser can tell (see `estimateWidth`). */
export const estimateFont: MeasureFont = (text, px, weight) =>
  estimateWidth(text, px) * (weight >= 700 ? 1.04 : weight <= 400 ? 0.9 : 1);

/** One line of text in the slide, in its pixels: what a reader reads and at what size. */
export type SlideText = { text: string; size: number; box: Box; part: SlidePart };
/** A text's block (a label with its background, a card, a paragraph), none on another. */
export type SlideBlock = { id: string; box: Box; part: SlidePart };
export type SlidePart = 'caption' | 'title' | 'label' | 'phrase' | 'card';

export type StepSlide = { svg: SvgElement; texts: SlideText[]; blocks: SlideBlock[] };

export type Caption = {
  tour: string;
  step: number;
  steps: number;
  title: string;
  text: string;
  /** The relations the close-up has no room to say on their lines, said under the text. */
  unsaid?: readonly { source: string; phrase: string; target: string }[];
};

export type SlideInput = {
  atlas: Atlas;
  view: MapView;
  scene: StepScene;
  /** The step brought together, where the scene says its labels have no room on the map. */
  closeUp: StepGraph | null;
  caption: Caption;
  measure?: MeasureFont;
  /** Drawn in the projector theme's darker ink, lines and arrows, as the class's screen shows it. */
  projector?: boolean;
};

/** The colours of the text, rules and relations: the page's, or the projector theme's. */
type Palette = { ink: string; muted: string; line: string; edge: string };
const STANDARD: Palette = { ink: '#1b1f24', muted: '#4b5563', line: '#d3d8df', edge: '#6b7280' };
/** As `.theme-projector` sets them in the page's style sheet. */
const PROJECTOR_THEME: Palette = {
  ink: '#000000',
  muted: '#2f3642',
  line: '#8c95a3',
  edge: '#374151',
};
const PAPER = '#ffffff';
const CANVAS = '#f6f7f9';
const ACCENT = '#1d4ed8';

/** A measure of lines in one font and size. */
const inFont = (measure: MeasureFont, px: number, weight: number) => (line: string) =>
  measure(line, px, weight);

const round = (n: number) => Math.round(n * 100) / 100;

const el = (
  tag: string,
  attrs: Record<string, string | number>,
  children?: (SvgElement | string)[],
): SvgElement => (children ? { tag, attrs, children } : { tag, attrs });

/** `hex` mixed with white, `share` of it kept (CSS `color-mix(in srgb, hex share, white)`). */
function withWhite(hex: string, share: number): string {
  const channel = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  const mix = (c: number) => Math.round(c * share + 255 * (1 - share));
  return `#${[1, 3, 5].map((i) => mix(channel(i)).toString(16).padStart(2, '0')).join('')}`;
}

/** Collects the slide's shapes and, for each text, where it stands and how large it is. */
class Slide {
  readonly texts: SlideText[] = [];
  readonly blocks: SlideBlock[] = [];
  constructor(
    readonly measure: MeasureFont,
    readonly colours: Palette,
    /** Where the shapes being drawn stand in the slide (a nested drawing's origin). */
    readonly origin = { x: 0, y: 0 },
  ) {}

  /** Lines centred in `box` (or from its left), each `size * lineHeight` apart. */
  lines(
    lines: readonly string[],
    box: Box,
    style: { size: number; weight: number; fill: string; lineHeight: number; part: SlidePart },
    align: 'middle' | 'start' = 'middle',
  ): SvgElement[] {
    const step = style.size * style.lineHeight;
    const top = align === 'middle' ? box.y + (box.height - step * lines.length) / 2 : box.y;
    return lines.map((line, i) => {
      const width = this.measure(line, style.size, style.weight);
      const x = align === 'middle' ? box.x + box.width / 2 : box.x;
      this.texts.push({
        text: line,
        size: style.size,
        part: style.part,
        box: {
          x: this.origin.x + (align === 'middle' ? x - width / 2 : x),
          y: this.origin.y + top + i * step,
          width,
          height: step,
        },
      });
      return el(
        'text',
        {
          x: round(x),
          // The middle of the line, less the middle of the letters above the baseline.
          y: round(top + i * step + step / 2 + style.size * 0.35),
          'font-size': round(style.size),
          'font-weight': style.weight,
          fill: style.fill,
          ...(align === 'middle' ? { 'text-anchor': 'middle' } : {}),
        },
        [line],
      );
    });
  }

  block(id: string, box: Box, part: SlidePart) {
    this.blocks.push({
      id,
      part,
      box: { ...box, x: box.x + this.origin.x, y: box.y + this.origin.y },
    });
  }
}

/** Where the step's title starts, below the tour's name, the progress and its bar. */
const TITLE_TOP = 56 + 40 + 48 + 12 + 44;

/** The caption: the tour, the step's progress, its title and its text, down the left. */
function drawCaption(slide: Slide, caption: Caption, width: number, height: number): SvgElement {
  const margin = 48;
  const inner = width - margin * 2;
  const { measure } = slide;
  // The title and text at the size a projector shows them, smaller only where they would not fit.
  let titleSize = 52;
  let textSize = 34;
  // The sentences at the phrases' size, each marked as a list item, a little in from the text.
  const unsaid = caption.unsaid ?? [];
  const sentenceSize = 24;
  const indent = 28;
  const layOut = () => {
    const title = wrapText(caption.title, inner, inFont(measure, titleSize, 700), 4);
    const text = wrapText(caption.text, inner, inFont(measure, textSize, 400), 14);
    const sentences = unsaid.map((r) =>
      wrapText(
        `${r.source} ${r.phrase} ${r.target}`,
        inner - indent,
        inFont(measure, sentenceSize, 400),
        6,
      ),
    );
    const used = TITLE_TOP + title.length * titleSize * 1.15 + 24;
    const textBottom = used + text.length * textSize * 1.4;
    const list =
      sentences.length === 0
        ? 0
        : 24 +
          sentenceSize * 1.6 +
          sentences.reduce((n, l) => n + l.length, 0) * sentenceSize * 1.35 +
          (sentences.length - 1) * 8;
    return { title, text, sentences, bottom: textBottom + list };
  };
  let laid = layOut();
  while (laid.bottom > height - margin && textSize > 24) {
    titleSize = Math.max(36, Math.round(titleSize * 0.92));
    textSize = Math.max(24, Math.round(textSize * 0.92));
    laid = layOut();
  }
  const tour = cutShort(caption.tour, inner, inFont(measure, 26, 700));
  const progress = `Step ${caption.step} of ${caption.steps}`;
  const shapes: SvgElement[] = [
    el('rect', { x: 0, y: 0, width: round(width), height, fill: PAPER }),
    el('line', {
      x1: round(width - 0.5),
      y1: 0,
      x2: round(width - 0.5),
      y2: height,
      stroke: slide.colours.line,
      'stroke-width': 1,
    }),
  ];
  // Each text of the caption: its lines from the left of its box, and its block.
  const paragraph = (
    id: string,
    lines: readonly string[],
    box: Box,
    style: { size: number; weight: number; fill: string; lineHeight: number },
  ) => {
    shapes.push(...slide.lines(lines, box, { ...style, part: 'caption' }, 'start'));
    slide.block(id, box, 'caption');
  };
  const { ink, muted } = slide.colours;
  let y = 56;
  paragraph(
    'tour',
    [tour],
    { x: margin, y, width: inner, height: 31 },
    {
      size: 26,
      weight: 700,
      fill: muted,
      lineHeight: 1.2,
    },
  );
  y += 40;
  paragraph(
    'progress',
    [progress],
    { x: margin, y, width: inner, height: 36 },
    {
      size: 30,
      weight: 700,
      fill: muted,
      lineHeight: 1.2,
    },
  );
  y += 48;
  const share = Math.min(1, Math.max(0, caption.step / Math.max(1, caption.steps)));
  shapes.push(
    el('rect', { x: margin, y, width: inner, height: 12, rx: 6, fill: slide.colours.line }),
    el('rect', { x: margin, y, width: round(inner * share), height: 12, rx: 6, fill: ACCENT }),
  );
  y += 12 + 44;
  const titleBox = { x: margin, y, width: inner, height: laid.title.length * titleSize * 1.15 };
  paragraph('step-title', laid.title, titleBox, {
    size: titleSize,
    weight: 700,
    fill: ink,
    lineHeight: 1.15,
  });
  y += titleBox.height + 24;
  const textBox = { x: margin, y, width: inner, height: laid.text.length * textSize * 1.4 };
  paragraph('step-text', laid.text, textBox, {
    size: textSize,
    weight: 400,
    fill: ink,
    lineHeight: 1.4,
  });
  if (laid.sentences.length > 0) {
    y += textBox.height + 24;
    const headBox = { x: margin, y, width: inner, height: sentenceSize * 1.3 };
    paragraph('unsaid-title', ['What the other lines say'], headBox, {
      size: sentenceSize,
      weight: 700,
      fill: ink,
      lineHeight: 1.3,
    });
    y += sentenceSize * 1.6;
    laid.sentences.forEach((lines, index) => {
      const box = {
        x: margin + indent,
        y,
        width: inner - indent,
        height: lines.length * sentenceSize * 1.35,
      };
      shapes.push(
        el('circle', { cx: margin + 8, cy: round(y + sentenceSize * 0.7), r: 4, fill: ink }),
      );
      paragraph(`unsaid-${index}`, lines, box, {
        size: sentenceSize,
        weight: 400,
        fill: ink,
        lineHeight: 1.35,
      });
      y += box.height + 8;
    });
  }
  return el('g', { class: 'slide-caption' }, shapes);
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The map under the step, in its own units, framed by the scene's camera: faded but for the step. */
function drawMapBelow(atlas: Atlas, view: MapView, scene: StepScene, colours: Palette): SvgElement {
  const { x: tx, y: ty, zoom } = scene.viewport;
  const frame = {
    x: -tx / zoom,
    y: -ty / zoom,
    width: scene.pane.width / zoom,
    height: scene.pane.height / zoom,
  };
  const shapes: SvgElement[] = [];
  for (const section of [...atlas.graph.sections].sort((a, b) => a.order - b.order)) {
    const box = atlas.layout.sections[section.id];
    if (!box || !overlaps(box, frame)) continue;
    shapes.push(
      el('rect', {
        ...rounded(box),
        rx: 16,
        fill: 'rgb(255 255 255 / 70%)',
        stroke: '#c5ccd6',
        'stroke-width': 2,
      }),
    );
  }
  const faded: SvgElement[] = [];
  const above: SvgElement[] = [];
  for (const edge of atlas.edges) {
    if (!edge.data || view.hiddenEdges.has(edge.id)) continue;
    const { ends, kind } = edge.data;
    const reach = {
      x: Math.min(ends.sourceX, ends.targetX) - 60,
      y: Math.min(ends.sourceY, ends.targetY) - 60,
      width: Math.abs(ends.targetX - ends.sourceX) + 120,
      height: Math.abs(ends.targetY - ends.sourceY) + 120,
    };
    if (!overlaps(reach, frame)) continue;
    const [path] = getBezierPath(ends);
    const strong = view.emphasisedEdges.has(edge.id);
    const pole = kind === 'pole-of' || kind === 'contrasts-with';
    // As the map's CSS draws them: the step's own relations stand out, the poles of a pair in
    // their own colour.
    const line = el('path', {
      d: path,
      fill: 'none',
      stroke: pole ? '#7e22ce' : strong ? '#374151' : colours.edge,
      'stroke-width': pole ? 2.2 : strong ? 2.4 : 1.4,
      ...(kind === 'contrasts-with' ? { 'stroke-dasharray': '7 4' } : {}),
      'marker-end': 'url(#slide-map-arrow)',
    });
    (strong ? above : faded).push(line);
  }
  // The rest of the map fades while the step stands out.
  shapes.push(el('g', { opacity: 0.2 }, faded));
  const step: SvgElement[] = [];
  for (const concept of atlas.graph.concepts) {
    const box = atlas.boxes.get(concept.id);
    if (!box || view.hidden.has(concept.id) || !overlaps(box, frame)) continue;
    const inStep = view.conceptClass.get(concept.id)?.includes('is-step') ?? false;
    const style = kindStyles[concept.kind];
    const colours = inStep
      ? { band: style.colour, fill: style.tint, border: withWhite(style.colour, 0.45) }
      : { band: '#c3c9d1', fill: '#f4f5f7', border: '#dde1e6' };
    const shape = [
      el('rect', { ...rounded(box), rx: 8, fill: colours.band }),
      el('rect', {
        x: round(box.x + 6),
        y: round(box.y + 1),
        width: round(box.width - 7),
        height: round(box.height - 2),
        rx: 7,
        fill: colours.fill,
      }),
      el('rect', {
        ...rounded(box),
        rx: 8,
        fill: 'none',
        stroke: colours.border,
        'stroke-width': 1,
      }),
    ];
    if (inStep) {
      // The step's own concepts are ringed, as on the map.
      step.push(
        el('rect', { ...rounded(grow(box, 7)), rx: 15, fill: ACCENT }),
        el('rect', { ...rounded(grow(box, 3)), rx: 11, fill: PAPER }),
        ...shape,
      );
    } else shapes.push(...shape);
  }
  shapes.push(...step, ...above);
  return el(
    'g',
    { transform: `translate(${round(tx)} ${round(ty)}) scale(${round(zoom * 10000) / 10000})` },
    shapes,
  );
}

const rounded = (box: Box) => ({
  x: round(box.x),
  y: round(box.y),
  width: round(box.width),
  height: round(box.height),
});

const grow = (box: Box, by: number): Box => ({
  x: box.x - by,
  y: box.y - by,
  width: box.width + by * 2,
  height: box.height + by * 2,
});

/**
 * The section titles the step leaves room for: each number and the head of its title across the
 * top of its section, on one line or two, as far as the map shows the section (cut short where
 * the map's edge cuts it).
 */
function drawTitles(slide: Slide, atlas: Atlas, scene: StepScene): SvgElement[] {
  const size = scene.titlePx * scene.scale;
  const line = size * 1.2;
  const shapes: SvgElement[] = [];
  for (const { id, text, numbered, box: whole, lines } of scene.titles) {
    const left = Math.max(whole.x, 0);
    const right = Math.min(whole.x + whole.width, scene.pane.width);
    // A title the map's edge cuts across its height says nothing: left out.
    const inside = whole.y >= 0 && whole.y + whole.height <= scene.pane.height;
    if (!inside || right - left < size * 3) continue;
    const box = { ...whole, x: left, width: right - left };
    shapes.push(
      el('path', {
        d: `M${round(left)} ${round(box.y + box.height)}V${round(box.y + 14)}q0 -14 14 -14H${round(
          right - 14,
        )}q14 0 14 14V${round(box.y + box.height)}z`,
        fill: 'rgb(255 255 255 / 92%)',
      }),
    );
    let x = left + 8;
    const top = box.y + 3;
    const order = atlas.graph.sections.find((s) => s.id === id)?.order;
    if (numbered && order !== undefined) {
      const label = String(order);
      const width = Math.max(size * 1.3, slide.measure(label, size, 700) + size * 0.5);
      shapes.push(
        el('rect', {
          x: round(x),
          y: round(top),
          width: round(width),
          height: round(line),
          rx: round(line / 2),
          fill: slide.colours.ink,
        }),
        ...slide.lines(
          [label],
          { x, y: top, width, height: line },
          { size, weight: 700, fill: PAPER, lineHeight: 1.2, part: 'title' },
        ),
      );
      x += width + size * 0.35;
    }
    const room = right - 8 - x;
    if (room > size * 2) {
      const words = wrapText(text, room, inFont(slide.measure, size, 700), lines);
      shapes.push(
        ...slide.lines(
          words,
          { x, y: top, width: room, height: line * words.length },
          { size, weight: 700, fill: slide.colours.ink, lineHeight: 1.2, part: 'title' },
          'start',
        ),
      );
    }
    slide.block(`section:${id}`, box, 'title');
  }
  return shapes;
}

/** The step's labels where the scene places them, each on a white ground of its kind's hue. */
function drawLabels(slide: Slide, scene: StepScene): SvgElement[] {
  return scene.labels.flatMap(({ id, kind, box, lines, size }) => {
    slide.block(id, box, 'label');
    return [
      el('rect', {
        ...rounded(box),
        rx: 5,
        fill: 'rgb(255 255 255 / 90%)',
        stroke: kindStyles[kind].colour,
        'stroke-opacity': 0.35,
        'stroke-width': 1,
      }),
      ...slide.lines(lines, box, {
        size,
        weight: 600,
        fill: slide.colours.ink,
        lineHeight: 1.25,
        part: 'label',
      }),
    ];
  });
}

/** The phrases of a step shown on the map, where the scene places them. */
function drawPhrases(slide: Slide, scene: StepScene): SvgElement[] {
  const size = scene.phrasePx * scene.scale;
  return scene.phrases.flatMap(({ id, label, box }) => {
    const most = Math.max(1, Math.floor((box.height - size * 0.4 + 1) / (size * 1.25)));
    const lines = wrapText(label, box.width - size * 0.8, inFont(slide.measure, size, 600), most);
    slide.block(id, box, 'phrase');
    return [
      el('rect', {
        ...rounded(box),
        rx: round(size * 0.5),
        fill: PAPER,
        stroke: '#9ca3af',
        'stroke-width': 1,
      }),
      ...slide.lines(lines, box, {
        size,
        weight: 600,
        fill: slide.colours.ink,
        lineHeight: 1.25,
        part: 'phrase',
      }),
    ];
  });
}

/** The step brought together over the faded map: its cards, arrows and phrases. */
function drawCloseUp(slide: Slide, atlas: Atlas, scene: StepScene, graph: StepGraph) {
  const size = graph.px;
  const phraseSize = size * STEP_PHRASE_RATIO;
  const shapes: SvgElement[] = [
    el('rect', {
      x: 0,
      y: 0,
      width: scene.pane.width,
      height: scene.pane.height,
      fill: 'rgb(255 255 255 / 90%)',
    }),
  ];
  for (const line of graph.lines) {
    shapes.push(
      el('polyline', {
        points: line.points.map((p) => `${round(p.x)},${round(p.y)}`).join(' '),
        fill: 'none',
        stroke: '#4b5563',
        'stroke-width': 3,
        'marker-end': 'url(#slide-close-up-arrow)',
      }),
    );
  }
  for (const { id, label, box } of graph.phrases) {
    const most = Math.max(1, Math.floor((box.height - phraseSize * 0.4 + 1) / (phraseSize * 1.25)));
    const lines = wrapText(
      label,
      box.width - phraseSize * 0.8,
      inFont(slide.measure, phraseSize, 600),
      most,
    );
    slide.block(id, box, 'phrase');
    shapes.push(
      el('rect', { ...rounded(box), rx: round(phraseSize * 0.5), fill: PAPER }),
      ...slide.lines(lines, box, {
        size: phraseSize,
        weight: 600,
        fill: '#374151',
        lineHeight: 1.25,
        part: 'phrase',
      }),
    );
  }
  // Around a card's label: its padding and its borders, the left one thick (see its CSS).
  const frame = size * (0.9 * 2 + 0.35) + 4;
  for (const card of graph.cards) {
    const kind = atlas.conceptById.get(card.id)?.kind ?? 'idea';
    const colour = kindStyles[kind].colour;
    const { box } = card;
    const most = Math.max(1, Math.min(4, Math.floor((box.height - size - 4 + 1) / (size * 1.2))));
    const lines = wrapText(card.label, box.width - frame, inFont(slide.measure, size, 600), most);
    const band = size * 0.35;
    slide.block(card.id, box, 'card');
    shapes.push(
      el('rect', {
        ...rounded(box),
        rx: round(size * 0.4),
        fill: colour,
        filter: 'url(#slide-card-shadow)',
      }),
      el('rect', {
        x: round(box.x + band),
        y: round(box.y + 2),
        width: round(box.width - band - 2),
        height: round(box.height - 4),
        rx: round(size * 0.3),
        fill: PAPER,
      }),
      ...slide.lines(
        lines,
        { x: box.x + band, y: box.y, width: box.width - band, height: box.height },
        { size, weight: 600, fill: slide.colours.ink, lineHeight: 1.2, part: 'card' },
      ),
    );
  }
  return el('g', { class: 'slide-close-up' }, shapes);
}

/** The arrowheads and the cards' shadow, in the slide's colours. */
const defsFor = (colours: Palette) =>
  el('defs', {}, [
    // As React Flow draws the map's arrowheads: in units of the line's width.
    el(
      'marker',
      {
        id: 'slide-map-arrow',
        viewBox: '-10 -10 20 20',
        refX: 0,
        refY: 0,
        markerWidth: 16,
        markerHeight: 16,
        markerUnits: 'strokeWidth',
        orient: 'auto-start-reverse',
      },
      [
        el('polyline', {
          points: '-5,-4 0,0 -5,4 -5,-4',
          fill: colours.edge,
          stroke: colours.edge,
          'stroke-width': 1,
          'stroke-linejoin': 'round',
        }),
      ],
    ),
    el(
      'marker',
      {
        id: 'slide-close-up-arrow',
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 6,
        markerHeight: 6,
        orient: 'auto-start-reverse',
      },
      [el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#4b5563' })],
    ),
    el('filter', { id: 'slide-card-shadow', x: '-10%', y: '-10%', width: '120%', height: '140%' }, [
      el('feDropShadow', { dx: 0, dy: 2, stdDeviation: 4, 'flood-opacity': 0.15 }),
    ]),
  ]);

/** The slide of a tour step: its caption on the left and the map (or the close-up) on the right. */
export function drawStepSlide({
  atlas,
  view,
  scene,
  closeUp,
  caption,
  measure = estimateFont,
  projector = false,
}: SlideInput): StepSlide {
  const screen = PROJECTOR;
  const pane = tourMapPane(screen);
  const colours = projector ? PROJECTOR_THEME : STANDARD;
  const slide = new Slide(measure, colours);
  const captionShapes = drawCaption(slide, caption, pane.x, screen.height);
  const map = new Slide(measure, colours, { x: pane.x, y: pane.y });
  const mapShapes: SvgElement[] = [
    el('rect', { x: 0, y: 0, width: pane.width, height: pane.height, fill: CANVAS }),
    drawMapBelow(atlas, view, scene, colours),
  ];
  if (closeUp) mapShapes.push(drawCloseUp(map, atlas, scene, closeUp));
  else
    mapShapes.push(
      ...drawTitles(map, atlas, scene),
      ...drawLabels(map, scene),
      ...drawPhrases(map, scene),
    );
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: screen.width,
      height: screen.height,
      viewBox: `0 0 ${screen.width} ${screen.height}`,
      'font-family': DRAWING_FONTS,
    },
    [
      el('title', {}, [
        `${caption.tour}, step ${caption.step} of ${caption.steps}: ${caption.title}`,
      ]),
      defsFor(colours),
      captionShapes,
      // A drawing of its own, which cuts what lies beyond the map's edges.
      el(
        'svg',
        {
          x: pane.x,
          y: pane.y,
          width: pane.width,
          height: pane.height,
          viewBox: `0 0 ${pane.width} ${pane.height}`,
        },
        mapShapes,
      ),
    ],
  );
  return {
    svg,
    texts: [...slide.texts, ...map.texts],
    blocks: [...slide.blocks, ...map.blocks],
  };
}

export type TourStepSlideInput = {
  atlas: Atlas;
  tour: Tour;
  /** 1-based, as the address has it. */
  step: number;
  /** Progressive reveal: the concepts of later steps are not on the map. */
  reveal: boolean;
  /** The reader's text scale, which the class's screen draws the labels with. */
  scale?: number;
  projector?: boolean;
  /** How wide the map's labels are (the map's own measure, so that a close-up is one in both). */
  measure?: MeasureText;
  /** How wide the slide's texts are, in the drawing's font. */
  measureFont?: MeasureFont;
  /** Where a close-up is laid out by ELK: on this thread, or in the background. */
  layout?: LayOut;
};

/**
 * A tour step as the class sees it on a 1080p projector, as one slide: its view, its scene by
 * the map's own rules, its close-up laid out where the scene calls for one, and the slide drawn,
 * the sentences of the close-up's bare lines under its text.
 */
export async function tourStepSlide({
  atlas,
  tour,
  step,
  reveal,
  scale = 1,
  projector = false,
  measure = estimateWidth,
  measureFont = estimateFont,
  layout = elkOnThisThread,
}: TourStepSlideInput): Promise<{ slide: StepSlide; view: MapView; closeUp: StepGraph | null }> {
  const content = tour.steps[step - 1];
  if (!content) throw new Error('this step is not in the tour');
  const view = tourStepView(atlas, tour, step, reveal);
  const { width, height } = tourMapPane(PROJECTOR);
  const pane = { width, height };
  const scene = stepScene({ atlas, view, pane, screenWidth: PROJECTOR.width, scale, measure });
  let closeUp: StepGraph | null = null;
  if (scene.closeUp) {
    const { concepts, relations } = closeUpInput(atlas, view.frame);
    closeUp = await layOutStepGraph(concepts, relations, pane, scene.px, measure, layout);
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
      unsaid: closeUp ? relationSentences(atlas, bareLines(closeUp), view.frame) : [],
    },
    measure: measureFont,
    projector,
  });
  return { slide, view, closeUp };
}
