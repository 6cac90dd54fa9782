import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NODE_WIDTH, nodeHeight } from '../../src/model/geometry';
import { makeSyntheticBundle } from '../../tools/synthetic-bundle';
import { seriousAxeViolations, useBrowser } from './harness';

type Bundle = ReturnType<typeof makeSyntheticBundle>;
const COUNT = 1200;

/** Where a concept's box is on screen: its place on the map, through the viewport's transform. */
async function onScreen(page: Page, concept: Bundle['graph']['concepts'][number]) {
  const [tx = 0, ty = 0, zoom = 1] = await page
    .locator('.react-flow__viewport')
    .evaluate((el: HTMLElement) => (el.style.transform.match(/-?[0-9.]+/g) ?? []).map(Number));
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const at = concept.position!;
  return {
    x: pane.x + tx + (at.x + NODE_WIDTH / 2) * zoom,
    y: pane.y + ty + (at.y + nodeHeight(concept.label) / 2) * zoom,
  };
}

const conceptIds = (page: Page) =>
  page
    .locator('.react-flow__node-concept')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.id!));

describe('a large map in Chromium', () => {
  const session = useBrowser();

  async function openLarge() {
    const { page } = session;
    const bundle = makeSyntheticBundle(COUNT);
    await page.route('**/maps/large.json', (route) => route.fulfill({ json: bundle }));
    await page.goto(`${session.url()}?bundle=maps/large.json`);
    await expect
      .poll(() => page.locator('.app-header__title').textContent(), { timeout: 30_000 })
      .toBe(bundle.article.title);
    return bundle;
  }

  it('shows an overview when zoomed out, and selects a concept clicked on it', async () => {
    const { page } = session;
    const bundle = await openLarge();
    const map = page.locator('.concept-map');
    await expect.poll(() => map.getAttribute('class')).toContain('is-overview');
    expect(await page.locator('.overview-canvas').isVisible()).toBe(true);
    expect(Number(await page.locator('.overview-canvas').getAttribute('data-drawn'))).toBe(COUNT);
    // Zoomed out, the canvas stands in for the concepts: none of them has an element.
    expect(await conceptIds(page)).toEqual([]);
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);

    const target = bundle.graph.concepts[40]!;
    const { x, y } = await onScreen(page, target);
    await page.mouse.click(x, y);
    const details = page.getByRole('complementary', { name: 'Concept details' });
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toBe(target.label);
    // The map marks it too, whether the camera still shows the overview or the concepts.
    await expect
      .poll(() => page.locator(`.react-flow__node[data-id="${target.id}"]`).getAttribute('class'))
      .toContain('is-selected');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 120_000);

  it('can be entered with the keyboard alone when zoomed out', async () => {
    const { page } = session;
    await openLarge();
    const map = page.getByRole('region', { name: 'Concept map' });
    await expect.poll(() => map.getAttribute('class')).toContain('is-overview');
    const onMap = () => map.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 60 && !(await onMap()); i += 1) await page.keyboard.press('Tab');
    expect(await onMap()).toBe(true);
    // The hint is shown beside the focus ring, and read out as the map's description.
    const hint = page.locator('.concept-map__hint');
    expect(await hint.isVisible()).toBe(true);
    expect((await hint.boundingBox())!.width).toBeGreaterThan(200);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    const focusedConcept = () =>
      page.evaluate(
        () => document.activeElement?.closest<HTMLElement>('.react-flow__node-concept')?.dataset.id,
      );
    await expect.poll(focusedConcept).toBeTruthy();
    expect(await map.getAttribute('class')).not.toContain('is-overview');
    const first = await focusedConcept();
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedConcept).not.toBe(first);
  }, 120_000);

  it('zoomed in, gives elements only to the concepts near the view, and follows panning and arrows', async () => {
    const { page } = session;
    const bundle = await openLarge();
    const map = page.locator('.concept-map');
    await expect.poll(() => map.getAttribute('class')).toContain('is-overview');
    // Zoom in on the middle of the map until the concepts are drawn as themselves.
    const pane = (await page.locator('.react-flow').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 40 && (await map.getAttribute('class'))!.includes('is-overview'); i += 1) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(50);
    }
    await expect.poll(() => map.getAttribute('class')).not.toContain('is-overview');
    await expect.poll(async () => (await conceptIds(page)).length).toBeGreaterThan(0);
    const before = await conceptIds(page);
    expect(before.length).toBeLessThan(COUNT / 4);

    // A long drag brings other concepts in and lets those left behind go.
    await page.mouse.move(pane.x + pane.width - 40, pane.y + pane.height / 2);
    await page.mouse.down();
    await page.mouse.move(pane.x + 40, pane.y + pane.height / 2, { steps: 20 });
    await page.mouse.up();
    const viewport = page.locator('.react-flow__viewport');
    const dragged = await viewport.getAttribute('style');
    await expect
      .poll(async () => (await conceptIds(page)).filter((id) => !before.includes(id)).length)
      .toBeGreaterThan(0);
    const after = await conceptIds(page);
    expect(before.filter((id) => !after.includes(id)).length).toBeGreaterThan(0);
    // The concepts that came in do not bring the camera back.
    await page.waitForTimeout(300);
    expect(await viewport.getAttribute('style')).toBe(dragged);

    // The keyboard reaches a concept, and the arrow keys move along its relations.
    const from = (await page.locator('.react-flow__node-concept').first().getAttribute('data-id'))!;
    await page.locator(`.react-flow__node[data-id="${from}"]`).focus();
    const linked = new Set(
      bundle.graph.relations.flatMap((r) =>
        r.source === from ? [r.target] : r.target === from ? [r.source] : [],
      ),
    );
    expect(linked.size).toBeGreaterThan(0);
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);
    // Each arrow goes to the nearest related concept that way, if there is one; the focus may move
    // a moment later, once that concept has an element.
    // While the camera brings it in, the focus may be nowhere for a moment: wait for a concept.
    let moved: string | null = from;
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      let landed: string | null = from;
      moved = await expect
        .poll(
          async () => {
            landed = await focused();
            return landed !== null && landed !== from;
          },
          { timeout: 3000 },
        )
        .toBe(true)
        .then(
          () => landed,
          () => from,
        );
      if (moved !== from) break;
    }
    expect(linked).toContain(moved);
  }, 120_000);
});
