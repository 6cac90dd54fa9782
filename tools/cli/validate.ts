/** Checks the built-in content: `npm run validate`. Exits non-zero with one line per problem. */
import { loadAtlas } from '../../src/model/atlas.ts';
import { readContent } from './content.ts';
import { layoutProblems } from '../layout-check.ts';

const content = await readContent();
const result = loadAtlas(content.markdown, content.graph, content.layout, content.tours);
const problems = result.ok
  ? layoutProblems(result.atlas.graph, result.atlas.layout)
  : result.problems;
if (problems.length > 0) {
  console.error(
    `${problems.length} problem(s) in data/:\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
if (!result.ok) process.exit(1);
const { graph, anchors, article, tours } = result.atlas;
const passages = [...anchors.values()].reduce((sum, list) => sum + list.length, 0);
console.log(
  `data/ is valid: ${graph.concepts.length} concepts, ${graph.relations.length} relations, ` +
    `${passages} passages anchored in ${article.blocks.length} blocks of the article; ` +
    `${tours.length} tours.`,
);
