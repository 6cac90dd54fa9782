import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE_NAME, type Bundle } from '../../src/model/bundle-format';
import { kindStyles } from '../../src/model/kinds';
import { loadAtlas } from '../../src/model/atlas';
import {
  PROJECTOR,
  stepImageName,
  stepScene,
  TOUR_MAP_COVERS,
  tourMapPane,
} from '../../src/model/step-slide';
import type { Tour } from '../../src/model/tours';
import { tourStepView } from '../../src/model/view';
import { useBrowser } from './harness';

const read = (name: string) => readFileSync(`data/${name}`, 'utf8');
const loaded = loadAtlas(
  read('article.md'),
  JSON.parse(read('graph.json')) as unknown,
  JSON.parse(read('layout.json')) as unknown,
  JSON.parse(read('tours.json')) as unknown,
);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const atlas = loaded.atlas;
const whole = atlas.tours.find((t) => t.id === 'whole-argument')!;

/**
 * Every built-in step is brought together as a close-up on a projector (the map has no room for
 * all of its phrases): a tour of steps that stay on the map, opened as a bundle of the built-in
 * content. Two images with the pillars they stand for, and the pillars alone.
 */
const onTheMap: Tour = {
  id: 'slides',
  title: 'Steps on the map',
  description: 'Steps whose names and phrases the map has room for.',
  steps: [
    {
      title: 'Two images',
      text: 'The chassis and the engine, each beside the pillar it stands for.',
      concepts: [
        'metaphor-chassis',
        'traditional-industries',
        'metaphor-engine',
        'emerging-future-industries',
      ],
      notes: 'Which image fits best?',
    },
    {
      title: 'The pillars',
      text: 'The four pillars, each in its own section.',
      concepts: [
        'traditional-industries',
        'emerging-future-industries',
        'service-industry',
        'modern-infrastructure',
      ],
      notes: 'Which pillar comes first?',
    },
  ],
};
const bundle = (): Bundle => {
  const example = JSON.parse(readFileSync(`dist/${BUNDLE_FILE_NAME}`, 'utf8')) as Bundle;
  return { ...example, tours: { schemaVersion: 1, tours: [onTheMap] } };
};

/** Width and height from a PNG's header: the signature, then the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('the PNG has no IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Where the camera frames a step on the projector: the map's own rule, from the layout. */
function cameraFor(tour: Tour, step: number) {
  const view = tourStepView(atlas, tour, step, false);
  const { width, height } = tourMapPane(PROJECTOR);
  return stepScene({ atlas, view, pane: { width, height }, screenWidth: PROJECTOR.width }).viewport;
}

/** Whether the map's camera stands where `expected` says, to the style's own rounding. */
async function cameraAt(page: Page, expected: { x: number; y: number; zoom: number }) {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const [x, y, zoom] = [...style.matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((m) => Number(m[0]));
  return (
    Math.abs(x! - expected.x) < 0.01 &&
    Math.abs(y! - expected.y) < 0.01 &&
    Math.abs(zoom! - expected.zoom) < 1e-5
  );
}

type Region = { id: string; colour: string; x: number; y: number; width: number; height: number };

/**
 * Counts, in the PNG decoded by the page, for each region: the pixels of its colour, of the
 * map's ink (text) and of white; and the pixels of the accent colour in the progress bar's row.
 */
function look(page: Page, png: Buffer, regions: Region[]) {
  return page.evaluate(
    async ({ base64, regions }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data, width } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      const near = (at: number, [r, g, b]: number[], within: number) =>
        Math.abs(data[at]! - r!) + Math.abs(data[at + 1]! - g!) + Math.abs(data[at + 2]! - b!) <
        within;
      const ink = rgb('#1b1f24');
      const white = rgb('#ffffff');
      const count = (
        box: { x: number; y: number; width: number; height: number },
        colour: number[],
        within: number,
      ) => {
        let n = 0;
        for (let y = Math.round(box.y); y < Math.round(box.y + box.height); y += 1) {
          for (let x = Math.round(box.x); x < Math.round(box.x + box.width); x += 1) {
            if (near((y * width + x) * 4, colour, within)) n += 1;
          }
        }
        return n;
      };
      return {
        regions: regions.map((r) => ({
          id: r.id,
          area: r.width * r.height,
          colour: count(r, rgb(r.colour), 30),
          ink: count(r, ink, 90),
          white: count(r, white, 12),
        })),
        // The caption's column: the step's title and text in ink, the bar in the accent colour.
        captionInk: count({ x: 0, y: 0, width: 640, height: 1080 }, ink, 90),
        bar: count({ x: 40, y: 130, width: 600, height: 40 }, rgb('#1d4ed8'), 30),
      };
    },
    { base64: png.toString('base64'), regions },
  );
}

/** Counts the longest time the page did not answer (a 10 ms timer's longest gap) from now. */
async function startHeartbeat(page: Page) {
  await page.evaluate(() => {
    const beat = { last: performance.now(), longest: 0, timer: 0, sawStatus: false };
    beat.timer = window.setInterval(() => {
      const now = performance.now();
      beat.longest = Math.max(beat.longest, now - beat.last);
      beat.last = now;
    }, 10);
    new MutationObserver(() => {
      if (document.querySelector('.step-export__status')?.textContent?.includes('Preparing'))
        beat.sawStatus = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    (window as unknown as { heartbeat: typeof beat }).heartbeat = beat;
  });
}

const stopHeartbeat = (page: Page) =>
  page.evaluate(() => {
    const beat = (
      window as unknown as { heartbeat: { longest: number; timer: number; sawStatus: boolean } }
    ).heartbeat;
    window.clearInterval(beat.timer);
    return { longest: beat.longest, sawStatus: beat.sawStatus };
  });

async function exportStep(page: Page) {
  await startHeartbeat(page);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Export this step as an image' }).click(),
  ]);
  const bytes = readFileSync(await download.path());
  const beat = await stopHeartbeat(page);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Preparing' }).count())
    .toBe(0);
  expect(await page.getByRole('alert').count()).toBe(0);
  return { name: download.suggestedFilename(), bytes, beat };
}

describe('a tour step exported as an image in Chromium', () => {
  const session = useBrowser(PROJECTOR);

  /** The tour's step at rest where the map frames it: the picture is worked out for the same. */
  async function open(tour: Tour, step: number, address: string) {
    const { page } = session;
    await page.goto(session.url(address));
    await page
      .locator('#tour-step-title')
      .filter({ hasText: tour.steps[step - 1]!.title })
      .waitFor({ timeout: 30_000 });
    const camera = cameraFor(tour, step);
    await expect.poll(() => cameraAt(page, camera)).toBe(true);
    return page;
  }

  it('draws a step shown on the map: 1920x1080, its concepts and phrases where the projector has them', async () => {
    const { page } = session;
    await page.route('**/maps/slides.json', (route) => route.fulfill({ json: bundle() }));
    await page.goto(session.url('?bundle=maps/slides.json'));
    await page.getByText(/^Opened “/).waitFor({ timeout: 30_000 });
    // The bundle's tour, once the bundle is the map: the address moves within the page.
    await open(onTheMap, 1, '?bundle=maps/slides.json#/tour/slides/1');
    const ids = onTheMap.steps[0]!.concepts;
    await expect
      .poll(() => page.locator('.react-flow__node.has-far-label').count())
      .toBe(ids.length);
    await expect.poll(() => page.locator('.relation-label').count()).toBe(2);
    expect(await page.locator('.concept-map.has-close-up').count()).toBe(0);
    // Each step concept's label and each phrase, where the projector draws them: inside their
    // grounds, clear of their rings.
    const regions: Region[] = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.react-flow__node.has-far-label .concept-node__label, .relation-label',
        ),
      ].map((el) => {
        const r = el.getBoundingClientRect();
        const id =
          el.closest('[data-id]')?.getAttribute('data-id') ?? el.getAttribute('data-relation')!;
        return {
          id,
          colour: '#ffffff',
          x: r.x + 3,
          y: r.y + 3,
          width: r.width - 6,
          height: r.height - 6,
        };
      }),
    );
    expect(regions).toHaveLength(ids.length + 2);
    const { name, bytes, beat } = await exportStep(page);
    expect(name).toBe(stepImageName(onTheMap.title, 1, 2, 'Two images'));
    expect(name).toBe('steps-on-the-map-step-1-two-images.png');
    expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });
    expect(beat.sawStatus).toBe(true);
    expect(beat.longest).toBeLessThan(1500);
    const seen = await look(page, bytes, regions);
    for (const region of seen.regions) {
      // A white ground with words on it: the concept's name, or the relation's phrase, at the
      // place the class sees it.
      expect(region.white / region.area, region.id).toBeGreaterThan(0.4);
      expect(region.ink / region.area, region.id).toBeGreaterThan(0.03);
    }
    expect(seen.captionInk).toBeGreaterThan(5000);
    // The bar as far as the step: half of its length, 12 px high.
    expect(seen.bar).toBeGreaterThan((557 / 2) * 10);
    expect(seen.bar).toBeLessThan((557 / 2) * 14);
  });

  it('draws a close-up step: its cards in their kinds’ colours where the projector brings them together', async () => {
    const step = 4;
    const page = await open(whole, step, `#/tour/whole-argument/${step}`);
    const ids = whole.steps[step - 1]!.concepts;
    const closeUp = page.locator('.step-close-up:not(.is-laying-out):not(.is-arriving)');
    await closeUp.waitFor();
    expect(await closeUp.locator('.step-close-up__card').count()).toBe(ids.length);
    // Each card where its glide ends: its laid-out place, whatever the glide is doing now.
    const cards: Region[] = await page.evaluate(
      ({ ids, colours }) => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        return ids.map((id) => {
          const card = document.querySelector<HTMLElement>(
            `.step-close-up__card[data-id="${id}"]`,
          )!;
          const { left, top, width, minHeight } = card.style;
          return {
            id,
            colour: colours[id]!,
            x: pane.x + Number.parseFloat(left),
            y: pane.y + Number.parseFloat(top),
            width: Number.parseFloat(width),
            height: Number.parseFloat(minHeight),
          };
        });
      },
      {
        ids,
        colours: Object.fromEntries(
          ids.map((id) => [id, kindStyles[atlas.conceptById.get(id)!.kind].colour]),
        ),
      },
    );
    const { name, bytes, beat } = await exportStep(page);
    expect(name).toBe('the-whole-argument-step-04-a-machine-in-four-parts.png');
    expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });
    expect(beat.sawStatus).toBe(true);
    expect(beat.longest).toBeLessThan(1500);
    const seen = await look(page, bytes, cards);
    for (const card of seen.regions) {
      // Its kind's band and border, and its name in ink on white.
      expect(card.colour, card.id).toBeGreaterThan(1000);
      expect(card.ink / card.area, card.id).toBeGreaterThan(0.03);
      expect(card.white / card.area, card.id).toBeGreaterThan(0.4);
    }
  });

  it('places its labels clear of the map’s controls as they stand on the projector', async () => {
    const page = await open(whole, 3, '#/tour/whole-argument/3');
    const covers = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__panel')].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x - pane.x, y: r.y - pane.y, width: r.width, height: r.height };
      });
    });
    const pane = tourMapPane(PROJECTOR);
    const expected = TOUR_MAP_COVERS.map((cover) => ({
      x: cover.corner.endsWith('left') ? cover.x : pane.width - cover.x - cover.width,
      y: cover.corner.startsWith('top') ? cover.y : pane.height - cover.y - cover.height,
      width: cover.width,
      height: cover.height,
    }));
    expect(covers).toHaveLength(expected.length);
    for (const cover of expected) {
      const match = covers.find(
        (c) =>
          Math.abs(c.x - cover.x) <= 1.5 &&
          Math.abs(c.y - cover.y) <= 1.5 &&
          Math.abs(c.width - cover.width) <= 1.5 &&
          Math.abs(c.height - cover.height) <= 1.5,
      );
      expect(match, JSON.stringify(cover)).toBeDefined();
    }
  });

  it('is reached from the keyboard in the tour’s tools, with a focus ring and room for a finger', async () => {
    const page = await open(whole, 2, '#/tour/whole-argument/2');
    const button = page.getByRole('button', { name: 'Export this step as an image' });
    for (let i = 0; i < 20; i += 1) {
      if (await button.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    const ring = await button.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(await button.isVisible()).toBe(true);
  });
});
