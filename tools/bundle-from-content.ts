import type { Article } from '../src/model/article.ts';
import { BUNDLE_SCHEMA_VERSION, type Bundle } from '../src/model/bundle-format.ts';
import type { Graph, Layout } from '../src/model/schema.ts';
import type { Tour } from '../src/model/tours.ts';

/**
 * The content of data/ as one bundle: the article as its file holds it, front matter included
 * (its author and date travel with it, and `npm run unbundle` writes it back as it was; the
 * bundle's title and source repeat what it says), and every concept pinned where the layout
 * placed it, so that the bundle opens without laying out again.
 */
export function bundleFromContent(
  markdown: string,
  content: { article: Article; graph: Graph; layout: Layout; tours: Tour[] },
): Bundle {
  const { article, graph, layout, tours } = content;
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    article: {
      title: article.meta.title,
      markdown,
      ...(article.meta.source ? { source: article.meta.source } : {}),
    },
    graph: {
      ...graph,
      concepts: graph.concepts.map((concept) => {
        const placed = concept.position ?? layout.concepts[concept.id];
        return placed ? { ...concept, position: { x: placed.x, y: placed.y } } : concept;
      }),
    },
    ...(tours.length > 0 ? { tours: { schemaVersion: 1, tours } } : {}),
  };
}
