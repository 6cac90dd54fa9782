/**
 * Prints what a person sees of the built map's text at fit view (after `vite build`): how many
 * concept labels are drawn at 14 px or more on screen, how many at 1-9 px, and the median.
 * `npx tsx tools/measure-labels.ts [hash]`.
 */
import { launchChromium } from './browser.ts';
import { startPreview } from './preview-server.ts';

const hash = process.argv[2] ?? '';
const { server, url } = await startPreview();
const browser = await launchChromium();
try {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${url}${hash}`);
    await page.locator('.react-flow__node-concept').first().waitFor();
    await page.waitForTimeout(1500);
    const sizes = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.concept-node__label')].flatMap((el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const inside = box.right > pane.left && box.left < pane.right && box.bottom > pane.top;
        if (style.visibility !== 'visible' || !inside || el.offsetWidth === 0) return [];
        const px = Number.parseFloat(style.fontSize) * (box.width / Number.parseFloat(style.width));
        return [Math.round(px * 10) / 10];
      });
    });
    // The selection and its neighbours on screen (a neighbour whose label is not drawn counts 0).
    // Written as a string: the script runner's helpers are not defined in the page.
    const near = (await page.evaluate(`(() => {
      const pane = document.querySelector('.react-flow').getBoundingClientRect();
      function px(node) {
        const el = node.querySelector('.concept-node__label');
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible') return 0;
        return Number.parseFloat(style.fontSize) * (el.getBoundingClientRect().width / Number.parseFloat(style.width));
      }
      function onScreen(node) {
        const box = node.getBoundingClientRect();
        return box.right > pane.left && box.left < pane.right && box.bottom > pane.top && box.top < pane.bottom;
      }
      const selected = document.querySelector('.react-flow__node.is-selected');
      const neighbours = [...document.querySelectorAll('.react-flow__node.is-neighbour')];
      const shown = neighbours.filter(onScreen).map(px).sort((a, b) => a - b);
      const visible = (el) => getComputedStyle(el).visibility === 'visible' && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
      const labels = [...document.querySelectorAll('.concept-node__label')].filter(visible).map((el) => el.getBoundingClientRect());
      const phrases = [...document.querySelectorAll('.relation-label')].filter(visible).map((el) => el.getBoundingClientRect());
      const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return {
        overlaps: phrases.filter((p) => labels.some((l) => meet(p, l))).length,
        phrases: phrases.length,
        selected: selected ? px(selected) : null,
        neighbours: neighbours.length,
        shown: shown.length,
        median: shown[Math.floor(shown.length / 2)] ?? 0,
      };
    })()`)) as { overlaps: number; phrases: number; selected: number | null; neighbours: number; shown: number; median: number };
    console.log(`  ${near.phrases} relation phrases drawn, ${near.overlaps} on a concept label`);
    if (near.selected !== null) {
      console.log(
        `  selected ${near.selected.toFixed(1)} px; ${near.shown} of ${near.neighbours} neighbours on screen, median ${near.median.toFixed(1)} px`,
      );
    }
    sizes.sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
    console.log(
      `${width}x${height}${hash}: ${sizes.length} labels drawn, ${sizes.filter((s) => s >= 14).length} at >= 14 px, ${sizes.filter((s) => s >= 20).length} at >= 20 px, ${sizes.filter((s) => s > 0 && s < 10).length} at 1-9 px, median ${median.toFixed(1)} px`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
