import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBrowser } from './harness';

const details = 'aside[aria-label="Concept details"]';
const node = (id: string) => `.react-flow__node[data-id="${id}"]`;
const reader = 'article[aria-label="Source article"]';

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** What overflows the viewport on the right, for a readable failure. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => e.checkVisibility())
      .filter((e) => !e.closest('.react-flow__viewport, .react-flow__minimap'))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      .slice(0, 5),
  );

// Every test also fails on any console error (see the harness): the map must not be measured
// through NaN while its tab is out of turn.
describe('the explorer on a phone', () => {
  const session = useBrowser({ width: 390, height: 844 });

  it('never scrolls sideways from 360 to 414 px, with every header action readable', async () => {
    const { page } = session;
    await openApp(session);
    for (const width of [360, 390, 414]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await sideways(page), `${width} px: ${await overflowing(page)}`).toBe(0);
      await page.getByRole('button', { name: 'Menu' }).click();
      const source = page.getByRole('link', { name: 'Source article' });
      await source.waitFor();
      const box = (await source.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      // Not cut: the link's text is as wide as its box allows.
      expect(await source.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      expect(await sideways(page), `${width} px with the menu open`).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => source.isVisible()).toBe(false);
    }
  });

  it('has one navigation, and gives the map the height below it', async () => {
    const { page } = session;
    await openApp(session);
    // One control named "Map": the tab (no second view switcher), and no toolbar over the map.
    expect(await page.getByRole('tab', { name: 'Map' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Map', exact: true }).count()).toBe(0);
    expect(await page.getByRole('toolbar', { name: 'Map view' }).count()).toBe(0);
    const names = await page.getByRole('tab').allTextContents();
    expect(names).toEqual(['Map', 'Outline', 'Quiz', 'Details', 'Article']);
    const map = (await page.locator('.react-flow').boundingBox())!;
    expect(map.height).toBeGreaterThan(844 * 0.85);
    expect(map.y + map.height).toBeLessThanOrEqual(844 + 0.5);
    // The map's options are in the menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('radio', { name: '1 step' }).check();
    expect(page.url()).toMatch(/depth=1/);
  });

  it('selects a concept with a tap and reads it in the details tab, without console errors', async () => {
    const { page } = session;
    await openApp(session);
    await page.locator(node('metaphor-chassis')).click();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Details' }).getAttribute('aria-selected'))
      .toBe('true');
    // The map, out of turn, keeps its size but shows nothing through the details.
    expect(await page.locator(node('metaphor-chassis')).isVisible()).toBe(false);
    expect(await page.locator('.react-flow__node-concept:visible').count()).toBe(0);
    // Long enough for a camera glide of the map out of sight to have run.
    await page.waitForTimeout(1000);
    await page.getByRole('tab', { name: 'Map' }).click();
    await expect
      .poll(() => page.locator(node('metaphor-chassis')).getAttribute('class'))
      .toContain('is-selected');
  });

  it('selects from the article tab without console errors', async () => {
    const { page } = session;
    await openApp(session);
    await page.getByRole('tab', { name: 'Article' }).click();
    const mark = page.locator(`${reader} mark[data-concepts="metaphor-engine"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Engine');
    await page.waitForTimeout(1000);
  });

  it('shows the outline and the quiz when their address opens over the article', async () => {
    const { page } = session;
    await openApp(session);
    await page.getByRole('tab', { name: 'Article' }).click();
    await page.evaluate(() => (window.location.hash = '#/outline'));
    await page.getByRole('tree', { name: 'Outline of the argument' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Outline' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await page.locator(reader).isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.evaluate(() => (window.location.hash = '#/quiz'));
    await page.locator('.quiz__question').waitFor();
    expect(await page.locator('.quiz__question').isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Quiz' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });
});
