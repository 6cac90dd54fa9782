import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { borderPoint, type Box, boxesMeet } from './floating.ts';
import { estimateWidth, type MeasureText, READABLE_PX } from './level-of-detail.ts';
import { SCREEN_PHRASE_LINES, screenPhraseSize } from './phrase-placement.ts';
import {
  cardSizes,
  fittingStepPx,
  STEP_PHRASE_RATIO,
  type StepCard,
  stepLayout,
  type StepPhrase,
  stepPhrases,
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
  phraseLines: number,
  measure: MeasureText,
  layout: LayOut,
) {
  const phrasePx = px * STEP_PHRASE_RATIO;
  const ids = new Set(concepts.map((c) => c.id));
  const edges: ElkExtendedEdge[] = relations
    .filter((r) => ids.has(r.source) && ids.has(r.target) && r.source !== r.target)
    .map((r) => {
      const size = screenPhraseSize(r.label, phrasePx, measure);
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
      'elk.layered.spacing.nodeNodeBetweenLayers': String(gap * 1.5),
      'elk.spacing.edgeLabel': '6',
      'elk.spacing.edgeNode': String(gap / 2),
      'elk.layered.spacing.edgeNodeBetweenLayers': String(gap / 2),
      'elk.spacing.componentComponent': String(gap * 1.5),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.aspectRatio': String(pane.width / Math.max(1, pane.height)),
      // A long chain of relations is wrapped into the pane's shape rather than run off it.
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
    },
    children: cardSizes(concepts, pane, px, measure).map((c) => ({
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

/** The cards in rows in the step's order, joined by straight lines, with the phrases that fit. */
function inRows(
  concepts: readonly { id: string; label: string }[],
  relations: readonly Relation[],
  pane: Pane,
  px: number,
  measure: MeasureText,
): StepGraph {
  const cards = stepLayout(concepts, pane, px, measure);
  const at = new Map(cards.map((c) => [c.id, c.box]));
  const lines: StepLine[] = relations.flatMap((r) => {
    const from = at.get(r.source);
    const to = at.get(r.target);
    if (!from || !to || r.source === r.target) return [];
    return [{ id: r.id, points: [borderPoint(from, to), borderPoint(to, from)] }];
  });
  return { cards, lines, phrases: stepPhrases(cards, relations, px, measure), px };
}

/**
 * A tour step's concepts and the relations among them laid out for the step by ELK (layered,
 * left to right or top to bottom, whichever fits the pane better), each relation's phrase given
 * its own room on its line. At `px`, the class's size, where the cards fit the pane at it, with
 * as many phrases as fit too; in rows where ELK's layers would not fit at that size and rows do;
 * smaller where the cards alone would not fit, never under 14 px.
 * Centred in the pane, in screen pixels.
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
  const attempt = async (size: number, phraseLines: number) => {
    const laid = await Promise.all(
      (['RIGHT', 'DOWN'] as const).map((d) =>
        layOut(concepts, relations, pane, size, d, phraseLines, measure, layout),
      ),
    );
    const scored = laid.map((l) => ({ laid: l, over: overflow(l, pane, size) }));
    return scored[0]!.over <= scored[1]!.over ? scored[0]! : scored[1]!;
  };
  const full = await attempt(px, SCREEN_PHRASE_LINES);
  if (full.over <= 1) return drawn(full.laid, px);
  // The labels at the class's size come first. Where the phrases do not all fit with them, the
  // one that says most of them wins: ELK's layers with the one-line phrases, or rows of cards in
  // the step's order (the details panel lists every relation); the layers bare, if only they fit.
  const fitting: StepGraph[] = [];
  const short = await attempt(px, 1);
  if (short.over <= 1) fitting.push(drawn(short.laid, px));
  if (fittingStepPx(concepts, pane, px, measure) === px) {
    fitting.push(inRows(concepts, relations, pane, px, measure));
  }
  if (fitting.length === 0) {
    const bare = await attempt(px, 0);
    if (bare.over <= 1) fitting.push(drawn(bare.laid, px));
  }
  if (fitting.length > 0) {
    return fitting.reduce((a, b) => (b.phrases.length > a.phrases.length ? b : a));
  }
  // Where even the cards alone do not fit (a phone), all is drawn smaller, never under 14 px.
  let size = px;
  let best = full;
  for (let tries = 0; tries < 3 && best.over > 1 && size > READABLE_PX; tries += 1) {
    // Text, cards and the room between them all grow with the size: shrink by the overflow.
    size = Math.max(READABLE_PX, Math.floor((size / best.over) * 0.98));
    best = await attempt(size, SCREEN_PHRASE_LINES);
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
    return { cards, lines, phrases, px: size };
  }
}
