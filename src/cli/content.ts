import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export const dataPath = (name: string) => `${dataDir}${name}`;

/** The built-in content as the files hold it, unparsed. */
export async function readContent() {
  const [markdown, graph, layout] = await Promise.all([
    readFile(dataPath('article.md'), 'utf8'),
    readFile(dataPath('graph.json'), 'utf8'),
    readFile(dataPath('layout.json'), 'utf8').catch(() => 'null'),
  ]);
  return { markdown, graph: JSON.parse(graph) as unknown, layout: JSON.parse(layout) as unknown };
}
