import { describe, expect, it } from 'vitest';
import { conceptAtOverview } from '../../../../src/features/explorer/map/overview-hit-test';

/** A camera at `zoom` with the flow's origin at the screen's. */
const camera = (zoom: number) => ({
  getZoom: () => zoom,
  screenToFlowPosition: ({ x, y }: { x: number; y: number }) => ({ x: x / zoom, y: y / zoom }),
});

const boxes = new Map([
  ['left', { x: 0, y: 0, width: 100, height: 10 }],
  ['right', { x: 300, y: 0, width: 100, height: 10 }],
]);

const click = (x: number, y: number) => ({ clientX: x, clientY: y });

describe('conceptAtOverview', () => {
  it('finds the box under the click', () => {
    expect(conceptAtOverview(camera(0.1), boxes, undefined, click(5, 0.5))).toBe('left');
    expect(conceptAtOverview(camera(0.1), boxes, undefined, click(35, 0.5))).toBe('right');
  });

  it('reaches a few screen pixels past a box, and no further', () => {
    // 6 screen pixels at a zoom of 0.1 are 60 map units.
    expect(conceptAtOverview(camera(0.1), boxes, undefined, click(15.5, 0.5))).toBe('left');
    expect(conceptAtOverview(camera(0.1), boxes, undefined, click(20, 0.5))).toBeNull();
  });

  it('passes over hidden concepts', () => {
    expect(conceptAtOverview(camera(0.1), boxes, new Set(['left']), click(5, 0.5))).toBeNull();
  });

  it('finds nothing once the map is zoomed in to its concepts', () => {
    expect(conceptAtOverview(camera(0.5), boxes, undefined, click(5, 0.5))).toBeNull();
  });
});
