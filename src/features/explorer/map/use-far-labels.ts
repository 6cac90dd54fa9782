import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Atlas } from '../../../model/atlas';
import type { PhrasePoint } from '../../../model/phrase-placement';
import { presentStepOnMap } from '../../../model/step-presentation';
import { STEP_PHRASE_RATIO } from '../../../model/step-layout';
import { type LabelBox, type PlacementRoom, placeMapLabels } from '../../../model/label-placement';
import {
  detailAt,
  MAP_LABEL_PX,
  labelBoxes,
  nameParts,
  namesSection,
  labelPlaces,
  type LabelPlace,
  mapLabelPx,
  SECTION_TITLE_EXTRA_PX,
  tourLabelPx,
  TOUR_LABEL_LINES,
  sectionTitleBoxes,
  wrapTitles,
  zoomOfStep,
  zoomStep,
  type Detail,
  type LabelCandidate,
} from '../../../model/level-of-detail';
import { conceptTiers, type Tier } from '../../../model/tiers';
import { COVERS, coversOf } from './covers';
import { measure } from './measure-text';
import type { MapView } from '../../../model/view';
import { useAtlasStore } from '../../../store/atlas-store';
import { selectTextScale } from '../../../store/selectors';

/**
 * The concepts whose labels float above the zoomed-out map, and where each stands; and the
 * sections whose titles are drawn (a title gives way only to the selection's label).
 */
export type FarLabels = {
  detail: Detail;
  /** The labels' size on screen, before the reader's text scale (see `mapLabelPx`). */
  px: number;
  /** The section titles' size on screen, before the reader's text scale. */
  titlePx: number;
  labelled: ReadonlyMap<string, LabelPlace>;
  /** The sections whose titles are drawn, and on how many lines. */
  titles: ReadonlyMap<string, 1 | 2>;
  /**
   * In a tour, whether the step is brought together as a close-up: the map has no room for all of
   * its labels or for all of its relations' phrases (see `presentStep`).
   */
  closeUp: boolean;
  /**
   * In a tour, where the phrases of the step's relations stand (map units), drawn at `phrasePx`
   * on screen; null outside a tour, where the map places its own phrases.
   */
  phrases: ReadonlyMap<string, PhrasePoint> | null;
  phrasePx: number;
};

/** Labels are placed again each time the camera has panned this far, and when it comes to rest. */
const PAN_STEP = 32;
/** Room kept between a label and what covers the map, for the pan since it was placed. */
const COVER_GAP = PAN_STEP / 2;

const none = {
  labelled: new Map<string, LabelPlace>(),
  titles: new Map<string, 1 | 2>(),
  phrases: null,
  closeUp: false,
};
const tiersByAtlas = new WeakMap<Atlas, Map<string, Tier>>();

export function tiersOf(atlas: Atlas): Map<string, Tier> {
  let tiers = tiersByAtlas.get(atlas);
  if (!tiers) {
    tiers = conceptTiers(atlas.graph);
    tiersByAtlas.set(atlas, tiers);
  }
  return tiers;
}

const ranksByAtlas = new WeakMap<Atlas, Map<string, number>>();

/** Each concept's place in the map's drawing order: the order of its nodes. */
function ranksOf(atlas: Atlas): Map<string, number> {
  let ranks = ranksByAtlas.get(atlas);
  if (!ranks) {
    ranks = new Map(atlas.nodes.map((node, index) => [node.id, index]));
    ranksByAtlas.set(atlas, ranks);
  }
  return ranks;
}

const titlesByAtlas = new WeakMap<Atlas, Map<string, { text: string; numbered: boolean }>>();

/** Each section's title as the zoomed-out map draws it: its number and the head of its title. */
export function titlesOf(atlas: Atlas): Map<string, { text: string; numbered: boolean }> {
  let titles = titlesByAtlas.get(atlas);
  if (!titles) {
    titles = new Map(
      atlas.graph.sections.map((s) => [
        s.id,
        s.order === 0
          ? { text: 'Introduction', numbered: false }
          : { text: nameParts(s.title).head, numbered: true },
      ]),
    );
    titlesByAtlas.set(atlas, titles);
  }
  return titles;
}

const selectedIdOf = (view: MapView) => {
  for (const [id, classes] of view.conceptClass) if (classes.includes('is-selected')) return id;
  return null;
};

const emphasisOf = (classes: string | undefined): LabelCandidate['emphasis'] => {
  if (!classes) return 'none';
  if (classes.includes('is-selected')) return 'selected';
  return /\b(is-neighbour|is-step|is-match)\b/.test(classes) ? 'near' : 'none';
};

/** The page's width, kept up to date: the floating labels grow with the screen. */
function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

/** What covers the map (its controls, minimap, export menu, the legend): changes when they do. */
function useCovers(pane: HTMLElement | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const canvas = pane?.closest('.map-pane__canvas') ?? pane;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setVersion((v) => v + 1));
    for (const el of canvas.querySelectorAll(COVERS)) observer.observe(el);
    return () => observer.disconnect();
  }, [pane]);
  return version;
}

/**
 * Zoomed out, concept boxes are too small for their text: the map draws them bare, and floats
 * above them, at a size that reads, the labels it has room for, most important first and none on
 * another (see level-of-detail.ts), inside the view and clear of what covers it. Placed again
 * when the zoom crosses a step of about 10%, the camera pans a little way, or comes to rest
 * (`rest` counts the times it has).
 */
export function useFarLabels(
  atlas: Atlas | null,
  view: MapView | null,
  drawn: ReadonlySet<string> | null,
  rest = 0,
  inTour = false,
): FarLabels {
  const flowStore = useStoreApi();
  const scale = useAtlasStore(selectTextScale);
  const width = useViewportWidth();
  const mapPx = mapLabelPx(width);
  // In a tour only the step's concepts are named, at the size a class reads from its seats; a
  // box's own text stands in for them only once it is as large.
  const px = inTour ? tourLabelPx(width) : mapPx;
  const phrasePx = Math.round(px * STEP_PHRASE_RATIO);
  const detail = useStore((s) => detailAt(s.transform[2], (scale * px) / MAP_LABEL_PX));
  const step = useStore((s) => zoomStep(s.transform[2]));
  const panStep = useStore(
    (s) => `${Math.round(s.transform[0] / PAN_STEP)} ${Math.round(s.transform[1] / PAN_STEP)}`,
  );
  const paneSize = useStore((s) => `${s.width} ${s.height}`);
  const pane = useStore((s) => s.domNode);
  const covers = useCovers(pane);
  const placement = useMemo(() => {
    if (!atlas || !view || detail === 'full') return none;
    const { transform, width, height } = flowStore.getState();
    // At rest the camera's own zoom; moving, the step's, so that a glide places few times.
    const zoom = zoomStep(transform[2]) === step ? transform[2] : zoomOfStep(step);
    const pan = [transform[0], transform[1]] as const;
    const room: PlacementRoom =
      width > 0 && height > 0
        ? {
            within: { x: -pan[0] + 2, y: -pan[1] + 2, width: width - 4, height: height - 4 },
            blocked: coversOf(pane, COVER_GAP, pan),
          }
        : {};
    const tiers = tiersOf(atlas);
    const titles = titlesOf(atlas);
    const titleBoxes = sectionTitleBoxes(
      atlas.layout.sections,
      zoom,
      scale,
      mapPx,
      titles,
      measure,
    );
    // The sections whose titles are drawn whole on one line at this zoom.
    const whole = new Set(
      titleBoxes.flatMap((box) => (box.wrapped ? [] : [box.id.slice('section:'.length)])),
    );
    const candidates: LabelCandidate[] = [];
    for (const concept of atlas.graph.concepts) {
      const box = atlas.boxes.get(concept.id);
      if (!box || view.hidden.has(concept.id) || (drawn && !drawn.has(concept.id))) continue;
      const emphasis = emphasisOf(view.conceptClass.get(concept.id));
      if (inTour && emphasis === 'none') continue;
      // A section's title, drawn whole, names its namesake concept, unless the concept stands out.
      const title = titles.get(concept.section);
      if (
        !inTour &&
        emphasis === 'none' &&
        title?.numbered &&
        whole.has(concept.section) &&
        namesSection(concept.label, title.text)
      )
        continue;
      candidates.push({
        id: concept.id,
        // The whole name in a tour, which a class reads; its head on the map, to name more.
        label: inTour ? concept.label : nameParts(concept.label).head,
        box,
        tier: tiers.get(concept.id) ?? 3,
        emphasis,
        lead: concept.kind === 'thesis',
        degree: atlas.links.get(concept.id)?.length ?? 0,
        order: atlas.order.get(concept.id) ?? 0,
        rank: ranksOf(atlas).get(concept.id) ?? 0,
      });
    }
    // The selection first, even before the section titles: it is what the reader is looking at.
    // A thesis, which the whole map is about, goes before the titles too if it has no room after.
    const boxes = labelBoxes(candidates, zoom, measure, scale, px, inTour ? TOUR_LABEL_LINES : 2);
    const selectedId = selectedIdOf(view);
    // A tour step's concepts go before the titles: they are what the class is looking at.
    const placed = placeMapLabels(
      boxes,
      titleBoxes.map((box) => [box]),
      inTour
        ? { first: new Set(candidates.map((c) => c.id)), together: true, room }
        : {
            first: new Set(selectedId ? [selectedId] : []),
            leads: new Set(candidates.filter((c) => c.lead).map((c) => c.id)),
            leadTitles: new Set(
              atlas.graph.concepts
                .filter((c) => c.kind === 'thesis')
                .map((c) => `section:${c.section}`),
            ),
            room,
          },
    );
    const labelled = new Map<string, LabelPlace>();
    for (const c of candidates) {
      const at = placed.get(c.id);
      if (at !== undefined) labelled.set(c.id, labelPlaces[at] ?? 'centre');
    }
    // What is drawn: each placed label in its place, and the titles, which take a second line
    // where they need one and it is free.
    const drawnBoxes: LabelBox[] = [];
    for (const places of boxes) {
      const at = placed.get(places[0]?.id ?? '');
      const box = at === undefined ? undefined : places[at];
      if (box) drawnBoxes.push(box);
    }
    const shownTitleBoxes = titleBoxes.filter((box) => placed.has(box.id));
    const wrapped = wrapTitles(shownTitleBoxes, [...drawnBoxes, ...shownTitleBoxes]);
    const shownTitles = new Map<string, 1 | 2>();
    for (const box of shownTitleBoxes) {
      const two = wrapped.has(box.id) && box.wrapped;
      shownTitles.set(box.id.slice('section:'.length), two ? 2 : 1);
      drawnBoxes.push(two || box);
    }
    const unplaced = inTour ? candidates.filter((c) => !placed.has(c.id)).map((c) => c.id) : [];
    // A step shown on the map says what joins its concepts, clear of every label placed; a step
    // whose labels or phrases the map has no room for is brought together as a close-up, which
    // draws its phrases there instead.
    let phrases: Map<string, PhrasePoint> | null = null;
    let closeUp = false;
    if (inTour) {
      const shown = presentStepOnMap(
        atlas,
        view,
        candidates,
        unplaced,
        zoom,
        phrasePx * scale,
        [...(room.blocked ?? []), ...drawnBoxes],
        room.within,
        measure,
      );
      phrases = shown.phrases;
      closeUp = shown.closeUp;
    }
    return { labelled, titles: shownTitles, phrases, closeUp };
    // The pan, the pane's size, what covers it and the rest are read from the store above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    atlas,
    view,
    drawn,
    detail,
    step,
    scale,
    px,
    phrasePx,
    mapPx,
    inTour,
    panStep,
    paneSize,
    covers,
    rest,
    pane,
  ]);
  // The same labels in the same places keep the same map, so that the nodes are not drawn again.
  const key = [...placement.labelled].map(([id, place]) => `${id}:${place}`).join(' ');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the map's content
  const labelled = useMemo(() => placement.labelled, [key]);
  const phraseKey = placement.phrases
    ? [...placement.phrases]
        .map(([id, p]) => `${id}:${Math.round(p.x)},${Math.round(p.y)}`)
        .join(' ')
    : null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the phrases' places
  const phrases = useMemo(() => placement.phrases, [phraseKey]);
  return {
    detail,
    px,
    titlePx: mapPx + SECTION_TITLE_EXTRA_PX,
    labelled,
    titles: placement.titles,
    closeUp: placement.closeUp,
    phrases,
    phrasePx,
  };
}
