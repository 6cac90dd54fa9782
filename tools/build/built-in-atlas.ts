import type { Plugin } from 'vite';
import { readContent, dataPath } from '../cli/content.ts';
import { loadAtlas } from '../../src/model/atlas.ts';
import { bundleFromContent } from '../bundle-from-content.ts';
import { BUNDLE_FILE_NAME } from '../../src/model/bundle-format.ts';
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

/**
 * Puts the built-in map, checked here rather than in the browser, into index.html as JSON, and
 * ships the same content as a downloadable example bundle.
 */
export function builtInAtlas(): Plugin {
  return {
    name: 'concept-atlas:built-in-atlas',
    async transformIndexHtml() {
      const { atlas } = await checkedContent();
      return [
        {
          tag: 'script',
          attrs: { type: 'application/json', id: SNAPSHOT_ELEMENT_ID },
          children: snapshotScriptText(atlas),
          injectTo: 'body',
        },
      ];
    },
    async generateBundle() {
      const { markdown, atlas } = await checkedContent();
      this.emitFile({
        type: 'asset',
        fileName: BUNDLE_FILE_NAME,
        source: `${JSON.stringify(bundleFromContent(markdown, atlas), null, 1)}\n`,
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
