import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
    await openMap(page, session.url());
    const box = (await page.locator('.react-flow').boundingBox())!;
    const { name, bytes } = await exportFile(page, 'Current view as PNG');
    expect(name).toBe('concept-map-view.png');
    const { width, height } = pngSize(bytes);
    // At twice the density; the element's size is rounded to whole pixels before doubling.
    expect(Math.abs(width - box.width * 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - box.height * 2)).toBeLessThanOrEqual(2);
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
