import { type Edge, MarkerType, type Node, Position } from '@xyflow/react';
import { floatingEnds, type Box, type EdgeEnds } from './floating.ts';

export type { Box };
import { NODE_WIDTH, nodeHeight } from './geometry.ts';
import { kindStyles } from './kinds.ts';
import type { Concept, ConceptKind, Graph, Layout, RelationKind } from './schema.ts';

export type ConceptData = { label: string; kind: ConceptKind; height: number };
export type SectionData = { title: string; order: number };
export type RelationData = {
  label: string;
  kind: RelationKind;
  crossesSections: boolean;
  /** Where the edge meets its concepts' borders, from the fixed layout. */
  ends: EdgeEnds;
  /** One of the relations that carry the argument, drawn out when the map is zoomed out. */
  backbone?: boolean;
  /** Drawn with its linking phrase: the relation touches the selection. */
  emphasised?: boolean;
  /** Where its phrase stands, clear of every concept; `null`: nowhere, it is left to the panel. */
  phraseAt?: { x: number; y: number } | null;
};

export type ConceptNode = Node<ConceptData, 'concept'>;
export type SectionNode = Node<SectionData, 'section'>;
export type AtlasNode = ConceptNode | SectionNode;
export type RelationEdge = Edge<RelationData, 'relation'>;

/** Edge grey with at least 3:1 contrast against the map's background. */
const edgeColour = '#6b7280';

export const sectionNodeId = (sectionId: string) => `section:${sectionId}`;

/** The proposition a relation states, as a sentence: source + linking phrase + target. */
export function proposition(
  source: Concept | undefined,
  label: string,
  target: Concept | undefined,
) {
  return `${source?.label ?? '?'} ${label} ${target?.label ?? '?'}`;
}

/** A section's box in the layout; a section the layout has not placed stands at the origin. */
const sectionBox = (layout: Layout, sectionId: string): Box =>
  layout.sections[sectionId] ?? { x: 0, y: 0, width: NODE_WIDTH, height: 100 };

/** A section's node: a box behind its concepts, under its title. */
function sectionNode(id: string, data: SectionData, box: Box): SectionNode {
  return {
    id: sectionNodeId(id),
    type: 'section',
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
    data,
    selectable: false,
    focusable: false,
    draggable: false,
    zIndex: -1,
  };
}

/** A concept's node, its box at `at` on the map, inside its section's box. */
function conceptNode(concept: Concept, at: { x: number; y: number }, section: Box): ConceptNode {
  const height = nodeHeight(concept.label);
  return {
    id: concept.id,
    type: 'concept',
    parentId: sectionNodeId(concept.section),
    position: { x: at.x - section.x, y: at.y - section.y },
    width: NODE_WIDTH,
    height,
    // Known up front (the node's box is fixed), so the map is ready to frame and to draw
    // edges without waiting for the DOM to be measured.
    measured: { width: NODE_WIDTH, height },
    data: { label: concept.label, kind: concept.kind, height },
    ariaLabel: `${concept.label} (${kindStyles[concept.kind].label})`,
    ariaRole: 'button',
    // Declared up front so edges can be drawn before (or without) measuring the DOM.
    handles: [
      { type: 'target', position: Position.Top, x: NODE_WIDTH / 2, y: 0, width: 1, height: 1 },
      {
        type: 'source',
        position: Position.Bottom,
        x: NODE_WIDTH / 2,
        y: height,
        width: 1,
        height: 1,
      },
    ],
    draggable: false,
    connectable: false,
  };
}

const nowhere: Box = { x: 0, y: 0, width: 0, height: 0 };

/** Where each node, and each concept's relations, stand in a map's lists of nodes and edges. */
type Places = {
  edges: readonly RelationEdge[];
  nodes: Map<string, number>;
  edgesOf: Map<string, number[]>;
};

/** The places in each list of nodes drawn, found once: a key typed changes one node of many. */
const places = new WeakMap<readonly AtlasNode[], Places>();

function placesOf(nodes: readonly AtlasNode[], edges: readonly RelationEdge[]): Places {
  const known = places.get(nodes);
  if (known?.edges === edges) return known;
  const edgesOf = new Map<string, number[]>();
  edges.forEach((edge, i) => {
    for (const end of new Set([edge.source, edge.target])) {
      const list = edgesOf.get(end);
      if (list) list.push(i);
      else edgesOf.set(end, [i]);
    }
  });
  const found = { edges, nodes: new Map(nodes.map((node, i) => [node.id, i])), edgesOf };
  places.set(nodes, found);
  return found;
}

/**
 * The map's nodes, edges and boxes after a change of the words of some concepts (their labels,
 * kinds, …; a label may need another line), from those drawn before it, where no concept has
 * moved: only the nodes of the concepts changed, the relations that name them and the sections
 * whose boxes `layout` changes are new objects, so that React Flow draws only those again.
 * `concepts` holds every concept by its id as it is now.
 */
export function retextFlow(
  previous: {
    nodes: readonly AtlasNode[];
    edges: readonly RelationEdge[];
    boxes: ReadonlyMap<string, Box>;
    layout: Layout;
  },
  changed: readonly Concept[],
  concepts: ReadonlyMap<string, Concept>,
  layout: Layout = previous.layout,
): { nodes: AtlasNode[]; edges: RelationEdge[]; boxes: ReadonlyMap<string, Box> } {
  const resized = changed.filter(
    (concept) => previous.boxes.get(concept.id)?.height !== nodeHeight(concept.label),
  );
  let boxes = previous.boxes;
  if (resized.length > 0) {
    const next = new Map(previous.boxes);
    for (const concept of resized) {
      const box = next.get(concept.id);
      if (box) next.set(concept.id, { ...box, height: nodeHeight(concept.label) });
    }
    boxes = next;
  }
  const at = placesOf(previous.nodes, previous.edges);
  const nodes = previous.nodes.slice();
  for (const [id, box] of Object.entries(layout.sections)) {
    const i = at.nodes.get(sectionNodeId(id));
    const node = i === undefined ? undefined : nodes[i];
    if (i !== undefined && node?.type === 'section' && box !== previous.layout.sections[id]) {
      nodes[i] = sectionNode(id, node.data, box);
    }
  }
  for (const concept of changed) {
    const i = at.nodes.get(concept.id);
    const box = boxes.get(concept.id);
    if (i !== undefined && box) {
      nodes[i] = conceptNode(concept, box, sectionBox(layout, concept.section));
    }
  }
  const edges = previous.edges.slice();
  for (const i of new Set(changed.flatMap((concept) => at.edgesOf.get(concept.id) ?? []))) {
    const edge = edges[i]!;
    if (!edge.data) continue;
    edges[i] = {
      ...edge,
      ariaLabel: proposition(concepts.get(edge.source), edge.data.label, concepts.get(edge.target)),
      data: {
        ...edge.data,
        ends: floatingEnds(boxes.get(edge.source) ?? nowhere, boxes.get(edge.target) ?? nowhere),
      },
    };
  }
  // The same ids stand in the same places in the lists made from these.
  places.set(nodes, { ...at, edges });
  return { nodes, edges, boxes };
}

/**
 * Turns the domain graph and its layout into React Flow nodes and edges. Sections become group
 * nodes and each concept sits inside its section; parents come before their children as React
 * Flow requires.
 */
export function toFlow(
  graph: Graph,
  layout: Layout,
  order: ReadonlyMap<string, number> = new Map(),
): { nodes: AtlasNode[]; edges: RelationEdge[]; boxes: ReadonlyMap<string, Box> } {
  const sections = [...graph.sections].sort((a, b) => a.order - b.order);
  // Keyboard focus follows the nodes' order, so concepts come in the argument's reading order.
  const concepts = [...graph.concepts].sort(
    (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  const nodes: AtlasNode[] = [];
  const boxes = new Map<string, Box>();
  for (const section of sections) {
    const box = sectionBox(layout, section.id);
    nodes.push(sectionNode(section.id, { title: section.title, order: section.order }, box));
    for (const concept of concepts) {
      if (concept.section !== section.id) continue;
      const at = concept.position ?? layout.concepts[concept.id] ?? { x: box.x, y: box.y };
      const node = conceptNode(concept, at, box);
      boxes.set(concept.id, { x: at.x, y: at.y, width: NODE_WIDTH, height: node.data.height });
      nodes.push(node);
    }
  }
  const byId = new Map(graph.concepts.map((c) => [c.id, c]));
  const edges: RelationEdge[] = graph.relations.map((relation) => {
    const source = byId.get(relation.source);
    const target = byId.get(relation.target);
    const ends = floatingEnds(
      boxes.get(relation.source) ?? nowhere,
      boxes.get(relation.target) ?? nowhere,
    );
    return {
      id: relation.id,
      type: 'relation',
      source: relation.source,
      target: relation.target,
      ariaLabel: proposition(source, relation.label, target),
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: edgeColour },
      data: {
        label: relation.label,
        kind: relation.kind,
        crossesSections: source?.section !== target?.section,
        ends,
      },
      focusable: false,
    };
  });
  return { nodes, edges, boxes };
}

/** Whether two values of plain data (numbers, strings, arrays, objects of them) are alike. */
function alike(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) =>
    alike((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * `next`, with each node or edge that is alike the one of the same id in `previous` replaced by
 * that one: React Flow leaves the element of an unchanged object alone, so that a change of one
 * concept of a large map draws that concept again, not every one.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    const was = before.get(item.id);
    return was !== undefined && alike(was, item) ? was : item;
  });
}
