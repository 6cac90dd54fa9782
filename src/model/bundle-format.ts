/**
 * The bundle: one JSON file that holds a whole map, so that teachers can open other readings.
 *
 * `{ "schemaVersion": 1, "article": { "title", "markdown", "source"? }, "graph", "tours"? }`, where
 * `graph` has the shape of data/graph.json and `tours` the shape of data/tours.json. A concept's
 * optional `position` places it; concepts without one are laid out when the bundle opens.
 */
import type { Graph } from './schema.ts';
import type { Tours } from './tours.ts';

export const BUNDLE_SCHEMA_VERSION = 1;

/** Larger files are refused before they are read. */
export const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

export type BundleArticle = { title: string; markdown: string; source?: string };

export type Bundle = {
  schemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  article: BundleArticle;
  graph: Graph;
  tours?: Tours;
};

/** The media type and file name used when the built-in map is offered for download. */
export const BUNDLE_FILE_NAME = 'concept-atlas-example.json';
