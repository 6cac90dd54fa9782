import { ArticleError, parseArticle, type Article } from './article';
import { toFlow, type AtlasNode, type RelationEdge } from './flow';
import { adjacency, type Adjacency } from './neighbours';
import { readingOrder } from './reading-order';
import { checkTours, type Tour, type ToursCheck } from './tours';
import { layoutSchema, type Graph, type Layout } from './schema';
import { checkGraph, formatIssues, type Anchors } from './validate';

/** Everything the app shows, validated and derived once at load. */
export type Atlas = {
  article: Article;
  graph: Graph;
  anchors: Anchors;
  layout: Layout;
  /** Curated classroom tours through the argument. */
  tours: Tour[];
  /** Which concepts each concept is related to, in either direction. */
  links: Adjacency;
  /** Each concept's place in the argument's reading order. */
  order: ReadonlyMap<string, number>;
  nodes: AtlasNode[];
  edges: RelationEdge[];
};

export type AtlasLoad = { ok: true; atlas: Atlas } | { ok: false; problems: string[] };

/** Validates the three content files together and derives the map, or lists every problem. */
export function loadAtlas(
  markdown: string,
  rawGraph: unknown,
  rawLayout: unknown,
  rawTours?: unknown,
): AtlasLoad {
  let article: Article;
  try {
    article = parseArticle(markdown);
  } catch (error) {
    if (error instanceof ArticleError)
      return { ok: false, problems: [`article: ${error.message}`] };
    throw error;
  }
  const checked = checkGraph(rawGraph, article);
  if (!checked.ok) return checked;
  const layout = layoutSchema.safeParse(rawLayout);
  if (!layout.success) {
    return { ok: false, problems: formatIssues(layout.error, rawLayout).map((p) => `layout ${p}`) };
  }
  const { graph, anchors } = checked;
  // Tours are optional: content without them still makes a map.
  const noTours: ToursCheck = { ok: true, tours: { schemaVersion: 1, tours: [] } };
  const tours = rawTours === undefined ? noTours : checkTours(rawTours, graph);
  if (!tours.ok) return { ok: false, problems: tours.problems.map((p) => `tours.json ${p}`) };
  const order = readingOrder(graph, anchors);
  return {
    ok: true,
    atlas: {
      article,
      graph,
      anchors,
      layout: layout.data,
      links: adjacency(graph),
      tours: tours.tours.tours,
      order,
      ...toFlow(graph, layout.data, order),
    },
  };
}
