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
