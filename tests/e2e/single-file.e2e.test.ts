import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model/bundle-format';
import { directiveSources } from '../../tools/build/csp';
import { useBrowser } from './harness';

// Written by `vite build --mode single` (npm run build:single, and npm run test:e2e).
const file = resolve('dist-single/index.html');
const details = 'aside[aria-label="Concept details"]';
const node = (id: string) => `.react-flow__node[data-id="${id}"]`;

describe('the single file opened from disk', () => {
  const session = useBrowser();

  it('carries all its code inline, allowed by hash and not by unsafe-inline', () => {
    expect(existsSync(file), `${file} is missing: run npm run build:single`).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    // No service worker: the file is on the disk already.
    expect(html).not.toContain('sw.js');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const scripts = directiveSources(policy ?? '', 'script-src') ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const source of scripts) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it('draws the map and shows a clicked concept’s details, with no errors', async () => {
    const { page } = session;
    await page.goto(pathToFileURL(file).href);
    await page.locator('.react-flow__node-concept').first().waitFor();
    expect(await page.locator('.react-flow__node-concept').count()).toBeGreaterThan(10);
    await page.locator(node('metaphor-chassis')).click();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    expect(await page.locator(`${details} blockquote`).first().textContent()).toContain('chassis');
    expect(page.url()).toMatch(/#\/concept\/metaphor-chassis$/);
    expect(
      await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller),
    ).toBeFalsy();
  });

  it('runs the parts that the hosted build loads later: outline, quiz, image export', async () => {
    const { page } = session;
    await page.goto(`${pathToFileURL(file).href}#/outline`);
    await page.getByRole('tree', { name: 'Outline of the argument' }).waitFor();
    await page.goto(`${pathToFileURL(file).href}#/quiz`);
    await page.locator('.quiz__question').waitFor();
    await page.goto(pathToFileURL(file).href);
    await page.locator('.react-flow__node-concept').first().waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Current view as PNG' }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('is one file: no worker, no example file beside it', () => {
    expect(readdirSync(dirname(file))).toEqual(['index.html']);
  });

  it('offers the example from disk with the network off, and opens it without positions', async () => {
    const { page, context } = session;
    await context.setOffline(true);
    await context.route(/^https?:/, (route) => route.abort());
    await page.goto(pathToFileURL(file).href);
    await page.locator('.react-flow__node-concept').first().waitFor();
    await page.getByRole('button', { name: 'Open map…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open another map' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: 'Download the built-in map as an example file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('concept-atlas-example.json');
    const example = JSON.parse(readFileSync(await download.path(), 'utf8')) as Bundle;
    expect(example.schemaVersion).toBe(1);
    expect(example.graph.concepts.length).toBeGreaterThan(10);
    // The page is still the app, not the file's text.
    expect(page.url()).toBe(pathToFileURL(file).href);
    expect(await dialog.isVisible()).toBe(true);
    // A bundle without positions is laid out on the page, as no worker starts from disk.
    example.article.title = 'A reading laid out from disk';
    for (const concept of example.graph.concepts) delete concept.position;
    await dialog.getByLabel(/From this computer/).setInputFiles({
      name: 'reading.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(example)),
    });
    await expect
      .poll(() => page.locator('.app-header__title').textContent(), { timeout: 60_000 })
      .toBe('A reading laid out from disk');
    expect(await page.locator('.react-flow__node-concept').count()).toBe(
      example.graph.concepts.length,
    );
  });
});
