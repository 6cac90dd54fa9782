/**
 * `npm run bench`: measures the built app in headless Chromium. Not a test: numbers vary with the
 * machine. Prints a table of medians over several runs.
 */
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/browser';
import { startPreview } from '../../tests/e2e/preview-server';

const RUNS = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};

async function initialBytes() {
  const files = await readdir('dist/assets');
  let raw = 0;
  let gzip = 0;
  for (const file of files.filter((f) => /\.(js|css)$/.test(f))) {
    const content = await readFile(`dist/assets/${file}`);
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  return { raw, gzip };
}

/** Frame intervals while the map is panned and zoomed with the mouse, as a user would. */
async function frameTimes(page: Page): Promise<number[]> {
  // A string, not a function: the script runner would wrap named inner functions in helpers
  // that do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no map');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 40; i += 1) await page.mouse.move(cx + i * 8, cy + i * 4);
  await page.mouse.up();
  for (let i = 0; i < 20; i += 1) await page.mouse.wheel(0, i < 10 ? -120 : 120);
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1));
}

const { server, url } = await startPreview();
const browser = await launchChromium();
const rows: Record<string, number[]> = {
  'time to map (ms)': [],
  'time to map, 4x CPU throttling (ms)': [],
  'frame time median while panning/zooming (ms)': [],
  'frame time p95 while panning/zooming (ms)': [],
  'JS heap after load (MB)': [],
  'select a concept (ms)': [],
};
try {
  for (let run = 0; run < RUNS; run += 1) {
    for (const throttled of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttled ? 4 : 1 });
      // Records, inside the page, when the first concept is painted into the map.
      await page.addInitScript(`new MutationObserver((_, observer) => {
        if (document.querySelector('.react-flow__node-concept .concept-node')) {
          window.__drawn = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });`);
      await page.goto(url);
      await page.waitForFunction('window.__drawn !== undefined');
      const drawn = (await page.evaluate('window.__drawn')) as number;
      if (throttled) {
        rows['time to map, 4x CPU throttling (ms)']!.push(drawn);
      } else {
        rows['time to map (ms)']!.push(drawn);
        const heap = await page.evaluate(
          () =>
            (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
              ?.usedJSHeapSize ?? 0,
        );
        rows['JS heap after load (MB)']!.push(heap / 1024 / 1024);
        const frames = await frameTimes(page);
        rows['frame time median while panning/zooming (ms)']!.push(median(frames));
        rows['frame time p95 while panning/zooming (ms)']!.push(percentile(frames, 95));
        const node = page.locator('.react-flow__node-concept').nth(5);
        await page.locator('.react-flow__controls-fitview').click();
        const started = await page.evaluate(() => performance.now());
        await node.click();
        await page.locator('.react-flow__node-concept.selected').waitFor();
        rows['select a concept (ms)']!.push(
          (await page.evaluate(() => performance.now())) - started,
        );
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const bytes = await initialBytes();
console.log(`\nConcept Atlas benchmark: built-in map, 1366x768, median of ${RUNS} runs\n`);
console.log('| measure | value |');
console.log('| --- | ---: |');
for (const [name, values] of Object.entries(rows))
  console.log(`| ${name} | ${median(values).toFixed(1)} |`);
console.log(`| JS + CSS shipped (kB, raw) | ${(bytes.raw / 1024).toFixed(1)} |`);
console.log(`| JS + CSS shipped (kB, gzip) | ${(bytes.gzip / 1024).toFixed(1)} |`);
