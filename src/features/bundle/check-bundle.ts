import { z } from 'zod';
import './zod-setup';
import { ArticleError, parseArticle, type Article } from '../../model/article';
import { bundleSchema } from '../../model/bundle-schema';
import { deriveAtlas, type AtlasLoad } from '../../model/derive-atlas';
import { layoutSchema, type Layout } from '../../model/schema';
import { everyConceptPlaced, layoutFromPositions } from '../../model/section-boxes';
import { checkTours } from '../../model/tours';
import { parseUntrustedJson } from '../../model/untrusted-json';
import { timed } from '../../model/timing';
import { checkGraph, formatIssues } from '../../model/validate';
import type { Progress } from './layout-client';

/**
 * The bundle's envelope: the bundle's own schema with the graph and tours left open here, since
 * they are checked next by their own rules, which name each problem's concept or step.
 */
const envelopeSchema = bundleSchema.extend({
  graph: z.unknown().refine((value) => value !== undefined, 'is missing'),
  tours: z.unknown().optional(),
});

/** Problems inside a part of the bundle, with their place written from the bundle's root. */
const within = (part: string, problems: string[]) =>
  problems.map((problem) =>
    problem.startsWith('(root)')
      ? `${part}${problem.slice('(root)'.length)}`
      : `${part}.${problem}`,
  );

export type LayOut = (
  graph: Parameters<typeof layoutFromPositions>[0],
  anchors: Parameters<typeof deriveAtlas>[0]['anchors'],
  onProgress: Progress,
) => Promise<Layout>;

export type CheckOptions = {
  /** Places the concepts that have no position; the app does it in a worker. */
  layOut: LayOut;
  onProgress?: Progress;
  /** A layout kept from an earlier opening of the same bundle, used when it still fits. */
  savedLayout?: unknown;
};

export type BundleCheck =
  | { ok: true; atlas: Extract<AtlasLoad, { ok: true }>['atlas']; laidOut: Layout | null }
  | { ok: false; problems: string[] };

/**
 * Checks a bundle from anywhere, by every rule the built-in content follows, and derives its map.
 * Returns every problem as a `place: reason` line, with places written from the bundle's root.
 */
export async function checkBundle(text: string, options: CheckOptions): Promise<BundleCheck> {
  const json = timed('bundle: parse JSON', () => parseUntrustedJson(text));
  if (!json.ok) return json;
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) return { ok: false, problems: formatIssues(envelope.error, json.value) };
  const { article: given, graph: rawGraph, tours: rawTours } = envelope.data;

  let article: Article;
  try {
    article = timed('bundle: read the article', () =>
      parseArticle(given.markdown, {
        title: given.title,
        ...(given.source ? { source: given.source } : {}),
      }),
    );
  } catch (error) {
    if (error instanceof ArticleError)
      return { ok: false, problems: [`article: ${error.message}`] };
    throw error;
  }
  const checked = timed('bundle: check the graph', () => checkGraph(rawGraph, article));
  if (!checked.ok) return { ok: false, problems: within('graph', checked.problems) };
  const { graph, anchors } = checked;
  const tours = rawTours === undefined ? null : checkTours(rawTours, graph);
  if (tours && !tours.ok) return { ok: false, problems: within('tours', tours.problems) };

  let laidOut: Layout | null = null;
  if (!everyConceptPlaced(graph)) {
    const saved = layoutSchema.safeParse(options.savedLayout);
    const fits =
      saved.success && graph.concepts.every((concept) => concept.id in saved.data.concepts);
    laidOut = fits
      ? saved.data
      : await options.layOut(graph, anchors, options.onProgress ?? (() => undefined));
  }
  const layout = layoutFromPositions(graph, laidOut?.concepts ?? {});
  return {
    ok: true,
    atlas: timed('bundle: derive the map', () =>
      deriveAtlas({ article, graph, anchors, layout, tours: tours?.tours.tours ?? [] }),
    ),
    laidOut,
  };
}
