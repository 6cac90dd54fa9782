import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

type Measured = { concept: number[]; section: number[]; overlaps: number };

/**
 * What a person sees of the map's text: the size each concept label and section title is drawn at
 * on screen (its font size times every scale applied to it, the camera's zoom included), for the
 * text that is visible and inside the map's pane; and how often a relation's phrase lies on a
 * concept's label.
 */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const drawn = (el: Element) => {
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || style.display === 'none') return null;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right < pane.left || box.left > pane.right) return null;
      if (box.bottom < pane.top || box.top > pane.bottom) return null;
      const html = el as HTMLElement;
      const scale = html.offsetWidth > 0 ? box.width / html.offsetWidth : 1;
      return { box, px: Number.parseFloat(style.fontSize) * scale };
    };
    const sizes = (selector: string) =>
      [...document.querySelectorAll(selector)]
        .map(drawn)
        .filter((d) => d !== null)
        .map((d) => Math.round(d.px * 10) / 10);
    const labels = [...document.querySelectorAll('.concept-node__label')]
      .map(drawn)
      .filter((d) => d !== null);
    const phrases = [...document.querySelectorAll('.relation-label')]
      .map(drawn)
      .filter((d) => d !== null);
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return {
      concept: sizes('.concept-node__label'),
      section: sizes('.far-section-title__title, .section-node__title'),
      overlaps: phrases.filter((p) => labels.some((l) => meet(p.box, l.box))).length,
    };
  });
}

async function openMap(page: Page, url: string) {
  await page.goto(url);
  await page.locator('.react-flow__node-concept').first().waitFor();
  // The first frame is placed once the nodes are measured; the labels follow the camera.
  await page.locator('.concept-map.is-far .has-far-label').first().waitFor();
  return measure(page);
}

describe.each([
  { width: 1366, height: 768, least: 14 },
  { width: 1920, height: 1080, least: 14 },
])('the map at fit view, $width x $height', ({ width, height, least }) => {
  const session = useBrowser({ width, height });

  it('draws about twenty concept labels that read, and no text at 1-9 px', async () => {
    const seen = await openMap(session.page, session.url());
    const readable = seen.concept.filter((px) => px >= least);
    expect(readable.length).toBeGreaterThanOrEqual(15);
    expect(seen.concept.filter((px) => px > 0 && px < 10)).toEqual([]);
    expect(seen.section.filter((px) => px > 0 && px < 14)).toEqual([]);
    expect(seen.section.length).toBeGreaterThanOrEqual(7);
  });

  it('after a shared link, the concept reads and no phrase lies on a label', async () => {
    const seen = await openMap(session.page, session.url('#/concept/traditional-industries'));
    const selected = await session.page
      .locator('.react-flow__node[data-id="traditional-industries"] .concept-node__label')
      .evaluate((el) => {
        const box = el.getBoundingClientRect();
        return (
          Number.parseFloat(getComputedStyle(el).fontSize) *
          (box.width / (el as HTMLElement).offsetWidth)
        );
      });
    expect(selected).toBeGreaterThanOrEqual(16);
    expect(seen.concept.filter((px) => px > 0 && px < 10)).toEqual([]);
    expect(seen.overlaps).toBe(0);
  });
});

describe('the keyboard past the map', () => {
  const session = useBrowser();

  it('reaches a skip link just before the map, which lands on the details', async () => {
    const { page } = session;
    await page.goto(session.url());
    await page.locator('.react-flow__node-concept').first().waitFor();
    let presses = 0;
    while (presses < 40) {
      await page.keyboard.press('Tab');
      presses += 1;
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name === 'Skip past the map') break;
    }
    expect(presses).toBeLessThan(40);
    await expect.poll(() => page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('concept-details');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.closest('.react-flow'));
    expect(next).toBeNull();
  });
});
