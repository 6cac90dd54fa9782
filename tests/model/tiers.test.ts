import { describe, expect, it } from 'vitest';
import { conceptTiers } from '../../src/model/tiers';
import { makeConcept, makeRelation } from '../fixtures/atlas-fixture';
import { loadRealAtlas } from '../fixtures/real-atlas';

describe('tiers', () => {
  it('puts the backbone kinds first and the illustrations last', () => {
    const concepts = [
      makeConcept({ id: 'claim', kind: 'thesis' }),
      makeConcept({ id: 'pillar', kind: 'pillar' }),
      makeConcept({ id: 'how', kind: 'direction' }),
      makeConcept({ id: 'image', kind: 'metaphor' }),
      makeConcept({ id: 'case', kind: 'example' }),
    ];
    const tiers = conceptTiers({ concepts, relations: [] });
    expect(Object.fromEntries(tiers)).toEqual({ claim: 1, pillar: 1, how: 2, image: 3, case: 3 });
  });

  it('raises a general idea as connected as the backbone to the backbone', () => {
    const concepts = [
      makeConcept({ id: 'claim', kind: 'thesis' }),
      makeConcept({ id: 'hub', kind: 'idea' }),
      makeConcept({ id: 'side', kind: 'idea' }),
      makeConcept({ id: 'a', kind: 'example' }),
      makeConcept({ id: 'b', kind: 'example' }),
    ];
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
