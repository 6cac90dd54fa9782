import type { ConceptKind, Graph } from './schema.ts';

/**
 * How much a concept carries the argument: 1 is its backbone (the thesis, the key words, the
 * pillars, the dialectical pairs, the leaps), 2 the directions, principles and quoted sources that
 * fill it in, 3 the examples, metaphors and history that illustrate it. The map draws the labels of
 * higher tiers first.
 */
export type Tier = 1 | 2 | 3;

export const tiers = [1, 2, 3] as const satisfies readonly Tier[];

const tierOfKind: Record<ConceptKind, Tier> = {
  thesis: 1,
  keyword: 1,
  pillar: 1,
  pair: 1,
  leap: 1,
  pole: 2,
  principle: 2,
  direction: 2,
  policy: 2,
  idea: 2,
  source: 2,
  metaphor: 3,
  example: 3,
  history: 3,
};

/**
 * Each concept's tier: the curated `tier` where set; otherwise its kind's, except that a general
 * idea as connected as a typical backbone concept (the title's "new quality productive forces",
 * say) is backbone too, since the argument leans on it as much.
 */
export function conceptTiers(graph: Pick<Graph, 'concepts' | 'relations'>): Map<string, Tier> {
  const degree = new Map<string, number>();
  for (const { source, target } of graph.relations) {
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  const backbone = graph.concepts
    .filter((c) => tierOfKind[c.kind] === 1)
    .map((c) => degree.get(c.id) ?? 0)
    .sort((a, b) => a - b);
  const hub = backbone.length > 0 ? (backbone[Math.floor(backbone.length / 2)] ?? 0) : Infinity;
  const result = new Map<string, Tier>();
  for (const concept of graph.concepts) {
    const byKind = tierOfKind[concept.kind];
    const promoted = concept.kind === 'idea' && hub > 0 && (degree.get(concept.id) ?? 0) >= hub;
    result.set(concept.id, concept.tier ?? (promoted ? 1 : byKind));
  }
  return result;
}
