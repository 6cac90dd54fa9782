/**
 * Prints what the class sees of every tour step (after `vite build`): the smallest label of each
 * step's concepts at 1920x1080 and 1366x768, and how many of its relations say their phrase;
 * `--all` prints every step. `npx tsx tools/measure-tours.ts [--all]`.
 */
import { launchChromium } from './browser.ts';
import { builtInTours, measureTours, stepLine, tourSummary } from './bench/tour-legibility.ts';
import { startPreview } from './preview-server.ts';
import { STEP_PHRASE_RATIO } from '../src/model/step-layout.ts';

const tours = await builtInTours();
const { server, url } = await startPreview();
const browser = await launchChromium();
try {
  for (const [viewport, least] of [
    [{ width: 1920, height: 1080 }, 32],
    [{ width: 1366, height: 768 }, 24],
  ] as const) {
    const rows = await measureTours(browser, url, tours, viewport, least * STEP_PHRASE_RATIO);
    console.log(`${viewport.width}x${viewport.height}: ${tourSummary(rows, least)}`);
    if (process.argv.includes('--all')) for (const r of rows) console.log(`  ${stepLine(r)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
