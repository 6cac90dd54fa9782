/**
 * Prints what a person sees of the built map's text (after `vite build`): the legibility rows of
 * `npm run bench`, without the rest of it. `npx tsx tools/measure-labels.ts`.
 */
import { launchChromium } from './browser.ts';
import { legibilityTable, measureLegibility } from './bench/legibility.ts';
import { startPreview } from './preview-server.ts';

const { server, url } = await startPreview();
const browser = await launchChromium();
try {
  console.log(legibilityTable(await measureLegibility(browser, url)));
} finally {
  await browser.close();
  await server.close();
}
