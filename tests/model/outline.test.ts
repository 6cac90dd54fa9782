import { describe, expect, it } from 'vitest';
import { buildOutline, type OutlineNode } from '../../src/model/outline';
import type { Concept } from '../../src/model/schema';
import { makeConcept, makeGraph, makeRelation } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';
import { loadRealAtlas } from '../fixtures/real-atlas';

/** A tree as text: `id(child child)`, so a whole shape fits in one readable assertion. */
const shape = (node: OutlineNode): string =>
  node.children.length > 0 ? `${node.id}(${node.children.map(shape).join(' ')})` : node.id;

const flatten = (nodes: OutlineNode[]): OutlineNode[] =>
  nodes.flatMap((node) => [node, ...flatten(node.children)]);

const conceptIds = (outline: OutlineNode[]) =>
  flatten(outline).flatMap((node) => (node.conceptId === null ? [] : [node.conceptId]));

// Concepts of one section share a passage unless told otherwise, so their reading order is the
// order listed here.
const inPipes = (overrides: Partial<Concept> & Pick<Concept, 'id'>) =>
  makeConcept({ section: 'pipes', passages: [{ exact: 'Water needs pipes.' }], ...overrides });
const inRain = (overrides: Partial<Concept> & Pick<Concept, 'id'>) =>
  makeConcept({
    section: 'rain',
    passages: [{ exact: 'Rain fills the reservoir.' }],
    ...overrides,
  });

const nested = makeGraph({
  concepts: [
    makeConcept({ id: 'water', label: 'Clean water', kind: 'thesis' }),
    makeConcept({ id: 'plan', kind: 'policy' }),
    makeConcept({ id: 'goal' }),
    // Listed first but quoted later in the article: children follow reading order, not the list.
    inPipes({ id: 'crack', passages: [{ exact: 'the veins of a city' }] }),
    inPipes({ id: 'pipes', label: 'Water pipes', kind: 'pillar' }),
    inPipes({ id: 'veins', kind: 'metaphor' }),
    inPipes({ id: 'leak' }),
    inPipes({ id: 'kw', kind: 'keyword' }),
    inRain({ id: 'rain', kind: 'example' }),
  ],
  relations: [
    makeRelation({ source: 'plan', target: 'water', kind: 'supports' }),
    makeRelation({ source: 'goal', target: 'plan', kind: 'part-of' }),
    makeRelation({ source: 'crack', target: 'veins', kind: 'likened-to' }),
    makeRelation({ source: 'crack', target: 'pipes', kind: 'supports' }),
    makeRelation({ source: 'crack', target: 'water', kind: 'part-of' }),
    makeRelation({ source: 'veins', target: 'pipes', kind: 'likened-to' }),
    makeRelation({ source: 'leak', target: 'pipes', kind: 'supports' }),
    makeRelation({ source: 'leak', target: 'veins', kind: 'part-of' }),
    makeRelation({ source: 'kw', target: 'pipes', kind: 'part-of' }),
    makeRelation({ source: 'rain', target: 'water', kind: 'supports' }),
  ],
});

describe('buildOutline', () => {
  it('puts the sections on top, in order, with their labels', async () => {
    const outline = buildOutline(
      await fixtureAtlas(makeGraph({ sections: [...makeGraph().sections].reverse() })),
    );
    expect(
      outline.map(({ id, conceptId, label, kind }) => ({ id, conceptId, label, kind })),
    ).toEqual([
      { id: 'section:intro', conceptId: null, label: 'Introduction', kind: 'section' },
      { id: 'section:pipes', conceptId: null, label: 'Section 1: Pipes', kind: 'section' },
      { id: 'section:rain', conceptId: null, label: 'Section 2: Rain', kind: 'section' },
    ]);
  });

  it('nests what a quoted document puts forward under the document', async () => {
    const graph = makeGraph({
      concepts: [
        makeConcept({ id: 'water', kind: 'thesis' }),
        makeConcept({ id: 'plan', kind: 'policy' }),
        makeConcept({ id: 'goal', kind: 'policy' }),
        inPipes({ id: 'pipes', kind: 'pillar' }),
        inRain({ id: 'rain', kind: 'example' }),
      ],
      relations: [
        makeRelation({ source: 'plan', target: 'goal', kind: 'states' }),
        makeRelation({ source: 'plan', target: 'pipes', kind: 'states' }),
        makeRelation({ source: 'goal', target: 'water', kind: 'supports' }),
        makeRelation({ source: 'rain', target: 'pipes', kind: 'responds-to' }),
      ],
    });
    const outline = buildOutline(await fixtureAtlas(graph));
    // goal's "states" from plan wins over its weak link to water; pipes is in another section.
    expect(outline.map(shape)).toEqual([
      'section:intro(water plan(goal))',
      'section:pipes(pipes)',
      'section:rain(rain)',
    ]);
  });

  it('nests supporting concepts under what they belong to, within their section', async () => {
    const outline = buildOutline(await fixtureAtlas(nested));
    expect(outline.map(shape)).toEqual([
      'section:intro(water(plan(goal)))',
      // leak prefers part-of veins to supports pipes; crack's two weak links go to the earlier
      // pipes; crack's part-of water crosses sections and is ignored; a keyword stays on top.
      'section:pipes(pipes(veins(leak) crack) kw)',
      'section:rain(rain)',
    ]);
  });

  it('names concept nodes by their concept', async () => {
    const [, pipesSection] = buildOutline(await fixtureAtlas(nested));
    expect(pipesSection?.children[0]).toMatchObject({
      id: 'pipes',
      conceptId: 'pipes',
      label: 'Water pipes',
      kind: 'pillar',
    });
  });

  it('keeps a concept at the top of its section when its only links lead elsewhere', async () => {
    const outline = buildOutline(await fixtureAtlas());
    // rain supports water, which is in the introduction.
    expect(outline.map(shape)).toEqual([
      'section:intro(water)',
      'section:pipes(pipes(veins))',
      'section:rain(rain)',
    ]);
  });

  it('lists every concept exactly once and stops at cycles', async () => {
    const graph = makeGraph({
      concepts: [
        makeConcept({ id: 'water', kind: 'thesis' }),
        inPipes({ id: 'a' }),
        inPipes({ id: 'b' }),
        inPipes({ id: 'c' }),
        inPipes({ id: 'd', kind: 'metaphor' }),
        inRain({ id: 'rain' }),
        inRain({ id: 'cloud' }),
      ],
      relations: [
        makeRelation({ source: 'a', target: 'b', kind: 'part-of' }),
        makeRelation({ source: 'b', target: 'c', kind: 'part-of' }),
        makeRelation({ source: 'c', target: 'a', kind: 'part-of' }),
        makeRelation({ source: 'd', target: 'a', kind: 'likened-to' }),
        makeRelation({ source: 'a', target: 'd', kind: 'supports' }),
        makeRelation({ source: 'rain', target: 'cloud', kind: 'supports' }),
        makeRelation({ source: 'cloud', target: 'rain', kind: 'evolves-into' }),
        makeRelation({ source: 'a', target: 'water', kind: 'supports' }),
        makeRelation({ source: 'rain', target: 'water', kind: 'supports' }),
      ],
    });
    const outline = buildOutline(await fixtureAtlas(graph));
    const ids = conceptIds(outline);
    expect(ids).toHaveLength(graph.concepts.length);
    expect(new Set(ids)).toEqual(new Set(graph.concepts.map((c) => c.id)));
    // The loop is cut at the last link that would close it: c, met last, stays on top.
    expect(outline.map(shape)).toEqual([
      'section:intro(water)',
      'section:pipes(c(b(a(d))))',
      'section:rain(cloud(rain))',
    ]);
  });
});

describe('buildOutline on the curated data', () => {
  const realAtlas = loadRealAtlas();
  const { graph } = realAtlas;
  const outline = buildOutline(realAtlas);
  const nodes = new Map(flatten(outline).map((node) => [node.id, node]));
  const childIds = (id: string) => nodes.get(id)?.children.map((child) => child.id) ?? [];
  const ofKind = (kind: string) => graph.concepts.filter((c) => c.kind === kind);

  it('has the sections on top in the order of the article', () => {
    const sections = [...graph.sections].sort((a, b) => a.order - b.order);
    expect(outline.map((node) => node.id)).toEqual(sections.map((s) => `section:${s.id}`));
    expect(outline[0]?.label).toBe('Introduction');
    expect(outline[7]?.label).toMatch(/^Section 7: /);
  });

  it('lists every concept exactly once, inside its own section', () => {
    const ids = conceptIds(outline);
    expect(ids).toHaveLength(graph.concepts.length);
    expect(new Set(ids).size).toBe(graph.concepts.length);
    for (const section of outline) {
      for (const node of flatten(section.children)) {
        const concept = graph.concepts.find((c) => c.id === node.conceptId);
        expect(`section:${concept?.section}`, node.id).toBe(section.id);
      }
    }
  });

  it('puts each of the four pillars at the top of its section', () => {
    const pillars = ofKind('pillar');
    expect(pillars).toHaveLength(4);
    for (const pillar of pillars) {
      expect(childIds(`section:${pillar.section}`)).toContain(pillar.id);
    }
  });

  it('nests the two poles of each dialectical pair under it', () => {
    for (const pair of ofKind('pair')) {
      const poles = graph.relations
        .filter((r) => r.kind === 'pole-of' && r.target === pair.id)
        .map((r) => r.source);
      expect(poles, pair.id).toHaveLength(2);
      expect(childIds(pair.id), pair.id).toEqual(expect.arrayContaining(poles));
    }
  });

  it('has the four leaps at the top of section 7', () => {
    const seven = outline.find((node) => node.label.startsWith('Section 7:'));
    const leaps = ofKind('leap').map((c) => c.id);
    expect(leaps).toHaveLength(4);
    expect(seven?.children.map((child) => child.id)).toEqual(expect.arrayContaining(leaps));
  });
});
