/** Computes the map's layout with ELK and writes data/layout.json. Run after editing the graph. */
import { writeFile } from 'node:fs/promises';
import { parseArticle } from '../../src/model/article.ts';
import { computeLayout } from '../../src/model/layout.ts';
import { checkGraph } from '../../src/model/validate.ts';
import { dataPath, readContent } from './content.ts';

const content = await readContent();
const checked = checkGraph(content.graph, parseArticle(content.markdown));
if (!checked.ok) {
  console.error(`data/graph.json has problems; fix them first:\n${checked.problems.join('\n')}`);
  process.exit(1);
}
const layout = await computeLayout(checked.graph, checked.anchors);
await writeFile(dataPath('layout.json'), `${JSON.stringify(layout, null, 1)}\n`);
console.log(
  `data/layout.json: ${Object.keys(layout.concepts).length} concepts in ${Object.keys(layout.sections).length} sections`,
);
