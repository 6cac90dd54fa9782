import { useStore } from '@xyflow/react';
import { useMemo } from 'react';
import type { Atlas } from '../../../model/atlas';
import { placeLabelsAt } from '../../../model/label-placement';
import {
  detailAt,
  estimateWidth,
  labelBoxes,
  labelPlaces,
  type LabelPlace,
  sectionTitleBoxes,
  zoomOfStep,
  zoomStep,
  type Detail,
  type LabelCandidate,
} from '../../../model/level-of-detail';
import { conceptTiers, type Tier } from '../../../model/tiers';
import type { MapView } from '../../../model/view';
import { useAtlasStore } from '../../../store/atlas-store';
import { selectTextScale } from '../../../store/selectors';

/**
 * The concepts whose labels float above the zoomed-out map, and where each stands; and the
 * sections whose titles are drawn (a title gives way only to the selection's label).
 */
export type FarLabels = {
  detail: Detail;
  labelled: ReadonlyMap<string, LabelPlace>;
  titles: ReadonlySet<string>;
};

const none = { labelled: new Map<string, LabelPlace>(), titles: new Set<string>() };
const tiersByAtlas = new WeakMap<Atlas, Map<string, Tier>>();

function tiersOf(atlas: Atlas): Map<string, Tier> {
  let tiers = tiersByAtlas.get(atlas);
  if (!tiers) {
    tiers = conceptTiers(atlas.graph);
    tiersByAtlas.set(atlas, tiers);
  }
  return tiers;
}

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** A label's width as the browser draws it, in the map's font; estimated where it cannot tell. */
function measure(text: string, px: number): number {
  const key = `${px} ${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  let width = estimateWidth(text, px);
  if (context) {
    context.font = `600 ${px}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
    width = context.measureText(text).width;
  }
  widths.set(key, width);
  return width;
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

/**
 * Zoomed out, concept boxes are too small for their text: the map draws them bare, and floats
 * above them, at a size that reads, the labels it has room for, most important first and none on
 * another (see level-of-detail.ts). Placed again only when the zoom crosses a step of about 10%.
 */
export function useFarLabels(
  atlas: Atlas | null,
  view: MapView | null,
  drawn: ReadonlySet<string> | null,
): FarLabels {
  const detail = useStore((s) => detailAt(s.transform[2]));
  const step = useStore((s) => zoomStep(s.transform[2]));
  const scale = useAtlasStore(selectTextScale);
  const placement = useMemo(() => {
    if (!atlas || !view || detail === 'full') return none;
    const zoom = zoomOfStep(step);
    const tiers = tiersOf(atlas);
    const candidates: LabelCandidate[] = [];
    for (const concept of atlas.graph.concepts) {
      const box = atlas.boxes.get(concept.id);
      if (!box || view.hidden.has(concept.id) || (drawn && !drawn.has(concept.id))) continue;
      candidates.push({
        id: concept.id,
        label: concept.label,
        box,
        tier: tiers.get(concept.id) ?? 3,
        emphasis: emphasisOf(view.conceptClass.get(concept.id)),
        degree: atlas.links.get(concept.id)?.length ?? 0,
        order: atlas.order.get(concept.id) ?? 0,
      });
    }
    const titles = sectionTitleBoxes(atlas.layout.sections, zoom, scale).map((box) => [box]);
    // The selection first, even before the section titles: it is what the reader is looking at.
    const boxes = labelBoxes(candidates, zoom, measure, scale);
    const selectedId = selectedIdOf(view);
    const selected = boxes.filter((places) => places[0]?.id === selectedId);
    const rest = boxes.filter((places) => places[0]?.id !== selectedId);
    const placed = placeLabelsAt([...selected, ...titles, ...rest], 4);
    const labelled = new Map<string, LabelPlace>();
    for (const c of candidates) {
      const at = placed.get(c.id);
      if (at !== undefined) labelled.set(c.id, labelPlaces[at] ?? 'centre');
    }
    const shownTitles = new Set(
      Object.keys(atlas.layout.sections).filter((id) => placed.has(`section:${id}`)),
    );
    return { labelled, titles: shownTitles };
  }, [atlas, view, drawn, detail, step, scale]);
  return { detail, ...placement };
}
