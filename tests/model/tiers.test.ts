import { describe, expect, it } from 'vitest';
import type { ConceptKind } from '../../src/model/schema';
import { conceptTiers } from '../../src/model/tiers';
import { makeConcept, makeRelation } from '../fixtures/atlas-fixture';
import { loadRealAtlas } from '../fixtures/real-atlas';

/** Concepts of the given kinds, named as the keys say. */
const conceptsOf = (kinds: Record<string, ConceptKind>) =>
  Object.entries(kinds).map(([id, kind]) => makeConcept({ id, kind }));

describe('tiers', () => {
  it('puts the backbone kinds first and the illustrations last', () => {
    const concepts = conceptsOf({
      claim: 'thesis',
      pillar: 'pillar',
      how: 'direction',
      image: 'metaphor',
      case: 'example',
    });
    const tiers = conceptTiers({ concepts, relations: [] });
    expect(Object.fromEntries(tiers)).toEqual({ claim: 1, pillar: 1, how: 2, image: 3, case: 3 });
  });

  it('raises a general idea as connected as the backbone to the backbone', () => {
    const concepts = conceptsOf({
      claim: 'thesis',
      hub: 'idea',
      side: 'idea',
      a: 'example',
      b: 'example',
    });
    const relations = [
      makeRelation({ source: 'claim', target: 'a' }),
      makeRelation({ source: 'claim', target: 'b' }),
      makeRelation({ source: 'hub', target: 'a' }),
      makeRelation({ source: 'hub', target: 'b' }),
      makeRelation({ source: 'side', target: 'a' }),
    ];
    const tiers = conceptTiers({ concepts, relations });
    expect([tiers.get('hub'), tiers.get('side')]).toEqual([1, 2]);
  });

  it('lets a curated tier win', () => {
    const concepts = [
      makeConcept({ id: 'claim', kind: 'thesis', tier: 2 }),
      makeConcept({ id: 'case', kind: 'example', tier: 1 }),
    ];
    expect(Object.fromEntries(conceptTiers({ concepts, relations: [] }))).toEqual({
      claim: 2,
      case: 1,
    });
  });

  it('gives the built-in map a backbone of about twenty concepts, the title concept among them', () => {
    const { graph } = loadRealAtlas();
    const tiers = conceptTiers(graph);
    const backbone = graph.concepts.filter((c) => tiers.get(c.id) === 1).map((c) => c.id);
    expect(backbone.length).toBeGreaterThanOrEqual(17);
    expect(backbone.length).toBeLessThanOrEqual(30);
    expect(backbone).toContain('new-quality-productive-forces');
    for (const kind of ['thesis', 'keyword', 'pillar', 'pair', 'leap'] as const) {
      for (const c of graph.concepts.filter((c) => c.kind === kind))
        expect(tiers.get(c.id)).toBe(1);
    }
  });
});
