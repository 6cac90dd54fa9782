import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { namesSection } from '../../src/model/level-of-detail';
import type { Graph } from '../../src/model/schema';
import { openApp, useBrowser } from './harness';

const graph = JSON.parse(readFileSync('data/graph.json', 'utf8')) as Graph;

/**
 * What the zoomed-out map names, wholly inside its pane: the concepts with a floating label, the
 * sections whose titles are drawn, and of those the titles drawn whole (not cut short).
 */
function namesOnScreen(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const inPane = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return (
        style.visibility === 'visible' &&
        box.width > 0 &&
        box.left >= pane.left - 1 &&
        box.right <= pane.right + 1 &&
        box.top >= pane.top - 1 &&
        box.bottom <= pane.bottom + 1
      );
    };
    const titles = [...document.querySelectorAll('.far-section-title')].filter(inPane);
    const sectionOf = (title: Element) =>
      title.getAttribute('data-section')?.replace(/^section:/, '') ?? '';
    return {
      labelled: [...document.querySelectorAll('.react-flow__node.has-far-label')]
        .filter((node) => inPane(node.querySelector('.concept-node__label')!))
        .map((node) => node.getAttribute('data-id') ?? ''),
      titles: titles.map(sectionOf),
      whole: titles
        .filter((title) => {
          const text = title.querySelector('.far-section-title__title')!;
          return (
            text.scrollWidth <= text.clientWidth + 1 && text.scrollHeight <= text.clientHeight + 1
          );
        })
        .map(sectionOf),
    };
  });
}

/**
 * The concepts of `kinds` that the zoomed-out map does not name: by their own floating label, or
 * by their section's title drawn whole when they are its namesake ("Traditional industries" in
 * "3 Traditional industries").
 */
async function unnamedOfKinds(page: Page, kinds: readonly string[]) {
  const seen = await namesOnScreen(page);
  return graph.concepts
    .filter((c) => kinds.includes(c.kind))
    .filter((c) => {
      if (seen.labelled.includes(c.id)) return false;
      const section = graph.sections.find((s) => s.id === c.section);
      return !(section && seen.whole.includes(section.id) && namesSection(c.label, section.title));
    })
    .map((c) => c.id);
}

/**
 * The numbered sections the zoomed-out map does not name: by their title, or, where the title
 * gives way to it, by the label of the concept it is named after.
 */
async function unnamedSections(page: Page) {
  const seen = await namesOnScreen(page);
  return graph.sections
    .filter((s) => s.order > 0 && !seen.titles.includes(s.id))
    .filter(
      (s) =>
        !graph.concepts.some(
          (c) =>
            c.section === s.id && seen.labelled.includes(c.id) && namesSection(c.label, s.title),
        ),
    )
    .map((s) => s.id);
}

type Measured = { concept: number[]; section: number[]; overlaps: number; phrases: number };

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
      phrases: phrases.length,
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

const node = (id: string) => `.react-flow__node[data-id="${id}"]`;

/**
 * The selection's label size on screen, whether its neighbours' labels read (those whose concept
 * is on screen; one not drawn counts 0), the camera's zoom, and whether the selection is in view.
 */
function measureSelection(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const px = (node: Element) => {
      const el = node.querySelector('.concept-node__label')!;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible') return 0;
      const scale = el.getBoundingClientRect().width / Number.parseFloat(style.width);
      return Math.round(Number.parseFloat(style.fontSize) * scale * 10) / 10;
    };
    const inside = (node: Element) => {
      const box = node.getBoundingClientRect();
      return (
        box.left >= pane.left &&
        box.right <= pane.right &&
        box.top >= pane.top &&
        box.bottom <= pane.bottom
      );
    };
    const selected = document.querySelector('.react-flow__node.is-selected');
    const near = [...document.querySelectorAll('.react-flow__node.is-neighbour')].filter(inside);
    const sizes = near.map(px).sort((a, b) => a - b);
    const zoom = Number(
      getComputedStyle(document.querySelector('.concept-map')!).getPropertyValue('--zoom'),
    );
    return {
      selected: selected ? px(selected) : 0,
      inView: selected ? inside(selected) : false,
      neighbourMedian: sizes[Math.floor(sizes.length / 2)] ?? 0,
      neighbours: sizes.length,
      zoom,
    };
  });
}

/** Waits until the camera has framed the selection `id` and stopped. */
async function framed(page: Page, id: string) {
  await page.locator(`${node(id)}.is-selected`).waitFor();
  let last = '';
  await expect
    .poll(async () => {
      const now = await page.locator('.react-flow__viewport').getAttribute('style');
      const still = now === last;
      last = now ?? '';
      return still;
    })
    .toBe(true);
  return measureSelection(page);
}

describe.each([
  { width: 1366, height: 768, least: 14 },
  { width: 1920, height: 1080, least: 20 },
])('the map at fit view, $width x $height', ({ width, height, least }) => {
  const session = useBrowser({ width, height });

  it(`draws twenty concept labels or more at ${least} px, and no text at 1-9 px`, async () => {
    const seen = await openMap(session.page, session.url());
    const readable = seen.concept.filter((px) => px >= least);
    expect(readable.length).toBeGreaterThanOrEqual(20);
    expect(seen.concept.filter((px) => px > 0 && px < 10)).toEqual([]);
    expect(seen.section.filter((px) => px > 0 && px < least)).toEqual([]);
    // What a voice-control user says is what they see: each name begins with the visible label.
    const mismatched = await session.page.evaluate(
      () =>
        [...document.querySelectorAll('.react-flow__node-concept')].filter((node) => {
          const label = node.querySelector('.concept-node__label')?.textContent ?? '';
          return !(node.getAttribute('aria-label') ?? '').startsWith(label);
        }).length,
    );
    expect(mismatched).toBe(0);
  });

  it('names every thesis, pillar and section, by its label or its section’s title', async () => {
    await openMap(session.page, session.url());
    // The labels are placed again once the camera comes to rest after its first framing.
    await expect.poll(() => unnamedOfKinds(session.page, ['thesis', 'pillar'])).toEqual([]);
    // Each section is named too: by its title, or by its namesake's label where the title gives
    // way to it (the introduction's title may give way to its theses, which say more).
    expect(await unnamedSections(session.page)).toEqual([]);
    // A title names its section by the head of its title, whole, on one line or two.
    const titles = await session.page.locator('.far-section-title__title').allTextContents();
    expect(titles).toContain('Services');
    expect(titles).toContain('Emerging and future industries');
  });

  it('after a shared link to a pillar, frames it and its neighbours where they read', async () => {
    const { page } = session;
    const seen = await openMap(page, session.url('#/concept/traditional-industries'));
    const selection = await framed(page, 'traditional-industries');
    expect(selection.inView).toBe(true);
    expect(selection.selected).toBeGreaterThanOrEqual(16);
    expect(selection.neighbours).toBeGreaterThanOrEqual(3);
    expect(selection.neighbourMedian).toBeGreaterThanOrEqual(12);
    expect(seen.concept.filter((px) => px > 0 && px < 10)).toEqual([]);
    expect(seen.overlaps).toBe(0);
  });
});

describe('the camera frames every kind of selection where it reads', () => {
  const session = useBrowser();
  const details = 'aside[aria-label="Concept details"]';

  /** The selection reads at 16 px or more, in view, and the camera has come close to it. */
  async function expectReadable(id: string) {
    const seen = await framed(session.page, id);
    expect(seen.inView, `${id} in view`).toBe(true);
    expect(seen.selected, `${id} label`).toBeGreaterThanOrEqual(16);
    expect(seen.zoom, `${id} zoom`).toBeGreaterThanOrEqual(0.5);
  }

  it('a click, a relation in the details, a passage in the article, a search, a focus', async () => {
    const { page } = session;
    await openMap(page, session.url());
    // A click on a concept of the zoomed-out map.
    await page.locator(`${node('traditional-industries')} .concept-node`).click();
    await expectReadable('traditional-industries');
    // A relation's concept in the details panel, in another section.
    await page
      .locator(`${details} a[href="#/concept/new-quality-productive-forces"]`)
      .first()
      .click();
    await expectReadable('new-quality-productive-forces');
    // A highlighted passage in the article.
    await page
      .locator('article[aria-label="Source article"] mark[data-concepts="metaphor-engine"]')
      .first()
      .click();
    await expectReadable('metaphor-engine');
    // A search.
    await page.keyboard.press('/');
    await page.keyboard.type('Emerging industries');
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
    await page.keyboard.press('Enter');
    await expectReadable('emerging-industries');
    // A wider focus frames a wider neighbourhood, and the selection still reads.
    await page.locator('input[name="focus-depth"][value="2"]').check();
    await expectReadable('emerging-industries');
  });

  it('close up, no relation phrase lies on a concept label, and some are drawn', async () => {
    const { page } = session;
    await openMap(page, session.url('#/concept/service-industry'));
    await framed(page, 'service-industry');
    // Zoomed in until each box draws its own text.
    for (let i = 0; i < 6; i += 1) {
      const zoom = (await measureSelection(page)).zoom;
      if (zoom >= 1) break;
      await page.getByRole('button', { name: 'Zoom in' }).click();
    }
    await expect.poll(async () => (await measureSelection(page)).zoom).toBeGreaterThanOrEqual(0.94);
    await expect.poll(() => page.locator('.concept-map.is-far').count()).toBe(0);
    const seen = await measure(page);
    expect(seen.phrases).toBeGreaterThan(0);
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
      await page.locator('.reader-content p').first().waitFor();
      await page.locator('.far-section-title__title').first().waitFor();
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
