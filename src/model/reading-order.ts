import type { Graph } from './schema.ts';
import type { Anchors } from './anchor.ts';

/**
 * The order in which a reader meets the concepts: by section, then by where the article first
 * quotes them. Keyboard focus and the layout both follow it.
 */
export function readingOrder(graph: Graph, anchors: Anchors): Map<string, number> {
  const sectionOrder = new Map(graph.sections.map((s) => [s.id, s.order]));
  const keyed = graph.concepts.map((concept) => {
    const first = Math.min(...(anchors.get(concept.id) ?? []).map((p) => p.start), Infinity);
    return { id: concept.id, section: sectionOrder.get(concept.section) ?? 0, first };
  });
  keyed.sort((a, b) => a.section - b.section || a.first - b.first);
  return new Map(keyed.map((entry, index) => [entry.id, index]));
}
