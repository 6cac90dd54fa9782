import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import { downloadBlob } from '../../../src/shared/download';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { atlasWithTour, fixtureTour } from '../../fixtures/tour-fixture';

vi.mock('../../../src/shared/download', () => ({ downloadBlob: vi.fn() }));

/** What reached the canvas: the SVG drawn into it, the canvas's size, how the PNG was encoded. */
type Drawn = { svg: string; width: number; height: number; steps: string[] };

/**
 * A browser's image and canvas, as far as the export uses them: the image takes its size from the
 * SVG's width and height, as Chromium's does, and its decoding waits for `decoded` when a test
 * holds it, so that the test can look at the page while the picture is being made.
 */
function stubCanvas() {
  const drawn: Drawn = { svg: '', width: 0, height: 0, steps: [] };
  let release = () => {};
  const hold = { on: false, decoded: Promise.resolve() };
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
        if (hold.on) await hold.decoded;
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
      // The map and the drawing measure their text: about 0.55 of its size a character.
      measureText(this: { font: string }, text: string) {
        const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 16);
        return { width: text.length * px * 0.55 };
      },
      font: '',
      fillStyle: '',
    } as unknown as CanvasRenderingContext2D;
  } as unknown as HTMLCanvasElement['getContext']);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) => {
    drawn.steps.push('encoded apart');
    done(new Blob(['png'], { type: 'image/png' }));
  });
  return {
    drawn,
    /** Holds the decoding until `release()`. */
    hold() {
      hold.on = true;
      hold.decoded = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

let canvas: ReturnType<typeof stubCanvas>;

beforeEach(() => {
  canvas = stubCanvas();
  vi.mocked(downloadBlob).mockReset();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function present(step: number, view: 'tour' | 'presenter' = 'tour') {
  useAtlasStore.getState().setAtlas(await atlasWithTour());
  useAtlasStore.setState({ view, tour: { id: fixtureTour.id, step } });
  const user = userEvent.setup();
  render(<App />);
  const button = await screen.findByRole('button', { name: 'Export this step as an image' });
  return { user, button };
}

const saved = () => vi.mocked(downloadBlob).mock.calls;

describe('exporting a tour step as an image', () => {
  it('is offered among the tour’s tools, in words, as a button', async () => {
    const { button } = await present(2);
    expect(button.closest('.tour-card__tools')).not.toBeNull();
    expect(button).toHaveTextContent('Export this step as an image');
    expect(button).toHaveClass('button');
  });

  it('says it is preparing the image, then saves a 1920x1080 PNG named after the tour and step', async () => {
    const { user, button } = await present(2);
    canvas.hold();
    await user.click(button);
    const status = within(button.closest('.step-export')!).getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Preparing image…'));
    expect(saved()).toHaveLength(0);
    canvas.release();
    await waitFor(() => expect(saved()).toHaveLength(1));
    const [image, name] = saved()[0]!;
    expect(image.type).toBe('image/png');
    expect(name).toBe('a-small-tour-step-2-pipes.png');
    // The projector's size, from the step's own drawing, encoded off the page's thread.
    expect({ width: canvas.drawn.width, height: canvas.drawn.height }).toEqual({
      width: 1920,
      height: 1080,
    });
    expect(canvas.drawn.steps).toEqual(['background', 'drawing', 'encoded apart']);
    const svg = new DOMParser().parseFromString(canvas.drawn.svg, 'image/svg+xml');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    // What the class reads: the tour, the progress, the step's title and text, its concepts.
    expect(texts).toEqual(
      expect.arrayContaining(['A small tour', 'Step 2 of 3', 'Pipes', 'Pipes carry it.']),
    );
    expect(texts).toEqual(expect.arrayContaining(['pipes', 'veins']));
    // Its concepts named at the class's size, and no text too small to read.
    const sizes = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    const label = [...svg.querySelectorAll('text')].find((t) => t.textContent === 'veins');
    expect(Number(label?.getAttribute('font-size'))).toBeGreaterThanOrEqual(32);
    await waitFor(() => expect(status).toHaveTextContent(''));
  });

  it('draws the picture in the projector theme’s darker ink where the theme is on', async () => {
    const fills = async () => {
      await waitFor(() => expect(canvas.drawn.svg).not.toBe(''));
      const svg = new DOMParser().parseFromString(canvas.drawn.svg, 'image/svg+xml');
      const title = [...svg.querySelectorAll('text')].find((t) => t.textContent === 'Pipes');
      return title?.getAttribute('fill');
    };
    const { user, button } = await present(2);
    await user.click(button);
    await waitFor(() => expect(saved()).toHaveLength(1));
    expect(await fills()).toBe('#1b1f24');
    canvas.drawn.svg = '';
    act(() => useAtlasStore.setState({ theme: 'projector' }));
    await user.click(button);
    await waitFor(() => expect(saved()).toHaveLength(2));
    expect(await fills()).toBe('#000000');
  });

  it('is reached and pressed from the keyboard, and a second press while it works makes no second file', async () => {
    const { user, button } = await present(1);
    canvas.hold();
    for (let i = 0; i < 30 && document.activeElement !== button; i += 1) await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    await user.keyboard('{Enter}');
    canvas.release();
    await waitFor(() => expect(saved()).toHaveLength(1));
    expect(saved()[0]![1]).toBe('a-small-tour-step-1-cities-need-water.png');
    // The step is still the one it was: the keys went to the button, not to the tour.
    expect(useAtlasStore.getState().tour?.step).toBe(1);
    expect(button).toHaveFocus();
  });

  it('says so when the image cannot be made, and saves nothing', async () => {
    const { user, button } = await present(3);
    vi.mocked(HTMLCanvasElement.prototype.toBlob).mockImplementation((done) => done(null));
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The image could not be made: the image is too large. Please try again.',
    );
    expect(saved()).toHaveLength(0);
  });

  it('is offered in the presenter view too, for the step the presenter is on', async () => {
    const { user, button } = await present(3, 'presenter');
    expect(button.closest('.presenter__header')).not.toBeNull();
    await user.click(button);
    await waitFor(() => expect(saved()).toHaveLength(1));
    expect(saved()[0]![1]).toBe('a-small-tour-step-3-rain.png');
  });
});
