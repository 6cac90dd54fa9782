import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, useBrowser } from './harness';

/** What lies over the map, by the name a test report gives it. */
const covers = {
  minimap: '.react-flow__minimap',
  'Export button': '.export-menu__toggle',
  'zoom controls': '.react-flow__controls',
  'legend button': '.legend',
};

/**
 * At fit view, which concepts lie under what covers the map, as "cover: concept", and how many
 * lie outside the map (none, once the whole map is framed).
 */
function fitViewProblems(page: Page) {
  return page.evaluate((selectors) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll('.react-flow__node-concept')]
      .map((node) => ({ id: node.getAttribute('data-id'), box: node.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const outside = boxes.filter(
      ({ box }) =>
        box.left < pane.left - 1 ||
        box.right > pane.right + 1 ||
        box.top < pane.top - 1 ||
        box.bottom > pane.bottom + 1,
    ).length;
    const under: string[] = [];
    for (const [name, selector] of Object.entries(selectors)) {
      const cover = document.querySelector(selector)?.getBoundingClientRect();
      if (!cover || cover.width === 0 || cover.height === 0) continue;
      for (const { id, box } of boxes) {
        const meets =
          box.left < cover.right &&
          box.right > cover.left &&
          box.top < cover.bottom &&
          box.bottom > cover.top;
        if (meets) under.push(`${name}: ${id}`);
      }
    }
    return { concepts: boxes.length, outside, under };
  }, covers);
}

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
])('the whole map at $width x $height', (viewport) => {
  const session = useBrowser(viewport);

  it('leaves no concept under the minimap, the Export button, the zoom buttons or the legend', async () => {
    const page = await openApp(session);
    const clear = { concepts: expect.any(Number), outside: 0, under: [] };
    await expect.poll(() => fitViewProblems(page)).toEqual(clear);
    expect((await fitViewProblems(page)).concepts).toBeGreaterThan(100);

    // Zoomed in, concepts lie under all of them; fit brings the map back clear of them.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await fitViewProblems(page)).outside).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Fit the whole map' }).click();
    await expect.poll(() => fitViewProblems(page)).toEqual(clear);
  });
});
