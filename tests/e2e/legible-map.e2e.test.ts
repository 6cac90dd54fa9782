import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, useBrowser } from './harness';

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
      // The layout width, unrounded, against the width drawn: every scale on the way, zoom included.
      const width = Number.parseFloat(style.width);
      const scale = width > 0 ? box.width / width : 1;
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
    // The backbone of the argument and more; the aim is twenty (see level-of-detail.ts).
    expect(readable.length).toBeGreaterThanOrEqual(12);
    expect(seen.concept.filter((px) => px > 0 && px < 10)).toEqual([]);
    expect(seen.section.filter((px) => px > 0 && px < 14)).toEqual([]);
    expect(seen.section.length).toBeGreaterThanOrEqual(7);
  });

  it('after a shared link, the concept reads and no phrase lies on a label', async () => {
    const seen = await openMap(session.page, session.url('#/concept/traditional-industries'));
    const selected = await session.page
      .locator('.react-flow__node[data-id="traditional-industries"] .concept-node__label')
      .evaluate((el) => {
        const style = getComputedStyle(el);
        const scale = el.getBoundingClientRect().width / Number.parseFloat(style.width);
        return Math.round(Number.parseFloat(style.fontSize) * scale * 10) / 10;
      });
    expect(selected).toBeGreaterThanOrEqual(16);
    expect(seen.concept.filter((px) => px > 0 && px < 10)).toEqual([]);
    expect(seen.overlaps).toBe(0);
  });
});

describe('the keyboard past the map', () => {
  const session = useBrowser();

  it('reaches a skip link just before the map, which lands on the details', async () => {
    const page = await openApp(session);
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

describe('large text and the projector theme', () => {
  const session = useBrowser();

  /** The size on screen of the first visible text of each kind that a reader reads. */
  const sizes = (page: Page) =>
    page.evaluate(() => {
      const px = (selector: string) => {
        const el = [...document.querySelectorAll<HTMLElement>(selector)].find(
          (e) => getComputedStyle(e).visibility === 'visible' && e.offsetWidth > 0,
        );
        if (!el) return 0;
        // On the map the camera's zoom and the labels' own scale apply; elsewhere, none.
        const onMap = el.closest('.react-flow__viewport') !== null;
        const width = Number.parseFloat(getComputedStyle(el).width);
        const scale = onMap ? el.getBoundingClientRect().width / width : 1;
        return Number.parseFloat(getComputedStyle(el).fontSize) * scale;
      };
      return {
        article: px('.reader-content p'),
        details: px('.details p'),
        header: px('.app-header__title'),
        mapLabel: px('.has-far-label .concept-node__label'),
        sectionTitle: px('.far-section-title__title'),
      };
    });

  it.each(['Large text', 'Projector theme'])(
    '%s makes every reading text at least 1.25x',
    async (name) => {
      const { page } = session;
      await page.goto(session.url());
      await page.locator('.concept-map.is-far .has-far-label').first().waitFor();
      const before = await sizes(page);
      await page.getByRole('button', { name }).click();
      await expect.poll(async () => (await sizes(page)).article).toBeGreaterThan(before.article);
      const after = await sizes(page);
      for (const key of Object.keys(before) as (keyof typeof before)[]) {
        expect(before[key], key).toBeGreaterThan(0);
        expect(after[key] / before[key], key).toBeGreaterThanOrEqual(1.249);
      }
    },
  );
});
