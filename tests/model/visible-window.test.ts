import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  conceptsInWindow,
  visibleWindow,
  windowFromKey,
  windowKey,
} from '../../src/model/visible-window';

const contains = (
  outer: { x: number; y: number; width: number; height: number },
  inner: typeof outer,
) =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height;

describe('visibleWindow', () => {
  it('covers the viewport with a margin, in map coordinates', () => {
    // 1000 x 600 pixels at zoom 2, panned so that the map point (100, 50) is at the top left.
    const window = visibleWindow([-200, -100, 2], 1000, 600)!;
    const viewport = { x: 100, y: 50, width: 500, height: 300 };
    expect(contains(window, viewport)).toBe(true);
    // A cell is a power of two of at most a quarter of the shorter side, with one cell all round.
    expect(window.x).toBeLessThanOrEqual(100 - 64);
    expect(window.width * window.height).toBeLessThan(3 * viewport.width * viewport.height);
  });

  it('stays the same for a small pan and changes when the view reaches a new cell', () => {
    const at = (x: number) => windowKey(visibleWindow([x, 0, 1], 1366, 768));
    expect(at(-10)).toBe(at(-12));
    expect(at(-10)).not.toBe(at(-10 - 300));
  });

  it('grows with the zoomed-out viewport, and is null while the viewport has no size', () => {
    const near = visibleWindow([0, 0, 1], 1366, 768)!;
    const far = visibleWindow([0, 0, 0.5], 1366, 768)!;
    expect(far.width).toBeGreaterThan(1.8 * near.width);
    expect(visibleWindow([0, 0, 1], 0, 768)).toBeNull();
    expect(visibleWindow([0, 0, 0], 1366, 768)).toBeNull();
  });

  it('round-trips through its key, and reads no window from an empty or broken key', () => {
    const window = visibleWindow([-3000, 500, 0.75], 1366, 768);
    expect(windowFromKey(windowKey(window))).toEqual(window);
    expect(windowFromKey('')).toBeNull();
    expect(windowFromKey('1 2 x 4')).toBeNull();
  });
});

describe('conceptsInWindow and boundsOf', () => {
  const boxes = new Map([
    ['a', { x: 0, y: 0, width: 100, height: 50 }],
    ['b', { x: 90, y: 40, width: 100, height: 50 }],
    ['c', { x: 1000, y: 1000, width: 100, height: 50 }],
  ]);

  it('finds the concepts whose boxes reach into the window, not those that only touch it', () => {
    expect([...conceptsInWindow(boxes, { x: 95, y: 45, width: 10, height: 10 })].sort()).toEqual([
      'a',
      'b',
    ]);
    expect([...conceptsInWindow(boxes, { x: 190, y: 90, width: 500, height: 500 })]).toEqual([]);
  });

  it('bounds a set of boxes, and nothing', () => {
    expect(boundsOf(boxes.values())).toEqual({ x: 0, y: 0, width: 1100, height: 1050 });
    expect(boundsOf([])).toBeNull();
  });
});
