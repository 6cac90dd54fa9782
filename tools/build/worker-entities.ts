import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const PACKAGE = 'decode-named-character-reference';

/**
 * Markdown's character references (`&amp;`) are decoded by a package whose browser build asks the
 * DOM (`document.createElement`), which a worker does not have; its plain build carries the table
 * instead. The worker that checks bundles gets the plain build.
 */
export function workerEntities(): Plugin {
  const plain = fileURLToPath(new URL(`../../node_modules/${PACKAGE}/index.js`, import.meta.url));
  return {
    name: 'concept-atlas:worker-entities',
    enforce: 'pre',
    resolveId(source) {
      return source === PACKAGE ? plain : null;
    },
  };
}
