/**
 * The bundle: one JSON file that holds a whole map, so that teachers can open other readings.
 *
 * `{ "schemaVersion": 1, "article": { "title", "markdown", "source"? }, "graph", "tours"? }`, where
 * `graph` has the shape of data/graph.json and `tours` the shape of data/tours.json. A concept's
 * optional `position` places it; concepts without one are laid out when the bundle opens.
 */
// Types only, so that what imports the constants below does not load zod and the schemas.
export type { Bundle, BundleArticle } from './bundle-schema.ts';

export const BUNDLE_SCHEMA_VERSION = 1;

/** Larger files are refused before they are read. */
export const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

/** The media type and file name used when the built-in map is offered for download. */
export const BUNDLE_FILE_NAME = 'concept-atlas-example.json';

/**
 * The element of the one-file build that carries the example bundle, offered for download as a
 * file made on the page: from disk there is no file beside the page to link to.
 */
export const EXAMPLE_ELEMENT_ID = 'example-bundle';
