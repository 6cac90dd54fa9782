import type { Plugin } from 'vite';
import { readContent, dataPath } from '../cli/content.ts';
import { loadAtlas } from '../../src/model/atlas.ts';
import { bundleFromContent } from '../../src/model/bundle-draft.ts';
import { BUNDLE_FILE_NAME, EXAMPLE_ELEMENT_ID } from '../../src/model/bundle-format.ts';
import { SNAPSHOT_ELEMENT_ID, snapshotScriptText } from '../../src/model/snapshot.ts';

/** Validates data/ and derives the map; a problem stops the build with every problem listed. */
async function checkedContent() {
  const content = await readContent();
  const loaded = loadAtlas(content.markdown, content.graph, content.layout, content.tours);
  if (!loaded.ok) {
    throw new Error(`The built-in content has problems:\n${loaded.problems.join('\n')}`);
  }
  return { markdown: content.markdown, atlas: loaded.atlas };
}

/** The example bundle as the file the hosted build ships, byte for byte. */
const exampleText = (markdown: string, atlas: Parameters<typeof bundleFromContent>[1]) =>
  `${JSON.stringify(bundleFromContent(markdown, atlas), null, 1)}\n`;

/**
 * Puts the built-in map, checked here rather than in the browser, into index.html as JSON, and
 * ships the same content as a downloadable example bundle: beside index.html (`example: 'file'`),
 * or, for the one-file build, inside it (`'inline'`), as inert JSON the page saves as a file.
 */
export function builtInAtlas({ example = 'file' }: { example?: 'file' | 'inline' } = {}): Plugin {
  return {
    name: 'concept-atlas:built-in-atlas',
    async transformIndexHtml() {
      const { markdown, atlas } = await checkedContent();
      const json = (id: string, text: string) => ({
        tag: 'script',
        attrs: { type: 'application/json', id },
        // `<` escaped, so that no text in the content can close the element.
        children: text.replace(/</g, '\\u003c'),
        injectTo: 'body' as const,
      });
      return [
        json(SNAPSHOT_ELEMENT_ID, snapshotScriptText(atlas)),
        ...(example === 'inline' ? [json(EXAMPLE_ELEMENT_ID, exampleText(markdown, atlas))] : []),
      ];
    },
    async generateBundle() {
      if (example === 'inline') return;
      const { markdown, atlas } = await checkedContent();
      this.emitFile({
        type: 'asset',
        fileName: BUNDLE_FILE_NAME,
        source: exampleText(markdown, atlas),
      });
    },
    configureServer(server) {
      // Editing the content reloads the page, which reads it again.
      server.watcher.add(dataPath(''));
      server.watcher.on('change', (file) => {
        if (file.startsWith(dataPath(''))) server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
