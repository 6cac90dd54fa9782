import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE_NAME, type Bundle } from '../../src/model/bundle-format';
import { headlineOf } from '../../src/model/text';
import { openApp, seriousAxeViolations, useBrowser } from './harness';

/** The example the build ships: the built-in content as a bundle. */
const example = () => JSON.parse(readFileSync(`dist/${BUNDLE_FILE_NAME}`, 'utf8')) as Bundle;

// The header names the article by its own title, after the column's name and its bar.
const builtInTitle = headlineOf(example().article.title);
const title = (page: Page) => page.locator('.app-header__title').textContent();
const asFile = (value: unknown, name: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

async function openFile(page: Page, value: unknown, name: string) {
  await page.getByRole('button', { name: 'Open map…' }).click();
  await page
    .getByRole('dialog', { name: 'Open another map' })
    .getByLabel(/From this computer/)
    .setInputFiles(asFile(value, name));
}

describe('opening other maps in Chromium', () => {
  const session = useBrowser();

  it('opens a bundle through the file input, keeps it across a reload, and goes back', async () => {
    const page = await openApp(session);
    const mapHeight = async () => (await page.locator('.react-flow').boundingBox())?.height;
    const before = await mapHeight();
    const bundle = example();
    bundle.article.title = 'A reading from a file';
    await openFile(page, bundle, 'reading.json');
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe('A reading from a file');
    expect(await page.locator('.react-flow__node-concept').count()).toBe(
      bundle.graph.concepts.length,
    );
    // "Opened" says it is kept for the next visit.
    await page.getByText('Opened “A reading from a file”.').waitFor();
    // The notice does not push the map down, which would cut off what the camera framed.
    expect(await mapHeight()).toBe(before);
    await page.reload();
    // Reopening loads the checker, reads the saved copy and checks it again: give it time.
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe('A reading from a file');
    await page.getByRole('button', { name: 'Open map…' }).click();
    await page.getByRole('button', { name: 'Back to the built-in article' }).click();
    await expect.poll(() => title(page)).toBe(builtInTitle);
    await page.reload();
    await page.locator('.react-flow__node-concept').first().waitFor();
    expect(await title(page)).toBe(builtInTitle);
  });

  it('opens a bundle named by ?bundle=, laying out concepts that have no position', async () => {
    const { page } = session;
    const bundle = example();
    bundle.article.title = 'A reading from an address';
    for (const concept of bundle.graph.concepts) delete concept.position;
    await page.route('**/maps/reading.json', (route) => route.fulfill({ json: bundle }));
    await page.goto(`${session.url()}?bundle=maps/reading.json`);
    await expect.poll(() => title(page), { timeout: 30_000 }).toBe('A reading from an address');
    const boxes = await page
      .locator('.react-flow__node-concept')
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(bundle.graph.concepts.length);
    // Laid out: not all piled up in one place.
    expect(new Set(boxes.map((b) => `${Math.round(b.x)},${Math.round(b.y)}`)).size).toBeGreaterThan(
      bundle.graph.concepts.length / 2,
    );
  });

  it('lists every problem of an invalid bundle, of its schema and of its rules, and keeps the current map', async () => {
    const page = await openApp(session);
    const bundle = example();
    bundle.graph.concepts[0]!.id = 'Not Kebab';
    bundle.graph.relations[0]!.target = 'nowhere';
    delete (bundle.graph.concepts[1] as Partial<(typeof bundle.graph.concepts)[number]>).summary;
    // Beside the problems of the schema, those of the graph's rules: a quote the article does not
    // have, in a concept that passes its schema.
    const third = bundle.graph.concepts[2]!;
    third.passages[0] = { exact: 'Words the article never says.' };
    const relation = bundle.graph.relations[0]!;
    await openFile(page, bundle, 'broken.json');
    const alert = page.getByRole('alert', { name: 'Map not opened' });
    await alert.waitFor();
    const problems = await alert.getByRole('listitem').allTextContents();
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        // In words for a teacher, then the place in the file.
        expect.stringMatching(
          /^Concept 1 \(“Not Kebab”\), id: .* graph\.concepts\[0\] \(Not Kebab\)\.id$/,
        ),
        expect.stringMatching(
          /^Concept 2 \(“[^”]+”\), summary: is missing graph\.concepts\[1\] \([^)]+\)\.summary$/,
        ),
        `Concept 3 (“${third.id}”), passage 1: quote not found in the article: "Words the article never says." graph.concepts[2] (${third.id}).passages[0]`,
        `Relation 1 (“${relation.id}”), target: unknown concept "nowhere" graph.relations[0] (${relation.id}).target`,
      ]),
    );
    expect(await title(page)).toBe(builtInTitle);
    expect(await page.locator('.react-flow__node-concept').count()).toBe(
      example().graph.concepts.length,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('says in words that a file is no map file, or of a newer format', async () => {
    const page = await openApp(session);
    const alert = page.getByRole('alert', { name: 'Map not opened' });
    await openFile(page, '{}', 'empty.json');
    await expect
      .poll(() => alert.getByRole('listitem').allTextContents())
      .toEqual([
        'This is not a Concept Atlas map file: it has no article and no map. “Download the built-in map as an example file”, under “Open map…”, shows what one holds',
      ]);
    const newer = example();
    (newer as { schemaVersion: number }).schemaVersion = 2;
    await openFile(page, newer, 'newer.json');
    await expect
      .poll(() => alert.getByRole('listitem').allTextContents())
      .toEqual([
        'The file’s format version: is 2, so it was made by a newer version of Concept Atlas; this one reads format 1 schemaVersion',
      ]);
  });

  it('refuses hostile input with reasons, and shows hostile text as text', async () => {
    const page = await openApp(session);
    await openFile(page, '{"__proto__": {"polluted": true}, "schemaVersion": 1}', 'proto.json');
    await expect
      .poll(() => page.getByRole('alert', { name: 'Map not opened' }).textContent())
      .toContain('__proto__: this key is not allowed');
    await openFile(page, '['.repeat(200_000), 'deep.json');
    await expect
      .poll(() => page.getByRole('alert', { name: 'Map not opened' }).textContent())
      .toMatch(/nesting is deeper than 32 levels/i);

    const hostile = example();
    const label = '<img src=x onerror="window.pwned=1">';
    hostile.article.title = 'Hostile';
    hostile.graph.concepts[0]!.label = label;
    hostile.article.markdown += '\n\nWords <img src=y onerror="window.pwned=2"> end.\n';
    await openFile(page, hostile, 'hostile.json');
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe('Hostile');
    const node = page.locator(
      `.react-flow__node[data-id="${hostile.graph.concepts[0]!.id}"] .concept-node__label`,
    );
    expect(await node.textContent()).toBe(label);
    expect(await page.locator('img[src="x"], img[src="y"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('passes axe with the open-map dialog showing', async () => {
    const page = await openApp(session);
    await page.getByRole('button', { name: 'Open map…' }).click();
    await page.getByRole('dialog', { name: 'Open another map' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
