import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model/bundle-format';
import { riversAndTowns } from '../fixtures/draft-article';
import {
  centre,
  conceptNode,
  conceptNodes,
  drag,
  edgePath,
  exportBundle,
  fitWholeMap,
  linkToRiversFromKeyboard,
  makeConcept,
  makeTour,
  nodeLabels,
  openBundleFile,
  presentTour,
  selectConcept,
  stillBox,
  writeSummary,
} from './authoring-steps';
import { openApp, seriousAxeViolations, useBrowser } from './harness';

/** Relates two concepts by dragging from the first's handle onto the second, then the form. */
async function linkByDrag(page: Page, from: string, to: string, phrase: string, kind: string) {
  await fitWholeMap(page);
  const handle = await stillBox(conceptNode(page, from).locator('.concept-node__link'));
  const target = await stillBox(conceptNode(page, to));
  await drag(page, centre(handle), {
    x: target.x + target.width * 0.3,
    y: target.y + target.height * 0.6,
  });
  const form = page.getByRole('dialog', { name: 'New relation' });
  await form.waitFor();
  expect(await form.getByRole('combobox', { name: 'From' }).inputValue()).toBe(from);
  expect(await form.getByRole('combobox', { name: 'To' }).inputValue()).toBe(to);
  await form.getByRole('textbox', { name: 'Linking phrase' }).fill(phrase);
  await form.getByRole('combobox', { name: 'Kind of link' }).selectOption(kind);
  await form.getByRole('button', { name: 'Save the relation' }).click();
  await edgePath(page, `r-${from}-${to}`).waitFor({ state: 'attached' });
}

const shownEdges = (page: Page) =>
  page
    .locator('.react-flow__edge:has(path.react-flow__edge-path[d^="M"])')
    .evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-id')).sort());

describe('a teacher making a map of a reading, from the article to the class', () => {
  const session = useBrowser();

  it('pastes an article, makes five concepts, relates them by mouse and keyboard, makes a tour, reloads, undoes, exports, reopens and presents', async () => {
    const page = await openApp(session);
    const bar = page.getByRole('region', { name: 'Draft' });

    // A short article of three sections, pasted into "New map…".
    await page.getByRole('button', { name: 'New map…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a new map' });
    await dialog.getByRole('textbox', { name: 'The article' }).fill(riversAndTowns);
    await dialog.getByRole('button', { name: 'Start the map' }).click();
    await bar.getByText('Rivers and towns').waitFor();
    for (const section of ['Water', 'Trade', 'Growth']) {
      await page.locator('.reader-article').getByRole('heading', { name: section }).waitFor();
    }

    // Five concepts, each from words selected in the article.
    const made = [
      ['Rivers carry water', 'Water comes to the towns by river.'],
      ['The river is a road', 'A river works as a way for travel.'],
      ['Boats carry goods', 'Trade moves by boat.'],
      ['Towns grow', 'Towns get larger.'],
      ['rivers meet', 'Two rivers join.'],
    ] as const;
    for (const [words, summary] of made) {
      await makeConcept(page, words);
      await writeSummary(page, summary);
    }
    await expect.poll(() => conceptNodes(page).count()).toBe(5);
    const ids = await conceptNodes(page).evaluateAll((nodes) =>
      Object.fromEntries(
        nodes.map((node) => [
          node.querySelector('.concept-node__label')?.textContent ?? '',
          node.getAttribute('data-id') ?? '',
        ]),
      ),
    );
    const id = (label: string) => {
      const found = Object.entries(ids).find(
        ([shown]) => shown.toLowerCase() === label.toLowerCase(),
      );
      if (!found) throw new Error(`no concept labelled ${label}: ${JSON.stringify(ids)}`);
      return found[1];
    };
    const rivers = id('Rivers carry water');
    const road = id('The river is a road');
    const boats = id('Boats carry goods');
    const towns = id('Towns grow');
    const meet = id('rivers meet');

    // Three relations by mouse, dragged from one concept's handle to another.
    await linkByDrag(page, rivers, boats, 'makes possible', 'enables');
    await linkByDrag(page, boats, road, 'show that', 'example-of');
    await linkByDrag(page, meet, towns, 'make', 'drives');

    // And one from the keyboard alone.
    await linkToRiversFromKeyboard(page, { id: towns, label: 'Towns grow' }, 'rivers carry');

    // A tour of two steps.
    await makeTour(page, { title: 'Down the river', description: 'From water to towns.' }, [
      {
        label: 'Rivers carry water',
        text: 'Rivers bring water.',
        notes: 'Where does our water come from?',
      },
      {
        label: 'Towns grow',
        text: 'Towns grow where rivers meet.',
        notes: 'Why do towns grow there?',
      },
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A reload brings the draft back as it was.
    await bar.getByText('Saved in this browser').waitFor();
    await page.reload();
    await bar.getByText('Rivers and towns').waitFor();
    await expect.poll(() => conceptNodes(page).count()).toBe(5);
    await page.getByRole('checkbox', { name: 'Links between sections' }).check();
    const relations = [
      `r-${boats}-${road}`,
      `r-${meet}-${towns}`,
      `r-${rivers}-${boats}`,
      `r-${towns}-${rivers}`,
    ].sort();
    await expect.poll(() => shownEdges(page)).toEqual(relations);
    await bar.getByRole('button', { name: 'Tours (1)' }).waitFor();

    // Undo and redo an edit, from the keyboard.
    await selectConcept(page, boats, 'Boats carry goods');
    await page.getByRole('textbox', { name: 'Label' }).fill('Boats');
    await expect.poll(() => nodeLabels(page)).toContain('Boats');
    await page.getByRole('heading', { name: /^Edit the concept/ }).click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => nodeLabels(page)).toContain('Boats carry goods');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => nodeLabels(page)).toContain('Boats');

    // The bundle exported holds all of it.
    const text = await exportBundle(page);
    const bundle = JSON.parse(text) as Bundle;
    expect(bundle.graph.concepts).toHaveLength(5);
    expect(bundle.graph.concepts.find((c) => c.id === boats)?.label).toBe('Boats');
    expect(bundle.graph.relations.map((r) => r.id).sort()).toEqual(relations);
    expect(bundle.tours?.tours.map((t) => t.steps.map((s) => s.title))).toEqual([
      ['Rivers carry water', 'Towns grow'],
    ]);

    // Opened through "Open map…", as another teacher would, and presented.
    await openBundleFile(page, text, 'Opened “Rivers and towns”.');
    await expect.poll(() => bar.count()).toBe(0);
    expect((await nodeLabels(page)).sort()).toEqual(
      Object.keys(ids)
        .map((label) => (label === 'Boats carry goods' ? 'Boats' : label))
        .sort(),
    );
    await presentTour(page, /Down the river/, 'Rivers carry water');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#tour-step-title').textContent()).toBe('Towns grow');
    expect(page.url()).toMatch(/#\/tour\/down-the-river\/2$/);
    expect(session.errors).toEqual([]);
  }, 180_000);
});
