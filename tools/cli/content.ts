import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export const dataPath = (name: string) => `${dataDir}${name}`;

/** The built-in content as the files hold it, unparsed. */
export async function readContent() {
  const [markdown, graph, layout, tours] = await Promise.all([
    readFile(dataPath('article.md'), 'utf8'),
    readFile(dataPath('graph.json'), 'utf8'),
    readFile(dataPath('layout.json'), 'utf8').catch(() => 'null'),
    readFile(dataPath('tours.json'), 'utf8'),
  ]);
  return {
    markdown,
    graph: JSON.parse(graph) as unknown,
    layout: JSON.parse(layout) as unknown,
    tours: JSON.parse(tours) as unknown,
  };
}
