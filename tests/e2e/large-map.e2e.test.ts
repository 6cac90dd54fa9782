import { describe, expect, it } from 'vitest';
import { makeSyntheticBundle } from '../../src/model/synthetic-bundle';
import { seriousAxeViolations, useBrowser } from './harness';

describe('a large map in Chromium', () => {
  const session = useBrowser();

  it('shows an overview when zoomed out, and selects a concept clicked on it', async () => {
    const { page } = session;
    const bundle = makeSyntheticBundle(1200);
    await page.route('**/maps/large.json', (route) => route.fulfill({ json: bundle }));
    await page.goto(`${session.url()}?bundle=maps/large.json`);
    await expect
      .poll(() => page.locator('.app-header__title').textContent(), { timeout: 30_000 })
      .toBe(bundle.article.title);
    const map = page.locator('.concept-map');
    await expect.poll(() => map.getAttribute('class')).toContain('is-overview');
    expect(await page.locator('.overview-canvas').isVisible()).toBe(true);
    // The concepts' elements are kept but not rendered while the canvas stands in for them.
    expect(
      await page
        .locator('.react-flow__nodes')
        .evaluate((nodes) => getComputedStyle(nodes).contentVisibility),
    ).toBe('hidden');
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);

    // Where the canvas draws a concept: its node's place, through the viewport's transform.
    const target = await page.evaluate(() => {
      const numbers = (el: Element | null) =>
        ((el as HTMLElement | null)?.style.transform.match(/-?[0-9.]+/g) ?? []).map(Number);
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const [tx = 0, ty = 0, zoom = 1] = numbers(document.querySelector('.react-flow__viewport'));
      const node = document.querySelectorAll<HTMLElement>('.react-flow__node-concept')[40]!;
      const [x = 0, y = 0] = numbers(node);
      return {
        id: node.dataset.id!,
        x: pane.left + tx + (x + 110) * zoom,
        y: pane.top + ty + (y + 12) * zoom,
      };
    });
    await page.mouse.click(target.x, target.y);
    const label = bundle.graph.concepts.find((c) => c.id === target.id)!.label;
    const details = page.getByRole('complementary', { name: 'Concept details' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toBe(label);
    // The map marks it too, whether the camera still shows the overview or the concepts.
    expect(
      await page.locator(`.react-flow__node[data-id="${target.id}"]`).getAttribute('class'),
    ).toContain('is-selected');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 120_000);
});
