/**
 * What the legibility measures share: waiting until the camera (and any glide of the page) has
 * come to rest, and, as page script, how a text is drawn on screen.
 */
import type { Page } from 'playwright-core';

/**
 * Waits until the map's camera has stopped moving, a close-up has been laid out, and no animation
 * of the page still runs.
 */
export async function atRest(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 100; i += 1) {
    const now = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    if (now === last) break;
    last = now;
    await page.waitForTimeout(150);
  }
  // A step's close-up is laid out a moment after it shows, and its cards set off a frame later.
  await page
    .locator('.step-close-up.is-laying-out, .step-close-up.is-arriving')
    .waitFor({ state: 'detached' });
  for (let i = 0; i < 50; i += 1) {
    // A string: the page's policy forbids evaluating functions built from text.
    const still = await page.evaluate(
      "document.getAnimations().every((a) => a.playState !== 'running')",
    );
    if (still) break;
    await page.waitForTimeout(100);
  }
}

/**
 * Page script (a string: the script runner's helpers are not defined in the page) declaring
 * `pane`, the map's box, and `drawn(el)`: an element's box and the size its text is drawn at on
 * screen (its font size times every scale on the way, the camera's zoom included), or null where
 * it is not drawn. `wholly`: only an element wholly inside the map counts, else any that reaches
 * into it.
 */
export function drawnScript(wholly: boolean): string {
  const outside = wholly
    ? `box.left < pane.left - 1 || box.right > pane.right + 1 || box.top < pane.top - 1 || box.bottom > pane.bottom + 1`
    : `box.right < pane.left || box.left > pane.right || box.bottom < pane.top || box.top > pane.bottom`;
  return `
  const pane = document.querySelector('.react-flow').getBoundingClientRect();
  function drawn(el) {
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') return null;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || ${outside}) return null;
    const width = Number.parseFloat(style.width);
    return { box, px: Number.parseFloat(style.fontSize) * (width > 0 ? box.width / width : 1) };
  }`;
}
