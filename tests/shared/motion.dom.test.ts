import { afterEach, describe, expect, it, vi } from 'vitest';
import { cameraDuration, prefersReducedMotion } from '../../src/shared/motion';

function mockReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
    media: query,
    addEventListener() {},
    removeEventListener() {},
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('motion', () => {
  it('moves the camera smoothly by default', () => {
    mockReducedMotion(false);
    expect(prefersReducedMotion()).toBe(false);
    expect(cameraDuration(600)).toBe(600);
  });

  it('moves the camera instantly when the user prefers reduced motion', () => {
    mockReducedMotion(true);
    expect(prefersReducedMotion()).toBe(true);
    expect(cameraDuration(600)).toBe(0);
  });
});
