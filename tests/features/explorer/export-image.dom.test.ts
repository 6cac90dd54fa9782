import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportMap } from '../../../src/features/explorer/export-image';
import type { Drawing } from '../../../src/model/map-drawing';

// Copying the page into an image took ten seconds for the whole map: it must not be used for it.
vi.mock('html-to-image', () => ({
  toPng: vi.fn(() => Promise.reject(new Error('the page was copied'))),
}));

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
} as unknown as Drawing;

describe('the whole map as a PNG', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is drawn from the map’s vector drawing, not by copying the page', async () => {
    const drawn: string[] = [];
    const urls: Blob[] = [];
    vi.stubGlobal('URL', {
      ...URL,
      createObjectURL: (blob: Blob) => {
        urls.push(blob);
        return 'blob:drawing';
      },
      revokeObjectURL: vi.fn(),
    });
    vi.stubGlobal(
      'Image',
      class {
        src = '';
        naturalWidth = 4000;
        naturalHeight = 3000;
        decode = () => Promise.resolve();
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
      fillRect: () => drawn.push('background'),
      drawImage: () => drawn.push('drawing'),
      fillStyle: '',
    } as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AA');
    const url = await exportMap({
      format: 'png',
      scope: 'whole',
      flowElement: document.createElement('div'),
      nodesBounds: { x: 0, y: 0, width: 4000, height: 3000 },
      drawing,
      title: 'A map',
    });
    expect(url).toBe('data:image/png;base64,AA');
    expect(drawn).toEqual(['background', 'drawing']);
    expect(urls[0]!.type).toBe('image/svg+xml');
    expect(await urls[0]!.text()).toContain('Traditional industries');
  });
});
