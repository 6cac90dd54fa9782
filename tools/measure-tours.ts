/**
 * Prints what the class sees of every tour step (after `vite build`): the smallest label of each
 * step's concepts at 1920x1080 and 1366x768. `npx tsx tools/measure-tours.ts [--all]`.
 */
import { readFile } from 'node:fs/promises';
import { launchChromium } from './browser.ts';
import { measureTours, tourSummary } from './bench/tour-legibility.ts';
import { startPreview } from './preview-server.ts';

const data = JSON.parse(await readFile('data/tours.json', 'utf8')) as {
  tours: { id: string; steps: unknown[] }[];
};
const tours = data.tours.map((t) => ({ id: t.id, steps: t.steps.length }));
const { server, url } = await startPreview();
const browser = await launchChromium();
try {
  for (const [viewport, least] of [
    [{ width: 1920, height: 1080 }, 32],
    [{ width: 1366, height: 768 }, 24],
  ] as const) {
    const rows = await measureTours(browser, url, tours, viewport);
    console.log(`${viewport.width}x${viewport.height}: ${tourSummary(rows, least)}`);
    if (process.argv.includes('--all')) {
      for (const r of rows)
        console.log(
          `  ${r.tour} ${r.step}: ${r.smallest} px, ${r.overlaps} overlaps, ${r.cut} cut, ${r.phrases} of ${r.relations} phrases`,
        );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
