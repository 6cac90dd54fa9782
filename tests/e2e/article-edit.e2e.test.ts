import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { riversAndTowns } from '../fixtures/draft-article';
import { makeConcept, writeSummary } from './authoring-steps';
import { openApp, seriousAxeViolations, useBrowser } from './harness';

/** Selects words in the reader as Shift+arrows with caret browsing would. */
async function selectWords(page: Page, words: string) {
  await page.evaluate((words) => {
    const article = document.querySelector('.reader-article');
    const walker = document.createTreeWalker(article!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`not in the article: ${words}`);
  }, words);
}

/** The words the reader highlights as passages. */
const marked = (page: Page) => page.locator('.reader-article mark.reader-mark').allTextContents();

/** One passage's words changed a little ("carry" to "carried"), another's gone. */
const editedArticle = riversAndTowns
  .replace('# Rivers and towns\n\n', '')
  .replace('Rivers carry water', 'Rivers carried water')
  .replace('Towns grow where', 'Cities appear where');

describe('editing the article under a draft’s map', () => {
  const session = useBrowser();

  it('finds passages again, lists the one lost, fixes it, and keeps it all across a reload', async () => {
    const page = await openApp(session);
    await page.getByRole('button', { name: 'New map…' }).click();
    const newMap = page.getByRole('dialog', { name: 'Make a new map' });
    await newMap.getByRole('textbox', { name: 'The article' }).fill(riversAndTowns);
    await newMap.getByRole('button', { name: 'Start the map' }).click();
    const bar = page.getByRole('region', { name: 'Draft' });
    await bar.getByText('Rivers and towns').waitFor();
    await makeConcept(page, 'Rivers carry water');
    await writeSummary(page, 'Water comes to the towns by river.');
    await makeConcept(page, 'Towns grow');
    await writeSummary(page, 'Towns come where rivers meet.');
    await expect.poll(() => marked(page)).toEqual(['Rivers carry water', 'Towns grow']);

    // From the keyboard: the bar's button is reached and pressed, its focus shown.
    const editButton = bar.getByRole('button', { name: 'Edit article' });
    await bar.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Tab');
    expect(
      await editButton.evaluate(
        (button) =>
          button === document.activeElement &&
          button.matches(':focus-visible') &&
          getComputedStyle(button).outlineStyle !== 'none',
      ),
    ).toBe(true);
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Edit the article' });
    const box = editor.getByRole('textbox', { name: 'The article' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe(riversAndTowns.replace('# Rivers and towns\n\n', ''));
    await box.fill(editedArticle);
    await editor.getByRole('button', { name: 'Check the changes' }).click();
    const plan = editor.getByRole('region', { name: 'What applying the changes does' });
    await plan.waitFor();
    expect(await plan.textContent()).toContain(
      '1 passage found with small changes, 1 can no longer be found.',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Apply the changes' }).click();
    await editor.waitFor({ state: 'hidden' });

    const list = page.getByRole('region', { name: 'Passages to fix (1)' });
    await list.waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Towns grow, passage 1'),
    ]);
    await page
      .getByText('Applied the edited article. 1 passage found with small changes', { exact: false })
      .waitFor({ state: 'attached' });
    // The passage found with small changes is marked with its new words; the lost one is kept.
    await expect.poll(() => marked(page)).toEqual(['Rivers carried water']);
    expect(await page.locator('.react-flow__node-concept[data-id="towns-grow"]').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Ctrl+Z brings the old text back whole, and Ctrl+Shift+Z the new one.
    expect(await editButton.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => marked(page)).toEqual(['Rivers carry water', 'Towns grow']);
    await page.getByRole('region', { name: 'Passages to fix (0)' }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    await list.waitFor();

    // The lost passage is kept across a reload, still to fix.
    await bar.getByText('Saved in this browser').waitFor();
    await page.reload();
    await bar.getByText('Rivers and towns').waitFor();
    await bar.getByRole('button', { name: 'Passages to fix (1)' }).click();
    await list.waitFor();
    await list.getByRole('button', { name: 'Select new words of “Towns grow”, passage 1' }).click();
    await list.getByText('Now select the new words in the article').waitFor();
    await selectWords(page, 'Cities appear');
    await page.getByRole('button', { name: 'Replace the lost passage of “Towns grow”' }).click();
    await page.getByRole('region', { name: 'Passages to fix (0)' }).waitFor();
    await expect.poll(() => marked(page)).toEqual(['Rivers carried water', 'Cities appear']);
    // Undo brings the lost passage back to fix, and Redo the words chosen for it.
    await bar.getByRole('button', { name: 'Undo' }).click();
    await list.waitFor();
    await expect.poll(() => marked(page)).toEqual(['Rivers carried water']);
    await bar.getByRole('button', { name: 'Redo' }).click();
    await page.getByRole('region', { name: 'Passages to fix (0)' }).waitFor();

    await bar.getByText('Saved in this browser').waitFor();
    await page.reload();
    await bar.getByText('Rivers and towns').waitFor();
    await expect.poll(() => marked(page)).toEqual(['Rivers carried water', 'Cities appear']);
    expect(await bar.getByRole('button', { name: /Passages to fix/ }).count()).toBe(0);
  });
});
