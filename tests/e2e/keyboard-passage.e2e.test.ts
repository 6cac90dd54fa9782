import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { riversAndTowns } from '../fixtures/draft-article';
import { openApp, seriousAxeViolations, useBrowser } from './harness';

/** What the page has selected now. */
const selected = (page: Page) => page.evaluate(() => document.getSelection()?.toString() ?? '');

/** The element with the focus, by its text. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('making a concept from the keyboard alone', () => {
  const session = useBrowser();

  it('selects words of a paragraph with the arrows and makes a concept of them', async () => {
    const page = await openApp(session);
    await page.getByRole('button', { name: 'New map…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a new map' });
    await dialog.getByRole('textbox', { name: 'The article' }).fill(riversAndTowns);
    await dialog.getByRole('button', { name: 'Start the map' }).click();
    await page.getByRole('region', { name: 'Draft' }).getByText('Rivers and towns').waitFor();

    // Tab through the page until the article's first paragraph has the focus.
    const paragraph = page.locator('.reader-article p[data-block-start]').first();
    await paragraph.waitFor();
    for (let i = 0; i < 80; i += 1) {
      if (await paragraph.evaluate((p) => p === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    expect(await focusedText(page)).toContain(
      'Rivers carry water to the towns. The river is a road.',
    );

    await page.keyboard.press('Enter');
    expect(await selected(page)).toBe('Rivers');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await selected(page)).toBe('carry water to');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await selected(page)).toBe('Rivers carry water');
    await page
      .locator('p[aria-live="polite"]')
      .getByText('Selected 3 words: “Rivers carry water”.')
      .waitFor({ state: 'attached' });
    expect(await page.getByRole('toolbar', { name: 'Selected words' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    const make = page
      .getByRole('toolbar', { name: 'Selected words' })
      .getByRole('button', { name: 'New concept from this passage' });
    await expect
      .poll(() => make.evaluate((button) => button === document.activeElement))
      .toBe(true);
    expect(await selected(page)).toBe('Rivers carry water');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Edit the concept “Rivers carry water”' }).waitFor();
    await page.locator('.react-flow__node-concept[data-id="rivers-carry-water"]').waitFor();
    expect(await page.getByRole('toolbar', { name: 'Selected words' }).count()).toBe(0);
    // The focus is back on the paragraph, to select more of its words.
    expect(await focusedText(page)).toContain(
      'Rivers carry water to the towns. The river is a road.',
    );

    // Escape selects nothing.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+End');
    expect(await selected(page)).toBe('Rivers carry water to the towns. The river is a road');
    await page.keyboard.press('Escape');
    expect(await selected(page)).toBe('');
    expect(await page.getByRole('toolbar', { name: 'Selected words' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
