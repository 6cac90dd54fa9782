import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { type Box, boxesMeet } from './floating.ts';
import { estimateWidth, type MeasureText, READABLE_PX } from './level-of-detail.ts';
import { SCREEN_PHRASE_LINES } from './phrase-placement.ts';
import {
  arrangedRows,
  CARD_EMS,
  cardSizes,
  fittingStepPx,
  phraseOnLine,
  relationLines,
  segmentMeetsBox,
  STEP_PHRASE_RATIO,
  type StepCard,
  type StepPhrase,
  stepPhraseSize,
} from './step-layout.ts';

/** A relation drawn in a close-up: its way from card to card, on screen, arrow at the end. */
export type StepLine = { id: string; points: { x: number; y: number }[] };

export type StepGraph = {
  cards: StepCard[];
  lines: StepLine[];
  phrases: StepPhrase[];
  /** The size the cards' labels are drawn at: the class's, or less where that would not fit. */
  px: number;
};

type Relation = { id: string; label: string; source: string; target: string };
type Pane = { width: number; height: number };

/** Room kept between the close-up and the pane's edges, in ems of the labels. */
const MARGIN = 1;

/**
 * How wide, in ems of the labels, a close-up's cards and its phrases may be, and how far apart
 * ELK's layers stand (a card from the phrases beside it).
 */
type Shape = { card: number; phrase: number; layers: number };

/**
 * The shapes a close-up is tried in, the roomiest first: labels on few lines, each phrase on one
 * or two, the layers well apart; then the layers closer, then narrower cards and phrases on more
 * lines, which leave ELK room for every phrase where the roomier ones do not fit the pane.
 */
const STEP_SHAPES: readonly Shape[] = [
  { card: CARD_EMS, phrase: 14, layers: 1.35 },
  { card: CARD_EMS, phrase: 14, layers: 0.6 },
  { card: 9, phrase: 8, layers: 0.6 },
  { card: 7, phrase: 6, layers: 0.6 },
];

/** Runs ELK on a graph: on this thread, or in a worker (see the explorer's step-layout client). */
export type LayOut = (graph: ElkNode) => Promise<ElkNode>;

type Elk = { layout: LayOut };
let elk: Promise<Elk> | null = null;
/** ELK on this thread, loaded the first time a close-up needs it: the map's first screen does without. */
export const elkOnThisThread: LayOut = (graph) => {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk.then((loaded) => loaded.layout(graph));
};

async function layOut(
  concepts: readonly { id: string; label: string }[],
  relations: readonly Relation[],
  pane: Pane,
  px: number,
  direction: 'RIGHT' | 'DOWN',
  shape: Shape,
  phraseLines: number,
  measure: MeasureText,
  layout: LayOut,
) {
  const phrasePx = px * STEP_PHRASE_RATIO;
  const ids = new Set(concepts.map((c) => c.id));
  const edges: ElkExtendedEdge[] = relations
    .filter((r) => ids.has(r.source) && ids.has(r.target) && r.source !== r.target)
    .map((r) => {
      const size = stepPhraseSize(r.label, phrasePx, shape.phrase, measure);
      const said = size.lines <= phraseLines;
      return {
        id: r.id,
        sources: [r.source],
        targets: [r.target],
        labels: said ? [{ id: `${r.id}:label`, text: r.label, ...size }] : [],
      };
    });
  const gap = px * 0.9;
  const graph: ElkNode = {
    id: 'step',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.edgeRouting': 'POLYLINE',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.spacing.nodeNode': String(gap),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(px * shape.layers),
      'elk.spacing.edgeLabel': '6',
      'elk.spacing.edgeNode': String(gap / 2),
      'elk.layered.spacing.edgeNodeBetweenLayers': String(gap / 2),
      'elk.spacing.componentComponent': String(gap * 1.5),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.aspectRatio': String(pane.width / Math.max(1, pane.height)),
      // Never wrapped: a wrapped chain's lines snake across the whole pane, back and forth. A
      // step too long for the pane is drawn in rows instead.
      'elk.layered.wrapping.strategy': 'OFF',
    },
    children: cardSizes(concepts, pane, px, measure, shape.card).map((c) => ({
      id: c.id,
      width: c.width,
      height: c.height,
    })),
    edges,
  };
  return layout(graph);
}

/** How much of the pane's room, less its margin, a laid-out close-up would take at most. */
function overflow(laid: ElkNode, pane: Pane, px: number): number {
  const room = (size: number) => Math.max(1, size - px * MARGIN * 2);
  return Math.max((laid.width ?? 0) / room(pane.width), (laid.height ?? 0) / room(pane.height));
}

/**
 * The cards in rows spread over the pane, in the order that says most phrases (see
 * `arrangedRows`), joined by straight lines.
 */
function inRows(
  concepts: readonly { id: string; label: string }[],
  relations: readonly Relation[],
  pane: Pane,
  px: number,
  measure: MeasureText,
): StepGraph {
  const { cards, phrases } = arrangedRows(concepts, relations, pane, px, measure);
  const lines: StepLine[] = relationLines(cards, relations).map((line) => ({
    id: line.id,
    points: [line.from, line.to],
  }));
  return { cards, lines, phrases, px };
}

/**
 * A tour step's concepts and the relations among them laid out for the step by ELK (layered,
 * left to right or top to bottom, whichever fits the pane better), each relation's phrase given
 * its own room on its line. At `px`, the class's size, where the cards fit the pane at it: in the
 * roomiest shape (see `STEP_SHAPES`) that fits with every phrase, or else the one that says most;
 * in rows, or with one-line phrases, or bare, where those say more or only they fit; smaller
 * where the cards alone would not fit, never under 14 px. Centred in the pane, in screen pixels.
 */
export async function layOutStepGraph(
  concepts: readonly { id: string; label: string }[],
  relations: readonly Relation[],
  pane: Pane,
  px: number,
  measure: MeasureText = estimateWidth,
  layout: LayOut = elkOnThisThread,
): Promise<StepGraph> {
  if (concepts.length === 0) return { cards: [], lines: [], phrases: [], px };
  const attempt = async (size: number, shape: Shape, phraseLines: number) => {
    const laid = await Promise.all(
      (['RIGHT', 'DOWN'] as const).map((d) =>
        layOut(concepts, relations, pane, size, d, shape, phraseLines, measure, layout),
      ),
    );
    return laid
      .map((l) => ({ laid: l, over: overflow(l, pane, size) }))
      .sort((a, b) => a.over - b.over);
  };
  // The labels at the class's size come first, then every relation saying its phrase: the first
  // shape and direction that fits the pane with all of them.
  const fitting: StepGraph[] = [];
  let full: { laid: ElkNode; over: number } | null = null;
  for (const shape of STEP_SHAPES) {
    const tried = await attempt(px, shape, SCREEN_PHRASE_LINES);
    full ??= tried[0]!;
    for (const { laid, over } of tried) {
      if (over > 1) continue;
      const graph = drawn(laid, px);
      if (graph.phrases.length === graph.lines.length) return graph;
      fitting.push(graph);
    }
  }
  // Where no shape says them all, the one that says most of them wins: ELK's layers, with the
  // one-line phrases if need be, or rows of cards in the step's order (the details panel lists
  // every relation); the layers bare, if only they fit.
  const short = (await attempt(px, STEP_SHAPES[0]!, 1))[0]!;
  if (short.over <= 1) fitting.push(drawn(short.laid, px));
  if (fittingStepPx(concepts, pane, px, measure) === px) {
    fitting.push(inRows(concepts, relations, pane, px, measure));
  }
  if (fitting.length === 0) {
    const bare = (await attempt(px, STEP_SHAPES[0]!, 0))[0]!;
    if (bare.over <= 1) fitting.push(drawn(bare.laid, px));
  }
  if (fitting.length > 0) {
    return fitting.reduce((a, b) => (b.phrases.length > a.phrases.length ? b : a));
  }
  // Where even the cards alone do not fit (a phone), all is drawn smaller, never under 14 px.
  let size = px;
  let best = full!;
  for (let tries = 0; tries < 3 && best.over > 1 && size > READABLE_PX; tries += 1) {
    // Text, cards and the room between them all grow with the size: shrink by the overflow.
    size = Math.max(READABLE_PX, Math.floor((size / best.over) * 0.98));
    best = (await attempt(size, STEP_SHAPES[0]!, SCREEN_PHRASE_LINES))[0]!;
  }
  return drawn(best.laid, size);

  function drawn(laid: ElkNode, size: number): StepGraph {
    const dx = (pane.width - (laid.width ?? 0)) / 2;
    const dy = (pane.height - (laid.height ?? 0)) / 2;
    const label = new Map(concepts.map((c) => [c.id, c.label]));
    const cards: StepCard[] = (laid.children ?? []).map((child) => ({
      id: child.id,
      label: label.get(child.id) ?? '',
      box: {
        x: (child.x ?? 0) + dx,
        y: (child.y ?? 0) + dy,
        width: child.width ?? 0,
        height: child.height ?? 0,
      },
    }));
    const lines: StepLine[] = [];
    const phrases: StepPhrase[] = [];
    const taken: Box[] = cards.map((c) => c.box);
    const byId = new Map(relations.map((r) => [r.id, r]));
    for (const edge of laid.edges ?? []) {
      const section = edge.sections?.[0];
      if (!section) continue;
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(
        (p) => ({ x: p.x + dx, y: p.y + dy }),
      );
      lines.push({ id: edge.id, points });
      const at = edge.labels?.[0];
      if (!at) continue;
      const box = {
        x: (at.x ?? 0) + dx,
        y: (at.y ?? 0) + dy,
        width: at.width ?? 0,
        height: at.height ?? 0,
      };
      // ELK leaves each phrase its room; one that would still touch a card or a phrase is left out.
      if (taken.some((other) => boxesMeet(box, other, 2))) continue;
      taken.push(box);
      phrases.push({ id: edge.id, label: byId.get(edge.id)?.label ?? '', box });
    }
    // A phrase ELK had no room for, or whose room touches another's, may still find a place
    // further along its own line, where no other line crosses it.
    const said = new Set(phrases.map((p) => p.id));
    const within = { x: 0, y: 0, width: pane.width, height: pane.height };
    for (const line of lines) {
      const relation = byId.get(line.id);
      if (!relation || said.has(line.id)) continue;
      const crossed = (box: Box) =>
        lines.some(
          (other) =>
            other.id !== line.id &&
            other.points.some((p, i) => i > 0 && segmentMeetsBox(other.points[i - 1]!, p, box)),
        );
      const phrasePx = size * STEP_PHRASE_RATIO;
      const box = phraseOnLine(
        relation.label,
        line.points,
        phrasePx,
        taken,
        crossed,
        measure,
        within,
      );
      if (!box) continue;
      taken.push(box);
      phrases.push({ id: line.id, label: relation.label, box });
    }
    return { cards, lines, phrases, px: size };
  }
}
