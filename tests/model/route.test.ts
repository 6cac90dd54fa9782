import { describe, expect, it } from 'vitest';
import { defaultRoute, formatRoute, parseHash } from '../../src/model/route';

describe('URL routes', () => {
  it('reads a shared view: concept, focus depth, mode and filters', () => {
    expect(
      parseHash(
        '#/concept/leap-value?depth=2&mode=hide&hide-kinds=example,idea&hide-sections=intro',
      ),
    ).toEqual({
      view: 'map',
      conceptId: 'leap-value',
      depth: 2,
      mode: 'hide',
      hiddenKinds: ['example', 'idea'],
      hiddenSections: ['intro'],
      tour: null,
      reveal: false,
    });
  });

  it('falls back to defaults for anything it does not understand', () => {
    expect(parseHash('')).toEqual(defaultRoute);
    expect(parseHash('#/nonsense/%E0%A4%A')).toEqual(defaultRoute);
    expect(parseHash('#/concept/x?depth=9&mode=explode&hide-kinds=villain')).toEqual({
      ...defaultRoute,
      conceptId: 'x',
    });
  });

  it('writes the shortest hash and reads it back to the same route', () => {
    expect(formatRoute(defaultRoute)).toBe('#/');
    const route = {
      ...defaultRoute,
      conceptId: 'pair-new-old',
      depth: 1 as const,
      hiddenKinds: ['metaphor' as const, 'example' as const],
    };
    const hash = formatRoute(route);
    expect(hash).toBe('#/concept/pair-new-old?depth=1&hide-kinds=example,metaphor');
    expect(parseHash(hash)).toEqual({ ...route, hiddenKinds: ['example', 'metaphor'] });
  });

  it('encodes ids so that any id survives the round trip', () => {
    const route = { ...defaultRoute, conceptId: 'a b/c?d' };
    expect(parseHash(formatRoute(route)).conceptId).toBe('a b/c?d');
  });
});

describe('views in the URL', () => {
  it('reads and writes the outline and quiz views', () => {
    expect(parseHash('#/outline')).toEqual({ ...defaultRoute, view: 'outline' });
    expect(parseHash('#/quiz')).toEqual({ ...defaultRoute, view: 'quiz' });
    expect(parseHash('#/outline/concept/leap-form?depth=1')).toMatchObject({
      view: 'outline',
      conceptId: 'leap-form',
      depth: 1,
    });
    expect(formatRoute({ ...defaultRoute, view: 'outline' })).toBe('#/outline');
    expect(formatRoute({ ...defaultRoute, view: 'outline', conceptId: 'x' })).toBe(
      '#/outline/concept/x',
    );
    expect(formatRoute({ ...defaultRoute, view: 'quiz' })).toBe('#/quiz');
  });
});

describe('tours in the URL', () => {
  it('reads a tour step and the presenter view, 1-based', () => {
    expect(parseHash('#/tour/whole-argument/3')).toMatchObject({
      view: 'tour',
      tour: { id: 'whole-argument', step: 3 },
      reveal: false,
    });
    expect(parseHash('#/presenter/dialectics/2?reveal=progressive')).toMatchObject({
      view: 'presenter',
      tour: { id: 'dialectics', step: 2 },
      reveal: true,
    });
    expect(parseHash('#/tour/whole-argument/zero').tour).toEqual({ id: 'whole-argument', step: 1 });
    expect(parseHash('#/tour').view).toBe('map');
  });

  it('writes tour steps back', () => {
    const route = { ...defaultRoute, view: 'tour' as const, tour: { id: 'dialectics', step: 4 } };
    expect(formatRoute(route)).toBe('#/tour/dialectics/4');
    expect(formatRoute({ ...route, view: 'presenter', reveal: true })).toBe(
      '#/presenter/dialectics/4?reveal=progressive',
    );
  });
});
