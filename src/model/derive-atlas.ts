import type { Anchors } from './anchor.ts';
import type { Article } from './article.ts';
import { toFlow, type AtlasNode, type Box, type RelationEdge } from './flow.ts';
import { adjacency, type Adjacency } from './neighbours.ts';
import { readingOrder } from './reading-order.ts';
import type { Concept, Graph, Layout } from './schema.ts';
import type { Tour } from './tours.ts';

/** Every passage of every concept, resolved to its place in the article. */

/** Content that has passed every check: what validating produces and a snapshot stores. */
export type CheckedContent = {
  article: Article;
  graph: Graph;
  anchors: Anchors;
  layout: Layout;
  tours: Tour[];
};

/** Everything the app shows, validated and derived once at load. */
export type Atlas = CheckedContent & {
  /** Which concepts each concept is related to, in either direction. */
  links: Adjacency;
  /** Each concept's place in the argument's reading order. */
  order: ReadonlyMap<string, number>;
  nodes: AtlasNode[];
  edges: RelationEdge[];
  /** Each concept's box in map coordinates, where the map draws it. */
  boxes: ReadonlyMap<string, Box>;
  /** Each concept by its id: store selectors run on every change, so they must not search. */
  conceptById: ReadonlyMap<string, Concept>;
  /** The id each renamed concept has now, by its former ids (see `resolveConceptId`). */
  renamedIds: ReadonlyMap<string, string>;
};

export type AtlasLoad = { ok: true; atlas: Atlas } | { ok: false; problems: string[] };

/**
 * Derives the map from checked content. Cheap, and free of the validators, so that the built-in
 * map, checked when the app is built, draws without loading them.
 */
export function deriveAtlas(content: CheckedContent): Atlas {
  const order = readingOrder(content.graph, content.anchors);
  return {
    ...content,
    links: adjacency(content.graph),
    order,
    conceptById: new Map(content.graph.concepts.map((concept) => [concept.id, concept])),
    renamedIds: new Map(
      content.graph.concepts.flatMap((concept) =>
        (concept.formerIds ?? []).map((formerId) => [formerId, concept.id] as const),
      ),
    ),
    ...toFlow(content.graph, content.layout, order),
  };
}

/**
 * Whether two maps differ at most in the words of their concepts (labels, summaries, kinds) and
 * so in the heights of their boxes and sections: the same article, passages, places of concepts,
 * relations and tours.
 */
export function sameShape(a: Atlas, b: Atlas): boolean {
  return (
    a.article === b.article &&
    a.anchors === b.anchors &&
    a.layout.concepts === b.layout.concepts &&
    a.links === b.links &&
    a.order === b.order &&
    a.tours === b.tours &&
    a.graph.relations === b.graph.relations &&
    a.graph.sections === b.graph.sections
  );
}

/**
 * The concept a link names: its id, or the id it has now if it was renamed, so that links shared
 * before a rename still work. Null when no concept has or had that id.
 */
export function resolveConceptId(
  atlas: Pick<Atlas, 'conceptById' | 'renamedIds'>,
  id: string,
): string | null {
  if (atlas.conceptById.has(id)) return id;
  return atlas.renamedIds.get(id) ?? null;
}
