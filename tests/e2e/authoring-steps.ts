import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What a teacher does to make a map in the browser, step by step, for the authoring tests: select
 * words as a hand does, make concepts, and wait for the draft's map, laid out anew after each
 * change, to stand still before it is clicked.
 */

/** The place on screen of the n-th occurrence of words in the reader's article. */
export function wordsBox(page: Page, words: string, nth = 0) {
  return page.evaluate(
    ({ words, nth }) => {
      const article = document.querySelector('.reader-article');
      if (!article) throw new Error('no article');
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
          if (seen++ !== nth) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + words.length);
          const rects = [...range.getClientRects()];
          const first = rects[0]!;
          const last = rects[rects.length - 1]!;
          return {
            x0: first.left + 1,
            y0: first.top + first.height / 2,
            x1: last.right - 1,
            y1: last.top + last.height / 2,
          };
        }
      }
      throw new Error(`not in the article: ${words}`);
    },
    { words, nth },
  );
}

/** Selects words in the reader as a hand does: pressing before them and dragging to their end. */
export async function dragOver(page: Page, words: string, nth = 0) {
  // The reader may still be scrolling to the concept just made: press where the words stand
  // once they stand still.
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await wordsBox(page, words, nth));
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
  const box = await wordsBox(page, words, nth);
  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, { steps: 4 });
  await page.mouse.move(box.x1, box.y1, { steps: 4 });
  await page.mouse.up();
}

export const conceptNodes = (page: Page) => page.locator('.react-flow__node-concept');
export const nodeLabels = (page: Page) =>
  conceptNodes(page).locator('.concept-node__label').allTextContents();

export async function makeConcept(page: Page, words: string, nth = 0) {
  await dragOver(page, words, nth);
  await page.getByRole('toolbar', { name: 'Selected words' }).waitFor();
  await page.getByRole('button', { name: 'New concept from this passage' }).click();
  await page.getByRole('heading', { name: /^Edit the concept/ }).waitFor();
}

export async function writeSummary(page: Page, summary: string) {
  await page.getByRole('textbox', { name: 'Summary' }).fill(summary);
}

/** Starts a map from an article's text, through "New map…". */
export async function startMap(page: Page, article: string, title?: string) {
  await page.getByRole('button', { name: 'New map…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a new map' });
  await dialog.getByRole('textbox', { name: 'The article' }).fill(article);
  if (title) await dialog.getByRole('textbox', { name: 'Title (required)' }).fill(title);
  await dialog.getByRole('button', { name: 'Start the map' }).click();
  await page
    .getByRole('region', { name: 'Draft' })
    .getByText(title ?? 'Rivers and towns')
    .waitFor();
}

export const conceptNode = (page: Page, id: string) =>
  page.locator(`.react-flow__node-concept[data-id="${id}"]`);

/**
 * Where an element of the map stands on screen once the map stands still: a draft's map is laid
 * out anew as it changes (busy meanwhile), and the camera may glide after it.
 */
export async function stillBox(locator: Locator) {
  await locator
    .page()
    .locator('[role="region"][aria-label="Concept map"][aria-busy="false"]')
    .waitFor();
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await locator.boundingBox());
      const still = now === last && now !== 'null';
      last = now;
      return still;
    })
    .toBe(true);
  return (await locator.boundingBox())!;
}

/** A relation's line on the map (a level line has no height, which a locator calls hidden). */
export const edgePath = (page: Page, id: string) =>
  page.locator(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-path[d^="M"]`);

/** The camera's place, which glides to each selection. */
export const camera = (page: Page) =>
  page
    .locator('.react-flow__viewport')
    .evaluate((viewport) => (viewport as HTMLElement).style.transform);

/** Waits until the camera has stopped. */
export async function cameraStill(page: Page) {
  let last = '';
  await expect
    .poll(async () => {
      const now = await camera(page);
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
}

/** Shows the whole map once the camera's glide to the last selection is over, which would undo it. */
export async function fitWholeMap(page: Page) {
  await cameraStill(page);
  await page.getByRole('button', { name: 'Fit the whole map' }).click();
  await cameraStill(page);
}

/** Where a concept stands on the map (not on screen): React Flow places each node by a transform. */
export const mapPlace = (page: Page, id: string) =>
  conceptNode(page, id).evaluate((node) => (node as HTMLElement).style.transform);

/** Drags with the mouse from one point to another, in small steps as a hand does. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

export const centre = (box: { x: number; y: number; width: number; height: number }) => ({
  x: box.x + box.width / 2,
  y: box.y + box.height / 2,
});

/** Clicks a concept on the draft's map once the map and the concept stand still. */
export async function clickConcept(page: Page, id: string) {
  await fitWholeMap(page);
  await stillBox(conceptNode(page, id));
  await conceptNode(page, id).click();
}

/** Selects a concept on the draft's map, and waits for its form. */
export async function selectConcept(page: Page, id: string, label: string) {
  await clickConcept(page, id);
  await page.getByRole('heading', { name: `Edit the concept “${label}”` }).waitFor();
}

/**
 * Relates the concept `from` to "Rivers carry water" from the keyboard alone: "Link to…", a
 * search (`query`, which finds it first), the suggested phrase "supports" picked with Tab and Enter, the sentence read back, Enter.
 */
export async function linkToRiversFromKeyboard(
  page: Page,
  from: { id: string; label: string },
  query = 'rivers',
) {
  await selectConcept(page, from.id, from.label);
  await page.getByRole('button', { name: 'Link to…' }).focus();
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: 'Find a concept' });
  await expect.poll(() => search.evaluate((box) => box === document.activeElement)).toBe(true);
  await page.keyboard.type(query);
  await page.getByRole('option', { name: /^Rivers carry water/, selected: true }).waitFor();
  await page.keyboard.press('Enter');
  const phrase = page.getByRole('textbox', { name: 'Linking phrase' });
  await expect.poll(() => phrase.evaluate((box) => box === document.activeElement)).toBe(true);
  await page.keyboard.type('sup');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const sentence = `${from.label} supports Rivers carry water`;
  await page.getByText(sentence, { exact: true }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText(`Saved the relation “${sentence}”.`).waitFor({ state: 'attached' });
  await edgePath(page, `r-${from.id}-rivers-carry-water`).waitFor({ state: 'attached' });
}

/** Makes a tour in the tours editor, a step for each concept clicked on the map in turn. */
export async function makeTour(
  page: Page,
  tour: { title: string; description: string },
  steps: readonly { label: string; text: string; notes: string }[],
) {
  await page.getByRole('region', { name: 'Draft' }).getByRole('button', { name: 'Tours' }).click();
  const editor = page.getByRole('region', { name: 'Tours of this map' });
  await editor.getByRole('textbox', { name: 'Title of the tour' }).fill(tour.title);
  await editor.getByRole('button', { name: 'Make the tour' }).click();
  await editor.getByRole('textbox', { name: 'Description' }).fill(tour.description);
  for (const { label, text, notes } of steps) {
    // The tours editor stays open beside the map: a click selects the step's concept.
    const node = conceptNodes(page).filter({ hasText: label });
    await stillBox(node);
    await node.click();
    await editor.getByText(`Add step makes a step of the selected concept, “${label}”.`).waitFor();
    await editor.getByRole('button', { name: 'Add step' }).click();
    await editor.getByRole('textbox', { name: 'Text for the class' }).fill(text);
    await editor.getByRole('textbox', { name: 'Talking points' }).fill(notes);
  }
  await editor.getByText('This tour is ready to present.').waitFor();
  return editor;
}

/** Exports the draft as a bundle, and the file's text. */
export async function exportBundle(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page
    .getByRole('region', { name: 'Draft' })
    .getByRole('button', { name: 'Export bundle' })
    .click();
  const text = readFileSync(await (await download).path(), 'utf8');
  await page.getByText('“Open map…” opens it.').waitFor();
  return text;
}

/** Opens a bundle's text as a file through "Open map…", and waits until it says so. */
export async function openBundleFile(page: Page, text: string, opened: string | RegExp) {
  await page.getByRole('button', { name: 'Open map…' }).click();
  await page
    .getByRole('dialog', { name: 'Open another map' })
    .getByLabel(/From this computer/)
    .setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText(opened).waitFor({ timeout: 20_000 });
}

/** Presents a tour through "Present", and waits for its first step's title. */
export async function presentTour(page: Page, name: RegExp, firstTitle: string) {
  await page.getByRole('button', { name: 'Present' }).click();
  await page.getByRole('dialog', { name: 'Present a tour' }).getByRole('link', { name }).click();
  await expect.poll(() => page.locator('#tour-step-title').textContent()).toBe(firstTitle);
}
