import type { Atlas } from './atlas.ts';
import type { Concept, ConceptKind, RelationKind } from './schema.ts';

/** One item of the outline: a section of the article or a concept, with what it holds. */
export type OutlineNode = {
  id: string;
  conceptId: string | null;
  label: string;
  kind: ConceptKind | 'section';
  children: OutlineNode[];
};

/** The kinds that carry the argument's structure: always at the top of their section. */
const structuralKinds: ReadonlySet<ConceptKind> = new Set([
  'thesis',
  'keyword',
  'pillar',
  'pair',
  'leap',
]);

/** Relations that say "the source belongs under the target", strongest first. */
const strongNesting: ReadonlySet<RelationKind> = new Set(['part-of', 'example-of', 'pole-of']);
const weakNesting: ReadonlySet<RelationKind> = new Set([
  'likened-to',
  'supports',
  'evolves-into',
  'responds-to',
]);
/** Relations that say "the target belongs under the source": what a quoted document puts forward. */
const reverseNesting: ReadonlySet<RelationKind> = new Set(['states']);

export const sectionNodeId = (sectionId: string) => `section:${sectionId}`;

export function sectionLabel(section: { title: string; order: number }): string {
  return section.order === 0 ? 'Introduction' : `Section ${section.order}: ${section.title}`;
}

/**
 * The argument as a tree: the sections in order, each holding its structural concepts, with the
 * concepts that explain, illustrate or belong to them nested below. Every concept appears once,
 * in its own section; a concept whose candidate parents would close a loop stays at the top.
 */
export function buildOutline(atlas: Atlas): OutlineNode[] {
  const { graph, order } = atlas;
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byReading = (a: { id: string }, b: { id: string }) => rank(a.id) - rank(b.id);
  const byId = new Map(graph.concepts.map((c) => [c.id, c]));

  // Candidate parents of each concept, best first: strong relations, then reading order.
  const candidates = new Map<string, { target: string; strength: number }[]>();
  for (const relation of graph.relations) {
    const strength =
      strongNesting.has(relation.kind) || reverseNesting.has(relation.kind)
        ? 0
        : weakNesting.has(relation.kind)
          ? 1
          : -1;
    const reversed = reverseNesting.has(relation.kind);
    const source = byId.get(reversed ? relation.target : relation.source);
    const target = byId.get(reversed ? relation.source : relation.target);
    if (strength < 0 || !source || !target || source === target) continue;
    if (source.section !== target.section || structuralKinds.has(source.kind)) continue;
    const list = candidates.get(source.id) ?? [];
    list.push({ target: target.id, strength });
    candidates.set(source.id, list);
  }

  // Parents are chosen in reading order, refusing any that would make a concept its own ancestor;
  // as the forest only ever gains edges that close no loop, it stays a forest.
  const parent = new Map<string, string>();
  const isAncestor = (ancestor: string, of: string) => {
    for (let at: string | undefined = of; at !== undefined; at = parent.get(at)) {
      if (at === ancestor) return true;
    }
    return false;
  };
  for (const concept of [...graph.concepts].sort(byReading)) {
    const options = (candidates.get(concept.id) ?? []).sort(
      (a, b) => a.strength - b.strength || rank(a.target) - rank(b.target),
    );
    const chosen = options.find((option) => !isAncestor(concept.id, option.target));
    if (chosen) parent.set(concept.id, chosen.target);
  }

  const children = new Map<string, Concept[]>();
  const roots = new Map<string, Concept[]>();
  for (const concept of graph.concepts) {
    const up = parent.get(concept.id);
    const [bucket, key] = up === undefined ? [roots, concept.section] : [children, up];
    const list = bucket.get(key) ?? [];
    list.push(concept);
    bucket.set(key, list);
  }

  const toNode = (concept: Concept): OutlineNode => ({
    id: concept.id,
    conceptId: concept.id,
    label: concept.label,
    kind: concept.kind,
    children: (children.get(concept.id) ?? []).sort(byReading).map(toNode),
  });

  return [...graph.sections]
    .sort((a, b) => a.order - b.order)
    .map((section) => ({
      id: sectionNodeId(section.id),
      conceptId: null,
      label: sectionLabel(section),
      kind: 'section' as const,
      children: (roots.get(section.id) ?? []).sort(byReading).map(toNode),
    }));
}

/** Each node's parent in the outline (absent for the sections at the top). */
export function outlineParents(outline: readonly OutlineNode[]): Map<string, string> {
  const parents = new Map<string, string>();
  const visit = (node: OutlineNode) => {
    for (const child of node.children) {
      parents.set(child.id, node.id);
      visit(child);
    }
  };
  outline.forEach(visit);
  return parents;
}
