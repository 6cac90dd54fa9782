import { ArticleError, parseArticle, type Article } from './article.ts';
import { deriveAtlas, type Atlas, type AtlasLoad } from './derive-atlas.ts';
import { checkTours, type ToursCheck } from './tours.ts';
import { layoutSchema } from './schema.ts';
import { checkGraph, formatIssues } from './validate.ts';

export type { Atlas, AtlasLoad };

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
  return {
    ok: true,
    atlas: deriveAtlas({ article, graph, anchors, layout: layout.data, tours: tours.tours.tours }),
  };
}
