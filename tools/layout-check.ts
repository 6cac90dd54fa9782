import type { Graph, Layout } from '../src/model/schema.ts';

/** A layout that no longer matches the graph is stale: run `npm run layout`. */
export function layoutProblems(graph: Graph, layout: Layout): string[] {
  const problems: string[] = [];
  const ids = new Set(graph.concepts.map((c) => c.id));
  for (const concept of graph.concepts) {
    if (!layout.concepts[concept.id] && !concept.position) {
      problems.push(`layout.concepts (${concept.id}): no position; run npm run layout`);
    }
  }
  for (const id of Object.keys(layout.concepts)) {
    if (!ids.has(id))
      problems.push(`layout.concepts (${id}): not a concept of the graph; run npm run layout`);
  }
  for (const section of graph.sections) {
    if (!layout.sections[section.id]) {
      problems.push(`layout.sections (${section.id}): no box; run npm run layout`);
    }
  }
  return problems;
}
