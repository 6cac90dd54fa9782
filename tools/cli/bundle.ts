/** `npm run bundle [file]`: writes the built-in content as one bundle (default: the example's name). */
import { writeFile } from 'node:fs/promises';
import { loadAtlas } from '../../src/model/atlas.ts';
import { bundleFromContent } from '../../src/model/bundle-draft.ts';
import { BUNDLE_FILE_NAME } from '../../src/model/bundle-format.ts';
import { readContent } from './content.ts';

const out = process.argv[2] ?? BUNDLE_FILE_NAME;
const content = await readContent();
const loaded = loadAtlas(content.markdown, content.graph, content.layout, content.tours);
if (!loaded.ok) {
  console.error(`data/ has problems; fix them first:\n${loaded.problems.join('\n')}`);
  process.exit(1);
}
const bundle = bundleFromContent(content.markdown, loaded.atlas);
await writeFile(out, `${JSON.stringify(bundle, null, 1)}\n`);
console.log(
  `${out}: ${bundle.graph.concepts.length} concepts, ${bundle.graph.relations.length} relations`,
);
