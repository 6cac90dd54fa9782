import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, useBrowser } from './harness';
import { loadRealAtlas } from '../fixtures/real-atlas';

const atlas = loadRealAtlas();
const firstId = [...atlas.order.entries()].find(([, index]) => index === 0)![0];
const firstInReadingOrder = atlas.graph.concepts.find((c) => c.id === firstId)!;

const details = 'aside[aria-label="Concept details"]';
const node = (id: string) => `.react-flow__node[data-id="${id}"]`;

describe('the explorer in Chromium', () => {
  const session = useBrowser();

  async function open(hash = '') {
    await session.page.goto(session.url(hash));
    await session.page.locator('.react-flow__node-concept').first().waitFor();
  }

  it('shows a clicked concept’s details and its passage', async () => {
    const { page } = session;
    await open();
    await page.locator(node('metaphor-chassis')).click();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    expect(await page.locator(`${details} blockquote`).first().textContent()).toContain('chassis');
    expect(page.url()).toMatch(/#\/concept\/metaphor-chassis$/);
    const active = page.locator('article[aria-label="Source article"] mark.is-active');
    await expect.poll(() => active.count()).toBeGreaterThan(0);
    await expect.poll(() => active.first().isVisible()).toBe(true);
  });

  it('selects a concept by clicking its passage in the article', async () => {
    const { page } = session;
    await open();
    const mark = page
      .locator('article[aria-label="Source article"] mark[data-concepts="metaphor-engine"]')
      .first();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Engine');
    await expect
      .poll(() => page.locator(node('metaphor-engine')).getAttribute('class'))
      .toContain('is-selected');
  });

  it('restores a deep link on a fresh load, with the concept in view', async () => {
    const { page } = session;
    await open('#/concept/leap-value?depth=1');
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toMatch(/Leap in value/);
    expect(await page.locator('input[name="focus-depth"][value="1"]').isChecked()).toBe(true);
    const map = await page.locator('.react-flow').boundingBox();
    await expect
      .poll(async () => {
        const box = await page.locator(node('leap-value')).boundingBox();
        return Boolean(
          box &&
          map &&
          box.x >= map.x &&
          box.x + box.width <= map.x + map.width &&
          box.y >= map.y &&
          box.y + box.height <= map.y + map.height,
        );
      })
      .toBe(true);
  });

  it('opens each newly selected concept at the top of the details, its heading focused', async () => {
    const { page } = session;
    await open('#/concept/traditional-industries');
    const scroller = page.locator('.panel__scroll').filter({ has: page.locator(details) });
    await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight));
    expect(await scroller.evaluate((e) => e.scrollTop)).toBeGreaterThan(200);
    const relation = page.locator(`${details} .details-relation__concept`).last();
    const label = (await relation.textContent())!;
    await relation.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe(label);
    expect(await scroller.evaluate((e) => e.scrollTop)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator(`${details} h2`).first().textContent())
      .toBe('No concept selected');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.concept-map') !== null),
    ).toBe(true);
  });

  it('steps back and forward through selections with the browser history', async () => {
    const { page } = session;
    await open();
    await page.locator(node('metaphor-chassis')).click();
    await page.locator(node('metaphor-engine')).click();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Engine');
    await page.goBack();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    await page.goForward();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Engine');
  });

  it('finds a concept by search and opens it with Enter', async () => {
    const { page } = session;
    await open();
    await page.keyboard.press('/');
    await page.keyboard.type('meridan');
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toMatch(/Meridians/);
  });

  it('reaches the map with Tab, comes close with Enter, and selects with Enter', async () => {
    const { page } = session;
    await open();
    // Zoomed out, the concepts are too small to be targets: Tab stops on the map itself.
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      const onMap = await page.evaluate(() =>
        document.activeElement?.classList.contains('concept-map'),
      );
      if (onMap) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Concept map',
    );
    await page.keyboard.press('Enter');
    // The camera comes close to the argument's first concept, which takes the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe(firstInReadingOrder.id);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator(`${details} h2`).textContent())
      .toBe(firstInReadingOrder.label);
    const outline = await page
      .locator(`${node(firstInReadingOrder.id)} .concept-node`)
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('says so when a link names an unknown concept, and the map still works', async () => {
    const { page } = session;
    await open('#/concept/no-such-concept');
    const notice = page.getByRole('status', { name: 'Notices' });
    await expect.poll(() => notice.textContent()).toContain('Concept “no-such-concept” not found');
    await page.locator(node('metaphor-engine')).click();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Engine');
  });

  it('still loads when the saved preferences are corrupt', async () => {
    const { page } = session;
    await page.goto(session.url());
    await page.evaluate(() =>
      localStorage.setItem('concept-atlas:preferences', '{"panels": "oops'),
    );
    await open();
    await expect
      .poll(() => page.getByRole('status', { name: 'Notices' }).textContent())
      .toContain('could not be read');
    expect(await page.locator('.react-flow__node-concept').count()).toBeGreaterThan(90);
  });

  it('has no serious or critical accessibility violations, with a concept selected', async () => {
    const { page } = session;
    await open('#/concept/pair-new-old');
    await page.locator(`${details} h2`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
