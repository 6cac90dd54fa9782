import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { kindStyles } from '../../src/model/kinds';
import { useBrowser } from './harness';

const graph = JSON.parse(readFileSync('data/graph.json', 'utf8')) as {
  concepts: { id: string; label: string }[];
  sections: { id: string }[];
};

/** A whole-map PNG runs to tens of megapixels; encoding it takes seconds. */
const EXPORT_TIMEOUT = 50_000;

/** Width and height from a PNG's header: the signature, then the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('the PNG has no IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The kind drawn in the same grey as the section numbers: its colour says nothing of where it is. */
const GREY_KIND = kindStyles.example.colour;

type OnScreen = { id: string; colour: string; x: number; y: number; width: number; height: number };

/** The concepts wholly inside the map, those that reach into it, and those wholly outside it. */
function conceptsOnScreen(page: Page) {
  const kinds = Object.fromEntries(
    (
      JSON.parse(readFileSync('data/graph.json', 'utf8')) as {
        concepts: { id: string; kind: keyof typeof kindStyles }[];
      }
    ).concepts.map((c) => [c.id, kindStyles[c.kind].colour]),
  );
  return page.evaluate((colours) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const all = [...document.querySelectorAll('.react-flow__node-concept')].map((node) => {
      const r = node.getBoundingClientRect();
      const id = node.getAttribute('data-id')!;
      return { id, colour: colours[id]!, x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const wholly = all.filter(
      (c) =>
        c.x >= pane.left &&
        c.y >= pane.top &&
        c.x + c.width <= pane.right &&
        c.y + c.height <= pane.bottom,
    );
    const shown = all.filter(
      (c) =>
        c.x < pane.right &&
        c.x + c.width > pane.left &&
        c.y < pane.bottom &&
        c.y + c.height > pane.top,
    );
    const outside = all.filter((c) => !shown.includes(c));
    return { wholly, shown, outside };
  }, kinds);
}

/**
 * Reads the PNG in the page and counts, for each concept wholly on screen, the pixels of its
 * kind's colour where its box lies on screen; and the pixels of any kind's colour that lie in no
 * concept's box on screen.
 */
function colourIn(
  page: Page,
  png: Buffer,
  shown: OnScreen[],
  pane: { x: number; y: number; width: number; height: number },
) {
  return page.evaluate(
    async ({ base64, shown, pane, grey }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const scale = width / pane.width;
      const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      const near = (at: number, [r, g, b]: number[]) =>
        Math.abs(data[at]! - r!) + Math.abs(data[at + 1]! - g!) + Math.abs(data[at + 2]! - b!) < 24;
      const margin = 4 * scale;
      const regions = shown.map((c) => ({
        ...c,
        left: (c.x - pane.x) * scale - margin,
        top: (c.y - pane.y) * scale - margin,
        right: (c.x + c.width - pane.x) * scale + margin,
        bottom: (c.y + c.height - pane.y) * scale + margin,
        rgb: rgb(c.colour),
      }));
      const colours = [...new Set(shown.map((c) => c.colour))].filter((c) => c !== grey).map(rgb);
      const counts = new Map<string, number>();
      let elsewhere = 0;
      for (let y = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          const at = (y * width + x) * 4;
          const here = regions.filter(
            (r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom,
          );
          for (const r of here) if (near(at, r.rgb)) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
          if (here.length === 0 && colours.some((c) => near(at, c))) elsewhere += 1;
        }
      }
      const wholly = shown.filter(
        (c) =>
          c.colour !== grey &&
          c.x >= pane.x &&
          c.y >= pane.y &&
          c.x + c.width <= pane.x + pane.width &&
          c.y + c.height <= pane.y + pane.height,
      );
      return {
        concepts: wholly.map((c) => ({ id: c.id, pixels: counts.get(c.id) ?? 0 })),
        elsewhere,
      };
    },
    { base64: png.toString('base64'), shown, pane, grey: GREY_KIND },
  );
}

/**
 * Counts, on the page, the longest time between two ticks of a 10 ms timer from now until it is
 * read, and whether the export's status said it was working.
 */
async function startHeartbeat(page: Page) {
  await page.evaluate(() => {
    const beat = { last: performance.now(), longest: 0, timer: 0, sawStatus: false };
    beat.timer = window.setInterval(() => {
      const now = performance.now();
      beat.longest = Math.max(beat.longest, now - beat.last);
      beat.last = now;
    }, 10);
    new MutationObserver(() => {
      if (document.querySelector('.export-menu__status')?.textContent?.includes('Preparing'))
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

async function openMap(page: Page, url: string) {
  await page.goto(url);
  await page.locator('.react-flow__node-concept').first().waitFor();
}

/** Chooses an item of the map's Export menu and returns the file it downloads. */
async function exportFile(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: EXPORT_TIMEOUT }),
    page.getByRole('button', { name: item }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

describe('exporting and printing the map in Chromium', () => {
  const session = useBrowser();

  it('saves the whole map as a PNG big enough to read', async () => {
    const { page } = session;
    await openMap(page, session.url());
    const { name, bytes } = await exportFile(page, 'Whole map as PNG');
    expect(name).toBe('concept-map-whole.png');
    const { width, height } = pngSize(bytes);
    expect(width).toBeGreaterThan(2000);
    expect(height).toBeGreaterThan(1000);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Preparing' }).count())
      .toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('saves the whole map as a vector SVG: boxes, arrows and every concept’s label as text', async () => {
    const { page } = session;
    await openMap(page, session.url());
    const drawnEdges = await page.locator('.react-flow__edge-path').count();
    const { name, bytes } = await exportFile(page, 'Whole map as SVG (vector drawing)');
    expect(name).toBe('concept-map-whole.svg');
    const text = bytes.toString('utf8');
    // Shapes and text, not the page's markup inside an image, so other programs open it.
    expect(text).not.toContain('foreignObject');
    expect(text).not.toContain('react-flow');
    expect(bytes.length).toBeLessThan(1_000_000);
    // The browser reads it as SVG; each concept's box holds its label, perhaps over a few lines.
    const read = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const lines = (g: Element) =>
        [...g.querySelectorAll('text')]
          .slice(1)
          .map((t) => t.textContent)
          .join('')
          .replace(/\s+/g, '');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        relations: doc.querySelectorAll('line').length,
        labels: [...doc.querySelectorAll('g.concept')].map(lines),
      };
    }, text);
    expect(read.error).toBeNull();
    expect(read.relations).toBeGreaterThanOrEqual(50);
    expect(read.relations).toBe(drawnEdges);
    const missing = graph.concepts
      .filter((c) => !read.labels.includes(c.label.replace(/\s+/g, '')))
      .map((c) => c.label);
    expect(missing).toEqual([]);
  });

  it('saves the current view as a PNG the size of the map on screen', async () => {
    const { page } = session;
    // Close to a concept and its neighbours, at a zoom where labels read: most of the map is out
    // of view.
    await openMap(page, session.url('#/concept/traditional-industries'));
    await expect
      .poll(() => page.locator('.react-flow__viewport').getAttribute('style'))
      .not.toContain('translate(0px, 0px)');
    const box = (await page.locator('.react-flow').boundingBox())!;
    const onScreen = await conceptsOnScreen(page);
    expect(onScreen.wholly.length).toBeGreaterThan(2);
    expect(onScreen.outside.length).toBeGreaterThan(50);

    await startHeartbeat(page);
    const { name, bytes } = await exportFile(page, 'Current view as PNG');
    const beat = await stopHeartbeat(page);
    expect(name).toBe('concept-map-view.png');
    const { width, height } = pngSize(bytes);
    // At twice the density; the element's size is rounded to whole pixels before doubling.
    expect(Math.abs(width - box.width * 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - box.height * 2)).toBeLessThanOrEqual(2);
    // It said it was working, and the page answered meanwhile: copying the page into an image
    // held it for 5 to 15 s. The budget allows for a machine busy with other work.
    expect(beat.sawStatus).toBe(true);
    expect(beat.longest).toBeLessThan(1500);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Preparing' }).count())
      .toBe(0);

    // The picture shows what the view shows: each concept in view where the view has it, in its
    // kind's colour, and nothing of a concept's colour anywhere else.
    const seen = await colourIn(page, bytes, onScreen.shown, box);
    for (const { id, pixels } of seen.concepts) expect(pixels, id).toBeGreaterThan(30);
    expect(seen.concepts.length).toBe(onScreen.wholly.filter((c) => c.colour !== GREY_KIND).length);
    expect(seen.elsewhere).toBeLessThan(20);
  });

  it('prints the handout, and only the handout', async () => {
    const { page } = session;
    await openMap(page, session.url());
    // A Print action offers the handout, and the notes with it.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('button', { name: 'Print a handout…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print a handout' });
    await dialog.getByRole('button', { name: 'Print' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The handout is built once the page is idle (or when printing starts).
    await page.locator('.print-handout').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => {
      const handout = document.querySelector<HTMLElement>('.print-handout');
      const map = document.querySelector<HTMLElement>('.react-flow');
      // The map's ancestor among the app's children: the one the print style hides.
      const mapBranch = map?.closest<HTMLElement>('.app > *');
      return {
        handout: handout ? getComputedStyle(handout).display : 'missing',
        mapBranch: mapBranch ? getComputedStyle(mapBranch).display : 'missing',
        mapVisible: map?.checkVisibility() ?? 'missing',
      };
    });
    expect(styles).toEqual({ handout: 'block', mapBranch: 'none', mapVisible: false });
    await expect.poll(() => page.locator('.print-handout').isVisible()).toBe(true);
    expect(await page.locator('.react-flow').isVisible()).toBe(false);
    expect(await page.locator('.print-handout h2').count()).toBe(graph.sections.length);
    expect(await page.locator('.print-handout h3').count()).toBe(graph.concepts.length);
    // A drawing of the whole map and of each section.
    expect(await page.locator('.print-handout svg.map-figure').count()).toBe(
      graph.sections.length + 1,
    );

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Page objects are never compressed, unlike the text on them.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(3);
    // Two columns of smaller type: it was 36 pages of one column.
    expect(pages.length).toBeLessThanOrEqual(26);
  });

  it('shows the handout on screen nowhere', async () => {
    const { page } = session;
    await openMap(page, session.url());
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.print-handout').isVisible()).toBe(false);
    expect(await page.locator('.react-flow').isVisible()).toBe(true);
  });
});
