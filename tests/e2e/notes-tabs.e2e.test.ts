import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const details = 'aside[aria-label="Concept details"]';
const box = (page: Page) => page.getByRole('textbox', { name: 'Your notes' });

async function openNote(page: Page, url: string) {
  await page.goto(url);
  await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
}

/** Everything the page keeps of the note: the box and every version kept beside it. */
const keptTexts = (page: Page) => page.locator('.notes-box__version').allTextContents();

describe('one note in two tabs', () => {
  const session = useBrowser();

  it('loses and garbles nothing when both tabs type into the same note at once', async () => {
    const a = session.page;
    const url = session.url('#/concept/metaphor-chassis');
    await openNote(a, url);
    await box(a).fill('Shared start.');
    const b = await session.context.newPage();
    b.on('pageerror', (error) => session.errors.push(String(error)));
    await openNote(b, url);
    await expect.poll(() => box(b).inputValue()).toBe('Shared start.');

    const sentenceA = ' Sentence typed in A.';
    const sentenceB = ' Sentence typed in B.';
    await box(a).press('End');
    await box(b).press('End');
    await Promise.all([
      box(a).pressSequentially(sentenceA, { delay: 15 }),
      box(b).pressSequentially(sentenceB, { delay: 15 }),
    ]);
    // Nothing lost, nothing garbled: each tab's box ends with its own sentence as typed (a key
    // the other tab typed before this one began may come first, as in any shared note), and each
    // tab holds both sentences whole, in its box or kept beside it.
    const everything = async (page: Page) =>
      [await box(page).inputValue(), ...(await keptTexts(page))].join('\n');
    for (const [page, own, other] of [
      [a, sentenceA, sentenceB],
      [b, sentenceB, sentenceA],
    ] as const) {
      await expect.poll(() => box(page).inputValue()).toMatch(new RegExp(`${own.trim()}$`));
      await expect.poll(() => everything(page)).toContain(other.trim());
    }
    // Stored, so that a reload keeps both: in the box or kept beside it.
    await a.reload();
    await expect
      .poll(() => everything(a))
      .toMatch(
        /Sentence typed in A\.[\s\S]*Sentence typed in B\.|Sentence typed in B\.[\s\S]*Sentence typed in A\./,
      );
  });
});
