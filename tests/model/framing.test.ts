import { describe, expect, it } from 'vitest';
import {
  insetsOf,
  MIN_FRAME_ZOOM,
  readableViewport,
  SELECTED_FULL_ZOOM,
} from '../../src/model/framing';
import { FULL_DETAIL_ZOOM } from '../../src/model/level-of-detail';

const pane = { width: 800, height: 600 };
const none = { top: 0, right: 0, bottom: 0, left: 0 };
const box = (x: number, y: number, width = 200, height = 60) => ({ x, y, width, height });

/** The part of the map the viewport shows, in map units. */
function shown(viewport: { x: number; y: number; zoom: number }) {
  return {
    left: -viewport.x / viewport.zoom,
    top: -viewport.y / viewport.zoom,
    right: (pane.width - viewport.x) / viewport.zoom,
    bottom: (pane.height - viewport.y) / viewport.zoom,
  };
}

describe('framing a selection where it reads', () => {
  it('frames the whole neighbourhood when it fits at a readable zoom', () => {
    const frame = box(0, 0, 1200, 800);
    const viewport = readableViewport(box(0, 0), frame, pane, none, 1.1);
    expect(viewport.zoom).toBeCloseTo(0.667, 2);
    const seen = shown(viewport);
    expect(seen.left).toBeCloseTo(0);
    expect(seen.right).toBeCloseTo(1200);
  });

  it('comes no further out than the readable zoom, keeping the selection well in view', () => {
    const selected = box(0, 0);
    const frame = box(0, 0, 6000, 4000);
    const viewport = readableViewport(selected, frame, pane, none, 1.1);
    expect(viewport.zoom).toBe(MIN_FRAME_ZOOM);
    const seen = shown(viewport);
    const margin = (pane.width / viewport.zoom) * 0.2;
    expect(seen.left).toBeLessThanOrEqual(selected.x - margin + 0.001);
    expect(seen.right).toBeGreaterThan(selected.x + selected.width);
    // It leans towards the neighbourhood, which lies right and below.
    expect((seen.left + seen.right) / 2).toBeGreaterThan(selected.x + selected.width / 2);
  });

  it('goes the little further to draw the selection’s own label at 16 px', () => {
    const frame = box(0, 0, 800 / ((FULL_DETAIL_ZOOM + SELECTED_FULL_ZOOM) / 2), 100);
    const viewport = readableViewport(box(0, 0), frame, pane, none, 1.1);
    expect(viewport.zoom).toBeCloseTo(SELECTED_FULL_ZOOM);
  });

  it('leaves room where something covers the pane', () => {
    const frame = box(0, 0, 400, 300);
    const viewport = readableViewport(null, frame, pane, { ...none, left: 200 }, 1);
    expect(viewport.x).toBeGreaterThanOrEqual(200);
  });

  it('reads React Flow’s padding as fractions or pixels', () => {
    expect(insetsOf(0.1, pane)).toEqual({ top: 60, bottom: 60, left: 80, right: 80 });
    expect(insetsOf({ top: 0.1, right: 0.1, bottom: 0.1, left: '212px' }, pane).left).toBe(212);
  });
});
