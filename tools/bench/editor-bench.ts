/**
 * The editor's part of `npm run bench`: a generated bundle opened and made a draft ("Edit this
 * map"), in a fresh browser context at 1366x768; then keys typed into a concept's label, concepts
 * made from selected words, and edits autosaved.
 */
import type { Browser } from 'playwright-core';
import type { WrittenBundle } from './bench-data.ts';
import { mapReadyScript, waitForMap } from './bench-page.ts';
import {
  labelKeys,
  longTaskScript,
  newConceptTimes,
  openAsDraft,
  saveCosts,
  selectForEditing,
} from './editor-page.ts';
import type { EditorSamples } from './editor-rows.ts';

export type EditorCounts = { keys: number; concepts: number; saves: number };

export const EDITOR_COUNTS: EditorCounts = { keys: 20, concepts: 10, saves: 10 };

const letters = (n: number) =>
  Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join('');

export async function measureEditor(
  browser: Browser,
  url: string,
  bundle: WrittenBundle,
  log: (message: string) => void,
  counts: EditorCounts = EDITOR_COUNTS,
): Promise<EditorSamples> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(longTaskScript);
    await page.addInitScript(mapReadyScript('app', bundle.count, bundle.ids, 20_000));
    await page.goto(`${url}?bundle=bench/data/${bundle.count}.json`, { timeout: 120_000 });
    await waitForMap(page, 120_000);
    const t0 = performance.now();
    await openAsDraft(page);
    log(`  editor: the draft opened and was laid out in ${Math.round(performance.now() - t0)} ms`);
    const conceptId = await selectForEditing(page, bundle.points);
    if (!conceptId) throw new Error('no concept selected to edit');
    const samples: EditorSamples = { label: [], newConcept: [], save: [] };
    const steps: [string, () => Promise<void>][] = [
      [
        'label',
        async () => void (samples.label = await labelKeys(page, conceptId, letters(counts.keys))),
      ],
      ['save', async () => void (samples.save = await saveCosts(page, letters(counts.saves)))],
      [
        'new concept',
        async () => void (samples.newConcept = await newConceptTimes(page, counts.concepts)),
      ],
    ];
    for (const [name, step] of steps) {
      const started = performance.now();
      await step().catch((error: unknown) => log(`  editor: ${name} failed: ${String(error)}`));
      log(`  editor: ${name} took ${Math.round(performance.now() - started)} ms`);
    }
    return samples;
  } finally {
    if (errors.length > 0) log(`  editor: page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}
