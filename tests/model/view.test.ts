import { describe, expect, it } from 'vitest';
import { computeView, type ViewInput } from '../../src/model/view';
import { makeConcept, makeGraph, makeRelation } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';

const base: ViewInput = {
  selectedId: null,
  focusDepth: 0,
  focusMode: 'fade',
  hiddenKinds: [],
  hiddenSections: [],
  searchMatches: [],
  showCrossLinks: false,
};

// water <- pipes <- veins ; water <- rain
const atlas = await fixtureAtlas();

describe('computeView', () => {
  it('draws everything plainly when nothing is selected, hiding only links across sections', () => {
    const view = computeView(atlas, base);
    expect(view.hidden.size).toBe(0);
    expect(view.conceptClass.size).toBe(0);
    expect(view.dimming.size).toBe(0);
    expect([...view.hiddenEdges].sort()).toEqual(['r-pipes-water', 'r-rain-water']);
    expect(computeView(atlas, { ...base, showCrossLinks: true }).hiddenEdges.size).toBe(0);
  });

  it('brings out the selection and its neighbours and fades the rest', () => {
    const view = computeView(atlas, { ...base, selectedId: 'pipes' });
    expect(view.conceptClass.get('pipes')).toBe('is-selected');
    expect(view.conceptClass.get('water')).toBe('is-neighbour');
    expect(view.conceptClass.get('veins')).toBe('is-neighbour');
    expect(view.conceptClass.get('rain')).toBe('is-faded');
    expect([...view.dimming]).toEqual(['is-faded']);
    expect([...view.emphasisedEdges].sort()).toEqual(['r-pipes-water', 'r-veins-pipes']);
    expect([...view.frame].sort()).toEqual(['pipes', 'veins', 'water']);
  });

  it('focuses on n steps, fading or hiding the rest', () => {
    const fade = computeView(atlas, { ...base, selectedId: 'veins', focusDepth: 2 });
    expect(fade.conceptClass.get('water')).toBe('is-neighbour');
    expect(fade.conceptClass.get('rain')).toBe('is-faded');
    const hide = computeView(atlas, {
      ...base,
      selectedId: 'veins',
      focusDepth: 2,
      focusMode: 'hide',
    });
    expect([...hide.hidden]).toEqual(['rain']);
    // Hidden, not faded: nothing on the map is dimmed.
    expect(hide.dimming.size).toBe(0);
    expect(hide.hiddenEdges.has('r-rain-water')).toBe(true);
    const wider = computeView(atlas, {
      ...base,
      selectedId: 'veins',
      focusDepth: 3,
      focusMode: 'hide',
    });
    expect(wider.hidden.size).toBe(0);
  });

  it('hides filtered kinds and sections, and their relations', () => {
    const view = computeView(atlas, {
      ...base,
      hiddenKinds: ['metaphor'],
      hiddenSections: ['rain'],
    });
    expect([...view.hidden].sort()).toEqual(['rain', 'veins']);
    expect(view.hiddenEdges.has('r-veins-pipes')).toBe(true);
    expect(view.hiddenSections.has('rain')).toBe(true);
  });

  it('combines search with focus and filters', () => {
    const view = computeView(atlas, {
      ...base,
      selectedId: 'water',
      searchMatches: ['rain', 'veins'],
      hiddenKinds: ['metaphor'],
    });
    expect(view.conceptClass.get('rain')).toBe('is-neighbour is-match');
    expect(view.conceptClass.get('pipes')).toBe('is-neighbour is-unmatched');
    expect(view.hidden.has('veins')).toBe(true);
    expect([...view.dimming].sort()).toEqual(['is-faded', 'is-unmatched']);
  });

  it('frames only what is visible', async () => {
    const small = await fixtureAtlas(
      makeGraph({
        concepts: [
          ...makeGraph().concepts,
          makeConcept({
            id: 'snow',
            kind: 'example',
            section: 'rain',
            passages: [{ exact: 'Rain fills the reservoir.' }],
          }),
        ],
        relations: [...makeGraph().relations, makeRelation({ source: 'snow', target: 'water' })],
      }),
    );
    const view = computeView(small, { ...base, selectedId: 'water', hiddenKinds: ['example'] });
    expect([...view.frame].sort()).toEqual(['pipes', 'water']);
  });
});
