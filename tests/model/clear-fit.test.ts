import { describe, expect, it } from 'vitest';
import { clearFit, type ClearFitInput } from '../../src/model/clear-fit';
import type { Box } from '../../src/model/floating';
import type { Viewport } from '../../src/model/framing';

const pane = { width: 1000, height: 800 };
const insets = { top: 10, right: 10, bottom: 10, left: 10 };
/** A map of 980 x 490 units: at zoom 1 it fills the pane's width, with 300 pixels to spare below. */
const content: Box = { x: 0, y: 0, width: 980, height: 490 };
/** Concepts along the map's edges, and one in its middle. */
const corners: Box[] = [
  { x: 0, y: 0, width: 200, height: 50 },
  { x: 780, y: 0, width: 200, height: 50 },
  { x: 0, y: 440, width: 200, height: 50 },
  { x: 780, y: 440, width: 200, height: 50 },
  { x: 390, y: 220, width: 200, height: 50 },
];

const fit = (overrides: Partial<ClearFitInput>): Viewport =>
  clearFit({
    content,
    boxes: corners,
    covers: [],
    pane,
    insets,
    minZoom: 0.05,
    maxZoom: 2,
    ...overrides,
  });

/** The concepts' boxes on screen that lie on a cover. */
function covered(viewport: Viewport, boxes: readonly Box[], covers: readonly Box[]): Box[] {
  return boxes
    .map((b) => ({
      x: b.x * viewport.zoom + viewport.x,
      y: b.y * viewport.zoom + viewport.y,
      width: b.width * viewport.zoom,
      height: b.height * viewport.zoom,
    }))
    .filter((b) =>
      covers.some(
        (c) =>
          b.x < c.x + c.width &&
          b.x + b.width > c.x &&
          b.y < c.y + c.height &&
          b.y + b.height > c.y,
      ),
    );
}

function insidePane(viewport: Viewport, framed: Box = content): boolean {
  const left = framed.x * viewport.zoom + viewport.x;
  const top = framed.y * viewport.zoom + viewport.y;
  const right = left + framed.width * viewport.zoom;
  const bottom = top + framed.height * viewport.zoom;
  const e = 1e-6;
  return (
    left >= insets.left - e &&
    top >= insets.top - e &&
    right <= pane.width - insets.right + e &&
    bottom <= pane.height - insets.bottom + e
  );
}

describe('fitting the whole map clear of what covers it', () => {
  it('centres the map as a plain fit does when nothing covers a concept', () => {
    const farAway = [{ x: 0, y: 700, width: 100, height: 100 }];
    expect(fit({ covers: farAway })).toEqual({ x: 10, y: 155, zoom: 1 });
    expect(fit({})).toEqual({ x: 10, y: 155, zoom: 1 });
  });

  it('moves the map, at the same zoom, where the room to spare lets it clear a cover', () => {
    // An Export button over the top right corner's concept, as the map is centred.
    const exportButton = [{ x: 880, y: 150, width: 110, height: 50 }];
    const viewport = fit({ covers: exportButton });
    expect(viewport.zoom).toBe(1);
    expect(covered(viewport, corners, exportButton)).toEqual([]);
    expect(insidePane(viewport)).toBe(true);
    // Moved down just enough, not to the bottom of the pane.
    expect(viewport.y).toBe(200);
  });

  it('zooms out, and little, where covers in opposite corners leave no room to move', () => {
    // The zoom buttons at the bottom left and a minimap at the bottom right, over a map that
    // fills the pane both ways.
    const full: Box = { x: 0, y: 0, width: 980, height: 780 };
    const boxes = [
      { x: 0, y: 730, width: 200, height: 50 },
      { x: 780, y: 730, width: 200, height: 50 },
      { x: 390, y: 0, width: 200, height: 50 },
    ];
    const covers = [
      { x: 0, y: 700, width: 60, height: 100 },
      { x: 780, y: 690, width: 220, height: 110 },
    ];
    const plain = fit({ content: full, boxes });
    const viewport = fit({ content: full, boxes, covers });
    expect(covered(plain, boxes, covers).length).toBeGreaterThan(0);
    expect(covered(viewport, boxes, covers)).toEqual([]);
    expect(viewport.zoom).toBeLessThan(plain.zoom);
    // The bottom concepts need only rise above the minimap's 110 pixels.
    expect(viewport.zoom).toBeGreaterThan(plain.zoom * 0.8);
    expect(insidePane({ ...viewport }, full)).toBe(true);
  });

  it('frames the map plainly when nothing it could do would clear the covers', () => {
    const everything = [{ x: 0, y: 0, width: 1000, height: 800 }];
    expect(fit({ covers: everything })).toEqual(fit({}));
  });

  it('clears every concept of a large map, thousands of them, of four covers', () => {
    const boxes: Box[] = [];
    for (let i = 0; i < 5000; i += 1) {
      boxes.push({ x: (i % 100) * 300, y: Math.floor(i / 100) * 120, width: 220, height: 60 });
    }
    const big: Box = { x: 0, y: 0, width: 30_000, height: 6000 };
    const covers = [
      { x: 0, y: 0, width: 200, height: 50 },
      { x: 880, y: 0, width: 120, height: 50 },
      { x: 0, y: 700, width: 60, height: 100 },
      { x: 780, y: 690, width: 220, height: 110 },
    ];
    const viewport = fit({ content: big, boxes, covers, minZoom: 0.01 });
    expect(covered(viewport, boxes, covers)).toEqual([]);
  });
});
