import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model/bundle-format';
import { riversAndTowns } from '../fixtures/draft-article';
import {
  centre,
  conceptNode,
  conceptNodes,
  drag,
  edgePath,
  fitWholeMap,
  linkToRiversFromKeyboard,
  makeConcept,
  makeTour,
  mapPlace,
  nodeLabels,
  openBundleFile,
  presentTour,
  startMap,
  stillBox,
  writeSummary,
} from './authoring-steps';
import { openApp, seriousAxeViolations, useBrowser } from './harness';

describe('making a map in the browser', () => {
  const session = useBrowser();

  it('makes a map from a pasted article, keeps it across a reload and opens its export', async () => {
    const page = await openApp(session);
    await page.getByRole('button', { name: 'New map…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a new map' });
    await dialog.getByRole('textbox', { name: 'The article' }).fill(riversAndTowns);
    expect(await dialog.getByRole('textbox', { name: 'Title (required)' }).inputValue()).toBe(
      'Rivers and towns',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Start the map' }).click();

    const bar = page.getByRole('region', { name: 'Draft' });
    await bar.getByText('Rivers and towns').waitFor();
    await page.getByText('Select words in the article to make a concept.').first().waitFor();
    expect(await conceptNodes(page).count()).toBe(0);

    await makeConcept(page, 'Rivers carry water');
    await writeSummary(page, 'Water comes to the towns by river.');
    await makeConcept(page, 'Boats carry goods');
    await writeSummary(page, 'Trade moves by boat.');
    // "The river is a road" occurs twice: the second, in "Trade", is chosen.
    await makeConcept(page, 'The river is a road', 1);
    await page.getByText('In “Trade”, where its first passage stands.').waitFor();
    await writeSummary(page, 'A river works as a way for trade.');
    await expect.poll(() => conceptNodes(page).count()).toBe(3);
    await page.getByText('This concept is ready.').waitFor();

    await page.getByRole('textbox', { name: 'Label' }).fill('River as road');
    await expect.poll(() => nodeLabels(page)).toContain('River as road');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await bar.getByText('Saved in this browser').waitFor();
    await page.reload();
    await bar.getByText('Rivers and towns').waitFor();
    await expect.poll(() => conceptNodes(page).count()).toBe(3);
    expect((await nodeLabels(page)).sort()).toEqual([
      'Boats carry goods',
      'River as road',
      'Rivers carry water',
    ]);

    // An edit after the reload, undone and redone from the keyboard and with the buttons.
    // The draft's map is laid out anew after each change: click the concept once it stands still.
    const boats = conceptNodes(page).filter({ hasText: 'Boats carry goods' });
    await stillBox(boats);
    await boats.click();
    await page.getByRole('textbox', { name: 'Label' }).fill('Boats');
    await expect.poll(() => nodeLabels(page)).toContain('Boats');
    await page.getByRole('heading', { name: /^Edit the concept/ }).click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => nodeLabels(page)).toContain('Boats carry goods');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => nodeLabels(page)).toContain('Boats');
    await bar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => nodeLabels(page)).toContain('Boats carry goods');
    await bar.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => nodeLabels(page)).toContain('Boats');

    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export bundle' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    const bundle = JSON.parse(text) as Bundle;
    expect(bundle.graph.concepts.find((c) => c.label === 'River as road')?.passages).toEqual([
      { exact: 'The river is a road', suffix: 'for' },
    ]);
    await page.getByText('“Open map…” opens it.').waitFor();

    await openBundleFile(page, text, 'Opened “Rivers and towns”.');
    await expect.poll(() => bar.count()).toBe(0);
    expect((await nodeLabels(page)).sort()).toEqual([
      'Boats',
      'River as road',
      'Rivers carry water',
    ]);

    // The draft stays in this browser, to continue.
    await page.getByRole('button', { name: 'New map…' }).click();
    await page.getByRole('button', { name: 'Your drafts…' }).click();
    await page.getByRole('button', { name: 'Open “Rivers and towns”' }).click();
    await bar.getByText('Rivers and towns').waitFor();
    await expect.poll(() => conceptNodes(page).count()).toBe(3);
    await bar.getByRole('button', { name: 'Leave the draft' }).click();
    await expect.poll(() => bar.count()).toBe(0);
    await page.reload();
    await page.locator('.react-flow__node-concept').first().waitFor();
    expect(await conceptNodes(page).count()).toBeGreaterThan(3);
    expect(await page.getByRole('region', { name: 'Draft' }).count()).toBe(0);
  });

  it('edits a copy of the built-in map and exports it as the same map', async () => {
    const page = await openApp(session);
    await conceptNodes(page).first().waitFor();
    const builtIn = await conceptNodes(page).count();
    await page.getByRole('button', { name: 'Edit this map' }).click();

    const bar = page.getByRole('region', { name: 'Draft' });
    await bar.getByText(/\(copy\)$/).waitFor({ timeout: 20_000 });
    await expect.poll(() => conceptNodes(page).count()).toBe(builtIn);
    expect(await page.getByRole('button', { name: 'Edit this map' }).count()).toBe(0);

    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export bundle' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    await page.getByText('“Open map…” opens it.').waitFor();
    const bundle = JSON.parse(text) as Bundle;
    expect(bundle.graph.concepts).toHaveLength(builtIn);
    expect(bundle.tours?.tours.length).toBeGreaterThan(0);

    await openBundleFile(page, text, /^Opened “/);
    await expect.poll(() => bar.count()).toBe(0);
    expect(await conceptNodes(page).count()).toBe(builtIn);
  });

  it('makes a tour in a draft, reorders it by drag, presents its export, and keeps two drafts', async () => {
    const page = await openApp(session);
    await startMap(page, riversAndTowns);
    const bar = page.getByRole('region', { name: 'Draft' });
    await makeConcept(page, 'Rivers carry water');
    await writeSummary(page, 'Water comes to the towns by river.');
    await makeConcept(page, 'Boats carry goods');
    await writeSummary(page, 'Trade moves by boat.');

    const editor = await makeTour(
      page,
      { title: 'Down the river', description: 'From water to trade.' },
      [
        {
          label: 'Rivers carry water',
          text: 'Rivers bring water to the towns.',
          notes: 'Where does our water come from?',
        },
        {
          label: 'Boats carry goods',
          text: 'Boats carry the goods of trade.',
          notes: 'What do boats carry?',
        },
      ],
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    await bar.getByText('Saved in this browser').waitFor();
    await page.reload();
    await bar.getByRole('button', { name: 'Tours (1)' }).click();
    const steps = editor.locator('.tour-step__toggle');
    await expect
      .poll(() => steps.allTextContents())
      .toEqual(['Step 1 Rivers carry water', 'Step 2 Boats carry goods']);

    // Step 2 dragged by its handle above step 1.
    const handle = editor.locator('.tour-step').nth(1).locator('.tour-step__handle');
    await handle.scrollIntoViewIfNeeded();
    const from = (await handle.boundingBox())!;
    const to = (await editor.locator('.tour-step').first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 6 });
    await page.mouse.up();
    await expect
      .poll(() => steps.allTextContents())
      .toEqual(['Step 1 Boats carry goods', 'Step 2 Rivers carry water']);
    await editor.getByText('“Boats carry goods” is now step 1 of 2.').waitFor();

    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export bundle' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    const bundle = JSON.parse(text) as Bundle;
    expect(bundle.tours?.tours.map((tour) => tour.steps.map((step) => step.title))).toEqual([
      ['Boats carry goods', 'Rivers carry water'],
    ]);
    await page.getByText('“Open map…” opens it.').waitFor();

    await openBundleFile(page, text, 'Opened “Rivers and towns”.');
    await presentTour(page, /Down the river/, 'Boats carry goods');
    expect(page.url()).toMatch(/#\/tour\/down-the-river\/1$/);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('#tour-step-title').textContent())
      .toBe('Rivers carry water');
    await page.keyboard.press('Escape');

    // A second draft, beside the first; then the first deleted, once confirmed.
    await startMap(page, 'Towns grow where rivers meet.', 'Towns');
    await bar.getByRole('button', { name: 'Drafts…' }).click();
    const list = page.getByRole('dialog', { name: 'Your drafts' });
    const names = list.getByRole('heading', { level: 3 });
    await expect
      .poll(() => names.allTextContents())
      .toEqual(['Towns (open now)', 'Rivers and towns']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await list.getByRole('button', { name: 'Delete “Rivers and towns”' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Rivers and towns”?' });
    await confirm.getByRole('button', { name: 'Delete the draft' }).click();
    await list.getByText('Deleted “Rivers and towns”.').waitFor();
    await expect.poll(() => names.allTextContents()).toEqual(['Towns (open now)']);
    await list.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await bar.getByText('Towns').waitFor();
    await bar.getByRole('button', { name: 'Drafts…' }).click();
    await expect.poll(() => names.allTextContents()).toEqual(['Towns (open now)']);
  });

  it('relates concepts by dragging and from the keyboard, and keeps a dragged concept in place', async () => {
    const page = await openApp(session);
    await page.getByRole('button', { name: 'New map…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a new map' });
    await dialog.getByRole('textbox', { name: 'The article' }).fill(riversAndTowns);
    await dialog.getByRole('button', { name: 'Start the map' }).click();
    const bar = page.getByRole('region', { name: 'Draft' });
    await bar.getByText('Rivers and towns').waitFor();
    await makeConcept(page, 'Rivers carry water');
    await writeSummary(page, 'Water comes to the towns by river.');
    await makeConcept(page, 'Boats carry goods');
    await writeSummary(page, 'Trade moves by boat.');
    await makeConcept(page, 'Towns grow');
    await writeSummary(page, 'Towns grow at rivers.');
    await expect.poll(() => conceptNodes(page).count()).toBe(3);
    await fitWholeMap(page);

    // By dragging from a concept's handle (24 px at least) to anywhere on another concept.
    const handle = conceptNode(page, 'rivers-carry-water').locator('.concept-node__link');
    const from = await stillBox(handle);
    expect(from.width).toBeGreaterThanOrEqual(24);
    expect(from.height).toBeGreaterThanOrEqual(24);
    const to = await stillBox(conceptNode(page, 'boats-carry-goods'));
    await drag(page, centre(from), { x: to.x + to.width * 0.3, y: to.y + to.height * 0.6 });
    const form = page.getByRole('dialog', { name: 'New relation' });
    await form.waitFor();
    expect(await form.getByRole('combobox', { name: 'From' }).inputValue()).toBe(
      'rivers-carry-water',
    );
    expect(await form.getByRole('combobox', { name: 'To' }).inputValue()).toBe('boats-carry-goods');
    await form.getByRole('textbox', { name: 'Linking phrase' }).fill('makes possible');
    await form.getByRole('combobox', { name: 'Kind of link' }).selectOption('enables');
    await form.getByText('Rivers carry water makes possible Boats carry goods').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save the relation' }).click();
    await page
      .getByText('Saved the relation “Rivers carry water makes possible Boats carry goods”.')
      .waitFor({ state: 'attached' });
    await edgePath(page, 'r-rivers-carry-water-boats-carry-goods').waitFor({ state: 'attached' });

    // From the keyboard alone: "Link to…", a search, a suggested phrase, Enter.
    await linkToRiversFromKeyboard(page, { id: 'towns-grow', label: 'Towns grow' });

    // A concept dragged to a place of its own stays there.
    await fitWholeMap(page);
    const boats = await stillBox(conceptNode(page, 'boats-carry-goods'));
    const before = await mapPlace(page, 'boats-carry-goods');
    await drag(
      page,
      { x: boats.x + 20, y: boats.y + boats.height / 2 },
      { x: boats.x + 90, y: boats.y + boats.height / 2 + 70 },
    );
    await expect.poll(() => mapPlace(page, 'boats-carry-goods')).not.toBe(before);
    await conceptNode(page, 'boats-carry-goods').click();
    await page.getByRole('heading', { name: 'Edit the concept “Boats carry goods”' }).waitFor();
    await page.getByRole('button', { name: 'Let the layout place it' }).waitFor();
    const placed = await mapPlace(page, 'boats-carry-goods');

    await bar.getByText('Saved in this browser').waitFor();
    await page.reload();
    await bar.getByText('Rivers and towns').waitFor();
    await expect.poll(() => conceptNodes(page).count()).toBe(3);
    await page.getByRole('checkbox', { name: 'Links between sections' }).check();
    await expect
      .poll(() =>
        page
          .locator('.react-flow__edge:has(path.react-flow__edge-path[d^="M"])')
          .evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-id')).sort()),
      )
      .toEqual(['r-rivers-carry-water-boats-carry-goods', 'r-towns-grow-rivers-carry-water']);
    await stillBox(conceptNode(page, 'rivers-carry-water'));
    expect(await mapPlace(page, 'boats-carry-goods')).toBe(placed);

    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export bundle' }).click();
    const bundle = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as Bundle;
    expect(bundle.graph.relations).toEqual([
      {
        id: 'r-rivers-carry-water-boats-carry-goods',
        source: 'rivers-carry-water',
        target: 'boats-carry-goods',
        label: 'makes possible',
        kind: 'enables',
      },
      {
        id: 'r-towns-grow-rivers-carry-water',
        source: 'towns-grow',
        target: 'rivers-carry-water',
        label: 'supports',
        kind: 'supports',
      },
    ]);
    const position = bundle.graph.concepts.find((c) => c.id === 'boats-carry-goods')?.position;
    expect(placed).toBe(`translate(${position?.x}px, ${position?.y}px)`);
  });
});
