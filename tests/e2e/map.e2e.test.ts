import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp, seriousAxeViolations, useBrowser } from './harness';

const graph = JSON.parse(readFileSync('data/graph.json', 'utf8')) as {
  concepts: { id: string; label: string }[];
  sections: { id: string }[];
};

describe('the map in Chromium', () => {
  const session = useBrowser();

  it('shows every concept of the curated graph as a node', async () => {
    const page = await openApp(session);
    const ids = await page
      .locator('.react-flow__node-concept')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
    expect(ids.sort()).toEqual(graph.concepts.map((c) => c.id).sort());
    const first = graph.concepts[0]!;
    await expect
      .poll(() => page.locator(`.react-flow__node[data-id="${first.id}"]`).textContent())
      .toContain(first.label);
  });

  it('groups the concepts into labelled sections and draws the relations', async () => {
    const { page } = session;
    await page.goto(session.url());
    await page.locator('.react-flow__node-section').first().waitFor();
    expect(await page.locator('.react-flow__node-section').count()).toBe(graph.sections.length);
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(
      graph.concepts.length / 2,
    );
  });

  it('fits the whole map in the window at first, with no node outside it', async () => {
    const page = await openApp(session);
    const box = await page.locator('.react-flow').boundingBox();
    const outside = await page.locator('.react-flow__node-concept').evaluateAll(
      (nodes, frame) =>
        nodes.filter((n) => {
          const r = n.getBoundingClientRect();
          return (
            r.left < frame!.x - 1 ||
            r.right > frame!.x + frame!.width + 1 ||
            r.top < frame!.y - 1 ||
            r.bottom > frame!.y + frame!.height + 1
          );
        }).length,
      box,
    );
    expect(outside).toBe(0);
  });

  it('keeps the zoom buttons and the map clear of the legend on a projector', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await page.goto(session.url());
      await page.locator('.react-flow__node-concept').first().waitFor();
      // The legend starts closed, even on a wide screen, leaving the map to the reader.
      expect(await page.locator('#legend-body').isVisible()).toBe(false);
      // Opened, its list is taller than the map beside the buttons.
      await page.getByRole('button', { name: 'Legend and filters' }).click();
      expect(await page.locator('#legend-body').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Fit the whole map' }).click();
      const covered = await page.locator('.react-flow__controls-button').evaluateAll(
        (buttons) =>
          buttons.filter((button) => {
            const r = button.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return !hit || !button.contains(hit);
          }).length,
      );
      expect(covered).toBe(0);
      expect(await page.locator('.react-flow__controls-button').count()).toBe(3);
      // The whole map is framed beside the legend, not under it.
      const legend = (await page.locator('.legend').boundingBox())!;
      const underLegend = () =>
        page
          .locator('.react-flow__node-concept')
          .evaluateAll(
            (nodes, right) => nodes.filter((n) => n.getBoundingClientRect().left < right).length,
            legend.x + legend.width,
          );
      await expect.poll(underLegend).toBe(0);
      // So is the map the fit button frames, once zoomed in.
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(underLegend).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Fit the whole map' }).click();
      await expect.poll(underLegend).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('keeps the legend’s button on one line, with the filters that are on', async () => {
    const { page } = session;
    await page.goto(session.url());
    await page.locator('.react-flow__node-concept').first().waitFor();
    await page.getByRole('button', { name: 'Legend and filters' }).click();
    const kinds = page.getByRole('list', { name: 'Kinds of concept' });
    await kinds.getByRole('button', { name: /Metaphor/ }).click();
    await kinds.getByRole('button', { name: /Example/ }).click();
    const button = page.getByRole('button', { name: 'Legend and filters (2 hidden)' });
    const { height } = (await button.boundingBox())!;
    const line = await button.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    expect(height).toBeLessThan(line * 1.5);
  });

  it("shows the map's title in two lines in the header, whole on a projector", async () => {
    const { page } = session;
    const measure = () =>
      page.locator('.app-header__title').evaluate((title) => ({
        lines: Math.round(
          title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight),
        ),
        cut:
          title.scrollHeight > title.clientHeight + 1 || title.scrollWidth > title.clientWidth + 1,
        header: title.closest('header')!.getBoundingClientRect().height,
        width: title.getBoundingClientRect().width,
      }));
    await page.goto(session.url());
    await page.locator('.react-flow__node-concept').first().waitFor();
    // The part of the title that names the article, not the column's name before the bar.
    expect(await page.locator('.app-header__title').textContent()).toMatch(/^How to Build /);
    // A laptop: two lines of the title beside the search box, still in a header of one row.
    const laptop = await measure();
    expect(laptop.lines).toBe(2);
    expect(laptop.width).toBeGreaterThan(120);
    expect(laptop.header).toBeLessThan(70);
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await expect.poll(async () => (await measure()).cut).toBe(false);
      expect((await measure()).header).toBeLessThan(70);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('has no serious or critical accessibility violations', async () => {
    const page = await openApp(session);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
