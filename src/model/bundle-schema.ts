import { z } from 'zod';
import { BUNDLE_SCHEMA_VERSION } from './bundle-format.ts';
import { formatVersion, graphSchema, text } from './schema.ts';
import { toursSchema } from './tours.ts';

/** The article a bundle carries: its Markdown, with the title and the address it came from. */
export const bundleArticleSchema = z.strictObject({
  title: text(300),
  markdown: text(5_000_000),
  source: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).optional(),
});

/**
 * A whole bundle (see bundle-format.ts), the graph and tours in the shapes of data/graph.json
 * and data/tours.json. What a bundle must also satisfy (passages found in the article, tours
 * that walk through the graph) is checked when it is opened.
 */
export const bundleSchema = z.strictObject({
  schemaVersion: formatVersion(BUNDLE_SCHEMA_VERSION, 'a Concept Atlas map file'),
  article: bundleArticleSchema,
  graph: graphSchema,
  tours: toursSchema.optional(),
});

export type BundleArticle = z.infer<typeof bundleArticleSchema>;
export type Bundle = z.infer<typeof bundleSchema>;
