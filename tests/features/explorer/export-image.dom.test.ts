import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportMap } from '../../../src/features/explorer/export-image';
import { drawMap, type Drawing } from '../../../src/model/map-drawing';
import { fixtureAtlas } from '../../fixtures/load-fixture';

const drawing: Drawing = {
  viewBox: { x: 0, y: 0, width: 4000, height: 3000 },
  sections: [],
  relations: [],
  concepts: [
    {
      id: 'a',
      box: { x: 10, y: 10, width: 220, height: 54 },
      kind: 'Pillar',
      lines: ['Traditional industries'],
      colour: '#1d4ed8',
      tint: '#eff6ff',
    },
  ],
};

/** What reached the canvas: the SVG drawn into it, the canvas's size, how the PNG was encoded. */
type Drawn = { svg: string; width: number; height: number; steps: string[] };

/**
 * A browser's image and canvas, as far as the export uses them: the image takes its size from
 * the SVG's width and height, as Chromium's does.
 */
function stubCanvas(): Drawn {
  const drawn: Drawn = { svg: '', width: 0, height: 0, steps: [] };
  const blobs = new Map<string, Blob>();
  vi.stubGlobal(
    'URL',
    class extends URL {
      static override createObjectURL(blob: Blob) {
        const url = `blob:${blobs.size}`;
        blobs.set(url, blob);
        return url;
      }
      static override revokeObjectURL() {}
    },
  );
  vi.stubGlobal(
    'Image',
    class {
      src = '';
      naturalWidth = 0;
      naturalHeight = 0;
      async decode() {
        drawn.svg = await blobs.get(this.src)!.text();
        const svg = new DOMParser().parseFromString(drawn.svg, 'image/svg+xml').documentElement;
        this.naturalWidth = Math.ceil(Number(svg.getAttribute('width')));
        this.naturalHeight = Math.ceil(Number(svg.getAttribute('height')));
      }
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    drawn.width = this.width;
    drawn.height = this.height;
    return {
      fillRect: () => drawn.steps.push('background'),
      drawImage: () => drawn.steps.push('drawing'),
      fillStyle: '',
    } as unknown as CanvasRenderingContext2D;
  } as unknown as HTMLCanvasElement['getContext']);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) => {
    drawn.steps.push('encoded apart');
    done(new Blob(['png'], { type: 'image/png' }));
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(() => {
    drawn.steps.push('encoded in place');
    return 'data:image/png;base64,AA';
  });
  return drawn;
}

describe('exporting the map as an image', () => {
  let drawn: Drawn;
  beforeEach(() => {
    drawn = stubCanvas();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('draws the whole map as a PNG from its vector drawing, encoded off the main thread', async () => {
    const image = await exportMap({
      format: 'png',
      scope: 'whole',
      drawing,
      zoom: 0.2,
      title: 'A map',
    });
    expect(image.type).toBe('image/png');
    expect(drawn.steps).toEqual(['background', 'drawing', 'encoded apart']);
    expect(drawn.svg).toContain('Traditional industries');
  });

  it('draws the current view from the drawing, at twice the size the map shows it', async () => {
    const atlas = await fixtureAtlas();
    // 800 x 600 pixels of map on screen at zoom 2: 400 x 300 units of the map.
    const frame = { x: 50, y: 25, width: 400, height: 300 };
    const image = await exportMap({
      format: 'png',
      scope: 'view',
      drawing: drawMap(atlas, { frame }),
      zoom: 2,
      title: 'A map',
    });
    expect(image.type).toBe('image/png');
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: 1600, height: 1200 });
    expect(drawn.steps).toEqual(['background', 'drawing', 'encoded apart']);
    const svg = new DOMParser().parseFromString(drawn.svg, 'image/svg+xml').documentElement;
    expect(svg.getAttribute('viewBox')).toBe('50 25 400 300');
    expect(svg.querySelector('foreignObject')).toBeNull();
  });

  it('draws a zoomed-out view larger than the screen, so that its labels read', async () => {
    const atlas = await fixtureAtlas();
    // 800 x 600 pixels of map at zoom 0.1: a 15 px label would be 1.5 px.
    const frame = { x: 0, y: 0, width: 8000, height: 6000 };
    await exportMap({
      format: 'png',
      scope: 'view',
      drawing: drawMap(atlas, { frame }),
      zoom: 0.1,
      title: 'A map',
    });
    // At half size, twice the density: labels at 15 pixels of the image.
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: 8000, height: 6000 });
  });

  it('writes the SVG as the drawing itself, without a canvas', async () => {
    const image = await exportMap({
      format: 'svg',
      scope: 'whole',
      drawing,
      zoom: 1,
      title: 'A map',
    });
    expect(image.type).toBe('image/svg+xml');
    const text = await image.text();
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('<title>A map</title>');
    expect(drawn.steps).toEqual([]);
  });

  it('refuses a drawing with no concept in it', async () => {
    await expect(
      exportMap({
        format: 'png',
        scope: 'view',
        drawing: { ...drawing, concepts: [] },
        zoom: 1,
        title: 'A map',
      }),
    ).rejects.toThrow('there is nothing on the map to export');
  });
});
