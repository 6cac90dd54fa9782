import { describe, expect, it } from 'vitest';
import { directiveSources } from '../../tools/build/csp';
import { useBrowser } from './harness';

const details = 'aside[aria-label="Concept details"]';
const article = 'article[aria-label="Source article"]';

describe('the hosted build offline and under its policy', () => {
  const session = useBrowser();

  it('serves index.html with a Content-Security-Policy that runs only its own scripts', async () => {
    const html = await (await fetch(session.url())).text();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    expect(directiveSources(policy!, 'script-src')).toEqual(["'self'"]);
    // The policy comes before any script or style it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
  });

  it('opens with no network after one visit', async () => {
    const { page, context } = session;
    await page.goto(session.url('#/concept/metaphor-chassis'));
    await page.locator('.react-flow__node-concept').first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The first visit installs the worker; the page it serves is the next one.
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
      await page.reload();
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
        .toBe(true);
    }

    await context.setOffline(true);
    await page.reload();
    await page.locator('.react-flow__node-concept').first().waitFor();
    expect(await page.locator('.react-flow__node-concept').count()).toBeGreaterThan(10);
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    expect(await page.locator(`${article} mark`).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Nothing is waiting to replace this version.
    expect(await page.getByRole('status', { name: 'Updates' }).textContent()).toBe('');
  });
});
