import { getViewportForBounds } from '@xyflow/react';
import type { Atlas } from './atlas.ts';
import { type Box, boxesMeet } from './floating.ts';
import { MAP_MIN_ZOOM, TOUR_MAX_ZOOM, tourFramePadding, type Viewport } from './framing.ts';
import { type LabelBox, placeMapLabels } from './label-placement.ts';
import {
  estimateWidth,
  labelBoxes,
  type LabelCandidate,
  type LabelPlace,
  labelPlaces,
  MAP_LABEL_MAX_EM,
  mapLabelPx,
  type MeasureText,
  nameParts,
  SECTION_TITLE_EXTRA_PX,
  sectionTitleBoxes,
  TOUR_LABEL_LINES,
  tourLabelPx,
  wrapTitles,
} from './level-of-detail.ts';
import { screenPhraseSize } from './phrase-placement.ts';
import type { ConceptKind } from './schema.ts';
import { STEP_PHRASE_RATIO } from './step-layout.ts';
import { presentStepOnMap } from './step-presentation.ts';
import { conceptTiers } from './tiers.ts';
import type { MapView } from './view.ts';
import { boundsOf } from './visible-window.ts';
import { wrapText } from './wrap-text.ts';

/**
 * A tour step as the class sees it on a screen of a given size, worked out from the layout alone:
 * where the camera frames the step, which of its concepts are named where, the section titles and
 * the phrases that have room, and whether the step has to be brought together as a close-up. The
 * same rules as the map's own (the camera follower and the floating labels), so that a picture of
 * the step shows what the projector does.
 */

/** A 1080p projector, the screen a class reads a step on. */
export const PROJECTOR = { width: 1920, height: 1080 } as const;

/** The step's card takes this share of the screen's width, the map the rest (see `.tour-layout`). */
export const TOUR_CARD_SHARE = 0.34;

/** Where the map stands on a tour's screen: right of the step's card, the full height. */
export function tourMapPane(screen: { width: number; height: number }): Box {
  // React Flow measures its pane in whole pixels.
  const width = Math.round(screen.width * (1 - TOUR_CARD_SHARE));
  return { x: screen.width - width, y: 0, width, height: screen.height };
}

type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/**
 * What covers a tour's map on screen, each at its distance from a corner of the pane: the zoom
 * controls, the minimap, the Export button and React Flow's attribution. The map's labels keep
 * clear of them, so a picture of the step places its labels as the screen does, though it draws
 * none of them (the e2e tests hold these to the page's own).
 */
export const TOUR_MAP_COVERS: readonly {
  corner: Corner;
  x: number;
  y: number;
  width: number;
  height: number;
}[] = [
  { corner: 'bottom-left', x: 15, y: 15, width: 26, height: 78 },
  { corner: 'bottom-right', x: 15, y: 15, width: 150, height: 100 },
  { corner: 'top-right', x: 12, y: 12, width: 92, height: 36 },
  { corner: 'bottom-right', x: 0, y: 0, width: 61, height: 19 },
];

/** Room kept between a label and what covers the map (as the map keeps it, see `useFarLabels`). */
const COVER_GAP = 16;

/** Where the covers stand on a pane. */
export function coverBoxes(pane: { width: number; height: number }): Box[] {
  return TOUR_MAP_COVERS.map((cover) => ({
    x: cover.corner.endsWith('left') ? cover.x : pane.width - cover.x - cover.width,
    y: cover.corner.startsWith('top') ? cover.y : pane.height - cover.y - cover.height,
    width: cover.width,
    height: cover.height,
  }));
}

/** A close-up's concepts, in the step's order, and the relations among them. */
export type CloseUpInput = {
  concepts: { id: string; label: string; kind: ConceptKind }[];
  relations: { id: string; label: string; source: string; target: string }[];
};

/** What a step's close-up brings together: its concepts, in its order, and their relations. */
export function closeUpInput(atlas: Atlas, ids: readonly string[]): CloseUpInput {
  const concepts = ids.flatMap((id) => {
    const concept = atlas.conceptById.get(id);
    return concept ? [{ id, label: concept.label, kind: concept.kind }] : [];
  });
  const inStep = new Set(concepts.map((c) => c.id));
  const relations = atlas.edges.flatMap((edge) =>
    inStep.has(edge.source) && inStep.has(edge.target)
      ? [{ id: edge.id, label: edge.data?.label ?? '', source: edge.source, target: edge.target }]
      : [],
  );
  return { concepts, relations };
}

/** A relation said as a sentence: its source's label, its linking phrase, its target's label. */
export type StepSentence = { id: string; source: string; phrase: string; target: string };

/** The relations a close-up draws as bare lines, with no room for their phrase on them. */
export function bareLines(graph: {
  lines: readonly { id: string }[];
  phrases: readonly { id: string }[];
}): string[] {
  const said = new Set(graph.phrases.map((p) => p.id));
  return graph.lines.flatMap(({ id }) => (said.has(id) ? [] : [id]));
}

/**
 * Relations (by id) as the sentences a step's text says where its close-up has no room for
 * their phrases (see `bareLines`); only those between two of `concepts`, the step's.
 */
export function relationSentences(
  atlas: Atlas,
  ids: readonly string[],
  concepts: readonly string[],
): StepSentence[] {
  const inStep = new Set(concepts);
  return ids.flatMap((id) => {
    const edge = atlas.edges.find((e) => e.id === id);
    if (!edge || !inStep.has(edge.source) || !inStep.has(edge.target)) return [];
    const source = atlas.conceptById.get(edge.source)?.label ?? '';
    const target = atlas.conceptById.get(edge.target)?.label ?? '';
    return [{ id, source, phrase: edge.data?.label ?? '', target }];
  });
}

export type StepScene = {
  /** The map's pane, in screen pixels; everything below is in its pixels. */
  pane: { width: number; height: number };
  viewport: Viewport;
  /** The size the step's labels are drawn at, before the reader's text scale, and that scale. */
  px: number;
  scale: number;
  /** The size of the section titles and of the relations' phrases, before the text scale. */
  titlePx: number;
  phrasePx: number;
  /** The step's concepts whose labels have room, each where it stands, in its lines and size. */
  labels: {
    id: string;
    label: string;
    kind: ConceptKind;
    box: Box;
    lines: string[];
    size: number;
  }[];
  /** The sections whose titles have room, each where its title stands and on how many lines. */
  titles: { id: string; text: string; numbered: boolean; box: Box; lines: 1 | 2 }[];
  /** The phrases of the step's relations, where they stand (a step shown on the map). */
  phrases: { id: string; label: string; box: Box }[];
  /**
   * The step is brought together as a close-up: the map has no room for all of its labels, or
   * for all of its relations' phrases (see `presentStep`).
   */
  closeUp: boolean;
  /** The step's concepts whose labels have no room on the map. */
  unplaced: string[];
};

export type SceneInput = {
  atlas: Atlas;
  /** The map's emphasis for the step (see `computeView`). */
  view: MapView;
  pane: { width: number; height: number };
  /** The whole screen's width, which sets the size of the labels (see `tourLabelPx`). */
  screenWidth: number;
  /** The reader's text scale (see `textScale`). */
  scale?: number;
  measure?: MeasureText;
  /** What covers the map, in the pane's pixels: by default a tour's controls (see `coverBoxes`). */
  covers?: readonly Box[];
};

const emphasisOf = (classes: string | undefined): LabelCandidate['emphasis'] => {
  if (!classes) return 'none';
  if (classes.includes('is-selected')) return 'selected';
  return /\b(is-neighbour|is-step|is-match)\b/.test(classes) ? 'near' : 'none';
};

/** Each section's title as the zoomed-out map draws it: its number and the head of its title. */
function titlesOf(atlas: Atlas): Map<string, { text: string; numbered: boolean }> {
  return new Map(
    atlas.graph.sections.map((s) => [
      s.id,
      s.order === 0
        ? { text: 'Introduction', numbered: false }
        : { text: nameParts(s.title).head, numbered: true },
    ]),
  );
}

/** A floating label's line height and padding, as the map's CSS draws it (see `labelSize`). */
const LABEL_LINE = 1.25;
const LABEL_PAD = 12;
const LABEL_PAD_Y = 4;

type LabelLines = { box: Omit<LabelBox, 'id'>; lines: string[] };

/**
 * A label as the map draws it: on one line where it fits, else wrapped within its widest (three
 * lines at most), and its box grown from where its place anchors it (its middle, its top below
 * the concept or its bottom above it), as the label's CSS grows it.
 */
function labelLines(
  text: string,
  placed: LabelBox,
  place: LabelPlace,
  size: number,
  measure: MeasureText,
): LabelLines {
  const lines = wrapText(text, placed.width - LABEL_PAD, (l) => measure(l, size), TOUR_LABEL_LINES);
  const height = lines.length * size * LABEL_LINE + LABEL_PAD_Y;
  const width = lines.length > 1 ? Math.max(placed.width, MAP_LABEL_MAX_EM * size) : placed.width;
  const x = placed.x + (placed.width - width) / 2;
  const y = place.startsWith('below')
    ? placed.y
    : place.startsWith('above')
      ? placed.y + placed.height - height
      : placed.y + (placed.height - height) / 2;
  return { box: { x, y, width, height }, lines };
}

const grow = (box: Box, by: number): Box => ({
  x: box.x - by,
  y: box.y - by,
  width: box.width + by * 2,
  height: box.height + by * 2,
});

const shift = (box: Omit<LabelBox, 'id'>, dx: number, dy: number): Box => ({
  x: box.x + dx,
  y: box.y + dy,
  width: box.width,
  height: box.height,
});

/**
 * A tour step on a screen `screenWidth` wide whose map pane is `pane`: the camera as it frames
 * the step's concepts; the labels and section titles as the zoomed-out map places them (the
 * step's together, before the titles, clear of what covers the map on screen, though a picture
 * draws none of it); the phrases clear of them all; and whether the step is shown as a close-up.
 * Each decision is the map's own (see `useFarLabels`). Only the drawing goes further: a label
 * whose words need more lines than its place was found for takes them where that touches nothing,
 * and is cut short to its lines elsewhere, so that no text lies on another.
 */
export function stepScene({
  atlas,
  view,
  pane,
  screenWidth,
  scale = 1,
  measure = estimateWidth,
  covers = coverBoxes(pane),
}: SceneInput): StepScene {
  const px = tourLabelPx(screenWidth);
  const mapPx = mapLabelPx(screenWidth);
  const phrasePx = Math.round(px * STEP_PHRASE_RATIO);
  const framed = boundsOf(view.frame.flatMap((id) => atlas.boxes.get(id) ?? []));
  const bounds = framed ?? boundsOf(atlas.boxes.values());
  const viewport = bounds
    ? getViewportForBounds(
        bounds,
        pane.width,
        pane.height,
        MAP_MIN_ZOOM,
        TOUR_MAX_ZOOM,
        tourFramePadding(px),
      )
    : { x: 0, y: 0, zoom: 1 };
  const { x: tx, y: ty, zoom } = viewport;
  // Labels are placed in the map's units times the zoom, as the map places them.
  const within = { x: -tx + 2, y: -ty + 2, width: pane.width - 4, height: pane.height - 4 };
  const blocked = covers.map((box) => shift(grow(box, COVER_GAP), -tx, -ty));
  const tiers = conceptTiers(atlas.graph);
  const ranks = new Map(atlas.nodes.map((node, index) => [node.id, index]));
  const titles = titlesOf(atlas);
  const titleBoxes = sectionTitleBoxes(atlas.layout.sections, zoom, scale, mapPx, titles, measure);
  const candidates: LabelCandidate[] = [];
  for (const concept of atlas.graph.concepts) {
    const box = atlas.boxes.get(concept.id);
    if (!box || view.hidden.has(concept.id)) continue;
    const emphasis = emphasisOf(view.conceptClass.get(concept.id));
    if (emphasis === 'none') continue;
    candidates.push({
      id: concept.id,
      // A tour names its concepts whole.
      label: concept.label,
      box,
      tier: tiers.get(concept.id) ?? 3,
      emphasis,
      lead: concept.kind === 'thesis',
      degree: atlas.links.get(concept.id)?.length ?? 0,
      order: atlas.order.get(concept.id) ?? 0,
      rank: ranks.get(concept.id) ?? 0,
    });
  }
  const boxes = labelBoxes(candidates, zoom, measure, scale, px, TOUR_LABEL_LINES);
  const placed = placeMapLabels(
    boxes,
    titleBoxes.map((box) => [box]),
    { first: new Set(candidates.map((c) => c.id)), together: true, room: { within, blocked } },
  );
  // What the map draws: each placed label in its place, and the titles, which take a second line
  // where they need one and it is free.
  const placesOf = new Map(boxes.map((places) => [places[0]?.id ?? '', places]));
  const drawnBoxes: LabelBox[] = [];
  const named: { candidate: LabelCandidate; placed: LabelBox; place: LabelPlace }[] = [];
  const unplaced: string[] = [];
  for (const candidate of candidates) {
    const at = placed.get(candidate.id);
    const box = at === undefined ? undefined : placesOf.get(candidate.id)?.[at];
    if (at === undefined || !box) unplaced.push(candidate.id);
    else {
      drawnBoxes.push(box);
      named.push({ candidate, placed: box, place: labelPlaces[at] ?? 'centre' });
    }
  }
  const shownTitleBoxes = titleBoxes.filter((box) => placed.has(box.id));
  const wrapped = wrapTitles(shownTitleBoxes, [...drawnBoxes, ...shownTitleBoxes]);
  const titleList = shownTitleBoxes.map((box) => {
    const two = wrapped.has(box.id) && box.wrapped;
    const drawnBox = two || box;
    drawnBoxes.push(drawnBox);
    return { box: drawnBox, lines: two ? (2 as const) : (1 as const) };
  });
  // The phrases, clear of every label and title, the step's concepts and what covers the map;
  // the step stays on the map only where all of its labels and phrases have room.
  const phraseSize = phrasePx * scale;
  const shown = presentStepOnMap(
    atlas,
    view,
    candidates,
    unplaced,
    zoom,
    phraseSize,
    [...blocked, ...drawnBoxes],
    within,
    measure,
  );
  const phrases: StepScene['phrases'] = [];
  for (const edge of atlas.edges) {
    const point = shown.phrases.get(edge.id);
    if (!point || !edge.data) continue;
    const { width, height } = screenPhraseSize(edge.data.label, phraseSize, measure);
    phrases.push({
      id: edge.id,
      label: edge.data.label,
      box: { x: point.x * zoom - width / 2, y: point.y * zoom - height / 2, width, height },
    });
  }
  // A label whose words take more lines than its place was found for keeps them where that
  // touches nothing else drawn; elsewhere it is cut short to the lines it was placed with.
  const size = px * scale;
  const grown = named.map((n) => labelLines(n.candidate.label, n.placed, n.place, size, measure));
  const labels: StepScene['labels'] = named.map(({ candidate, placed: at }, i) => {
    let label = grown[i]!;
    const others = [
      ...grown.filter((_, j) => j !== i).map((g) => g.box),
      ...titleList.map((t) => t.box),
      ...phrases.map((p) => p.box),
    ];
    if (others.some((other) => boxesMeet(label.box, other, 2))) {
      const lines = Math.max(1, Math.round((at.height - LABEL_PAD_Y) / (size * LABEL_LINE)));
      label = {
        box: at,
        lines: wrapText(candidate.label, at.width - LABEL_PAD, (l) => measure(l, size), lines),
      };
      grown[i] = label;
    }
    return {
      id: candidate.id,
      label: candidate.label,
      kind: atlas.conceptById.get(candidate.id)?.kind ?? 'idea',
      box: shift(label.box, tx, ty),
      lines: label.lines,
      size,
    };
  });
  return {
    pane,
    viewport,
    px,
    scale,
    titlePx: mapPx + SECTION_TITLE_EXTRA_PX,
    phrasePx,
    labels,
    titles: titleList.map(({ box, lines }) => {
      const id = box.id.slice('section:'.length);
      const title = titles.get(id) ?? { text: id, numbered: false };
      return { id, ...title, box: shift(box, tx, ty), lines };
    }),
    phrases: phrases.map((p) => ({ ...p, box: shift(p.box, tx, ty) })),
    closeUp: shown.closeUp,
    unplaced,
  };
}

/** Words as a file name's part: letters and digits of any script, joined by hyphens. */
function slug(text: string, most: number): string {
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let name = '';
  for (const word of words) {
    const longer = name ? `${name}-${word}` : word;
    if (longer.length > most && name) break;
    name = longer.slice(0, most);
  }
  return name;
}

/**
 * The file a step's picture is saved as, named after its tour and step, the step's number as
 * wide as the last one's so that a tour's pictures sort in order:
 * `the-whole-argument-step-04-a-machine-in-four-parts.png`.
 */
export function stepImageName(tour: string, step: number, steps: number, title: string): string {
  const number = String(step).padStart(String(steps).length, '0');
  const about = slug(title, 48);
  return `${slug(tour, 40) || 'tour'}-step-${number}${about ? `-${about}` : ''}.png`;
}
