import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Atlas } from '../../../model/atlas';
import type { Box } from '../../../model/floating';
import { type PhrasePoint, placeStepPhrases } from '../../../model/phrase-placement';
import { STEP_PHRASE_RATIO } from '../../../model/step-layout';
import { type LabelBox, type PlacementRoom, placeLabelsAt } from '../../../model/label-placement';
import {
  detailAt,
  MAP_LABEL_PX,
  labelBoxes,
  labelPlaces,
  type LabelPlace,
  mapLabelPx,
  SECTION_TITLE_EXTRA_PX,
  tourLabelPx,
  TOUR_LABEL_LINES,
  sectionTitleBoxes,
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
  titles: ReadonlySet<string>;
  /** In a tour, the step's concepts whose labels have no room on the map. */
  unplaced: readonly string[];
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
  titles: new Set<string>(),
  unplaced: [] as string[],
  phrases: null,
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
            within: { x: -pan[0] + 4, y: -pan[1] + 4, width: width - 8, height: height - 8 },
            blocked: coversOf(pane, COVER_GAP, pan),
          }
        : {};
    const tiers = tiersOf(atlas);
    const candidates: LabelCandidate[] = [];
    for (const concept of atlas.graph.concepts) {
      const box = atlas.boxes.get(concept.id);
      if (!box || view.hidden.has(concept.id) || (drawn && !drawn.has(concept.id))) continue;
      const emphasis = emphasisOf(view.conceptClass.get(concept.id));
      if (inTour && emphasis === 'none') continue;
      candidates.push({
        id: concept.id,
        label: concept.label,
        box,
        tier: tiers.get(concept.id) ?? 3,
        emphasis,
        lead: concept.kind === 'thesis',
        degree: atlas.links.get(concept.id)?.length ?? 0,
        order: atlas.order.get(concept.id) ?? 0,
      });
    }
    const titles = sectionTitleBoxes(atlas.layout.sections, zoom, scale, mapPx).map((box) => [box]);
    // The selection first, even before the section titles: it is what the reader is looking at.
    // A thesis, which the whole map is about, goes before the titles too if it has no room after.
    const boxes = labelBoxes(candidates, zoom, measure, scale, px, inTour ? TOUR_LABEL_LINES : 2);
    const selectedId = selectedIdOf(view);
    const place = (first: ReadonlySet<string>) => {
      const isFirst = (places: readonly LabelBox[]) => first.has(places[0]?.id ?? '');
      const ahead = boxes.filter(isFirst);
      // A tour step's few labels are placed together, so that as many as can be are drawn.
      return placeLabelsAt(
        [...ahead, ...titles, ...boxes.filter((p) => !isFirst(p))],
        4,
        inTour ? { ...room, together: ahead.length } : room,
      );
    };
    // A tour step's concepts go before the titles: they are what the class is looking at.
    const selection = new Set(
      inTour ? candidates.map((c) => c.id) : selectedId ? [selectedId] : [],
    );
    let placed = place(selection);
    const leads = candidates.filter((c) => c.lead && !placed.has(c.id)).map((c) => c.id);
    if (leads.length > 0) placed = place(new Set([...selection, ...leads]));
    const labelled = new Map<string, LabelPlace>();
    for (const c of candidates) {
      const at = placed.get(c.id);
      if (at !== undefined) labelled.set(c.id, labelPlaces[at] ?? 'centre');
    }
    const shownTitles = new Set(
      Object.keys(atlas.layout.sections).filter((id) => placed.has(`section:${id}`)),
    );
    const unplaced = inTour ? candidates.filter((c) => !placed.has(c.id)).map((c) => c.id) : [];
    // A step shown on the map says what joins its concepts, clear of every label placed; a step
    // brought together as a close-up draws its phrases there instead.
    let phrases: Map<string, PhrasePoint> | null = null;
    if (inTour) {
      phrases = new Map();
      if (unplaced.length === 0) {
        const taken: Box[] = [...(room.blocked ?? [])];
        for (const places of [...boxes, ...titles]) {
          const at = placed.get(places[0]?.id ?? '');
          const box = at === undefined ? undefined : places[at];
          if (box) taken.push(box);
        }
        const step = new Set(candidates.map((c) => c.id));
        for (const c of candidates) {
          taken.push({
            x: c.box.x * zoom,
            y: c.box.y * zoom,
            width: c.box.width * zoom,
            height: c.box.height * zoom,
          });
        }
        phrases = placeStepPhrases(
          atlas.edges.flatMap((edge) =>
            edge.data &&
            step.has(edge.source) &&
            step.has(edge.target) &&
            view.emphasisedEdges.has(edge.id) &&
            !view.hiddenEdges.has(edge.id)
              ? [{ id: edge.id, label: edge.data.label, ends: edge.data.ends }]
              : [],
          ),
          zoom,
          phrasePx * scale,
          taken,
          room.within,
          measure,
        );
      }
    }
    return { labelled, titles: shownTitles, unplaced, phrases };
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
    unplaced: placement.unplaced,
    phrases,
    phrasePx,
  };
}
