import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE_NAME, type Bundle } from '../../src/model/bundle-format';
import { CJK_FONT_FAMILY } from '../../src/model/cjk';
import { useBrowser } from './harness';

// This machine, like CI's, has no Chinese font: without the build's subset font every Chinese
// character is drawn as the same empty box.
const details = 'aside[aria-label="Concept details"]';
const term = `${details} .details__zh [lang="zh-Hans"]:not(#boxes)`;
const NOTE = '(Chinese font missing on this device)';

const widthOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((node) => node.getBoundingClientRect().width);

/**
 * The term is drawn with real glyphs: square, one em wide each, unlike the same number of empty
 * boxes in the same style beside it (the box is what the page draws for U+FFFF, a noncharacter
 * that no font may have), and different from them pixel for pixel.
 */
async function expectRealGlyphs(page: Page) {
  const element = page.locator(term);
  await expect.poll(() => element.textContent()).toBe('传统产业');
  const fontSize = await element.evaluate((node) =>
    Number.parseFloat(getComputedStyle(node).fontSize),
  );
  // The font swaps in once it has loaded, and the term is laid out again at the next frame.
  await expect.poll(() => widthOf(page, term), { timeout: 10_000 }).toBeCloseTo(4 * fontSize, 0);
  expect(
    await page.evaluate(
      (family) => [...document.fonts].find((face) => face.family === family)?.status,
      CJK_FONT_FAMILY,
    ),
  ).toBe('loaded');
  await element.evaluate((node) => {
    const boxes = node.cloneNode() as HTMLElement;
    boxes.id = 'boxes';
    boxes.textContent = '\uffff'.repeat([...(node.textContent ?? '')].length);
    node.after(boxes);
  });
  const boxesWidth = await widthOf(page, '#boxes');
  expect(Math.abs(4 * fontSize - boxesWidth)).toBeGreaterThan(fontSize);
  const [termPixels, boxPixels] = [
    await element.screenshot(),
    await page.locator('#boxes').screenshot(),
  ];
  expect(termPixels.equals(boxPixels)).toBe(false);
  expect(await page.getByText(NOTE).count()).toBe(0);
}

describe('Chinese terms on a device without Chinese fonts', () => {
  const session = useBrowser();

  it('are drawn with real glyphs by the subset font the build ships', async () => {
    const { page } = session;
    const fonts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.woff2')) fonts.push(`${response.status()}`);
    });
    await page.goto(session.url('#/concept/traditional-industries'));
    await expectRealGlyphs(page);
    expect(fonts).toEqual(['200']);
    // The font's licence, the SIL Open Font License, is shipped beside it.
    expect(readFileSync('dist/assets/concept-atlas-cjk-OFL.txt', 'utf8')).toContain(
      'SIL OPEN FONT LICENSE Version 1.1',
    );
  });

  it('are drawn by the font inside the single file too, which the policy lets it use', async () => {
    const { page } = session;
    const file = pathToFileURL(resolve('dist-single/index.html')).href;
    await page.goto(`${file}#/concept/traditional-industries`);
    await expectRealGlyphs(page);
  });

  it('say so where a bundle’s own term has characters that no font here has', async () => {
    const { page } = session;
    const bundle = JSON.parse(readFileSync(`dist/${BUNDLE_FILE_NAME}`, 'utf8')) as Bundle;
    const concept = bundle.graph.concepts.find((c) => c.id === 'traditional-industries')!;
    // 饕餮, a mythical beast, is not in the map, so not in its font.
    concept.zh = '饕餮';
    bundle.article.title = 'A reading with rare characters';
    await page.route('**/maps/rare.json', (route) => route.fulfill({ json: bundle }));
    await page.goto(`${session.url()}?bundle=maps/rare.json`);
    await expect
      .poll(() => page.locator('.app-header__title').textContent(), { timeout: 30_000 })
      .toBe('A reading with rare characters');
    await page.locator('.react-flow__node[data-id="traditional-industries"]').click();
    await expect.poll(() => page.locator(term).textContent()).toBe('饕餮');
    await expect(page.locator(details).getByText(NOTE).isVisible()).resolves.toBe(true);
  });
});
