import { describe, expect, it } from 'vitest';
import { dropIndex, movedWords } from '../../../src/features/authoring/step-order';

describe('where a dragged step lands', () => {
  // The middles of the other steps, top to bottom.
  const middles = [100, 200, 300];

  it('lands before the first step whose middle lies below the pointer', () => {
    expect(dropIndex(middles, 20)).toBe(0);
    expect(dropIndex(middles, 150)).toBe(1);
    expect(dropIndex(middles, 299)).toBe(2);
    expect(dropIndex(middles, 301)).toBe(3);
    expect(dropIndex([], 50)).toBe(0);
  });

  it('says where it now stands', () => {
    expect(movedWords(' Water ', 0, 3)).toBe('“Water” is now step 1 of 3.');
    expect(movedWords('', 2, 3)).toBe('The step is now step 3 of 3.');
  });
});
