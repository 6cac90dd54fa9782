/** Screenshots of the built app at laptop and projector sizes: `npm run screenshots` after a build. */
import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../browser.ts';
import { startPreview } from '../preview-server.ts';

const sizes = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'projector', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
];
const hashes = process.argv.slice(2);
const outDir = 'tests/e2e/__screenshots__';
await mkdir(outDir, { recursive: true });
const { server, url } = await startPreview();
const browser = await launchChromium();
try {
  for (const hash of hashes.length > 0 ? hashes : ['']) {
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
      page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
      await page.goto(`${url}${hash}`);
      await page.locator('.app-main > *').first().waitFor({ state: 'attached' });
      await page.waitForTimeout(hash ? 1500 : 600);
      // A tour step may be brought together as a close-up, laid out in the worker: wait for it.
      if (hash.includes('/tour/')) {
        await page
          .locator('.step-close-up__card')
          .first()
          .waitFor({ timeout: 10_000 })
          .then(() => page.waitForTimeout(1200))
          .catch(() => undefined);
      }
      const file = `${outDir}/${size.name}${hash.replace(/[^a-z0-9]+/gi, '-')}.png`;
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
