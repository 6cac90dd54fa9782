import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { floatingEnds } from '../../src/model/floating';

describe('edge ends on the borders of two boxes', () => {
  const left = { x: 0, y: 0, width: 100, height: 40 };
  it('leaves each box on the side that faces the other', () => {
    expect(floatingEnds(left, { x: 300, y: 0, width: 100, height: 40 })).toEqual({
      sourceX: 100,
      sourceY: 20,
      sourcePosition: Position.Right,
      targetX: 300,
      targetY: 20,
      targetPosition: Position.Left,
    });
    const below = floatingEnds(left, { x: 0, y: 200, width: 100, height: 40 });
    expect(below).toMatchObject({
      sourceY: 40,
      sourcePosition: Position.Bottom,
      targetY: 200,
      targetPosition: Position.Top,
    });
  });

  it('stays at the centre when the boxes coincide or have no size', () => {
    expect(floatingEnds(left, left)).toMatchObject({ sourceX: 50, sourceY: 20 });
    const nowhere = { x: 0, y: 0, width: 0, height: 0 };
    expect(floatingEnds(nowhere, left)).toMatchObject({ sourceX: 0, sourceY: 0 });
  });
});
