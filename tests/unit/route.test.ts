import { describe, expect, it } from 'vitest';
import { defaultRoute, formatRoute, parseHash } from '../../src/lib/route';

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
