import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/model/atlas';
import { buildOutline } from '../../src/model/outline';
import { seriousAxeViolations, useBrowser } from './harness';

const rawGraph: unknown = JSON.parse(readFileSync('data/graph.json', 'utf8'));
const graphJson = rawGraph as {
  concepts: { id: string; label: string; passages: { exact: string }[] }[];
};
const loaded = loadAtlas(
  readFileSync('data/article.md', 'utf8'),
  rawGraph,
  JSON.parse(readFileSync('data/layout.json', 'utf8')),
);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const { atlas } = loaded;
const labelOf = new Map(graphJson.concepts.map((c) => [c.id, c.label]));
const allPassages = new Set(graphJson.concepts.flatMap((c) => c.passages.map((p) => p.exact)));

// With the default state (sections open, concepts closed), → from the first section reaches its
// first concept and ↓ the item after it.
const outline = buildOutline(atlas);
const firstSection = outline[0]!;
const firstConcept = firstSection.children[0]!;
const afterFirstConcept = firstSection.children[1] ?? outline[1]!;

const details = 'aside[aria-label="Concept details"]';
const tree = '[role="tree"][aria-label="Outline of the argument"]';
const views = 'nav[aria-label="Views"]';
const activeMarks = 'article[aria-label="Source article"] mark.is-active';

const focusedNodeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);

describe('the study views in Chromium', () => {
  const session = useBrowser();

  async function openOutline(hash = '#/outline') {
    await session.page.goto(session.url(hash));
    await session.page.locator(`${tree} [role="treeitem"]`).first().waitFor();
  }

  async function openQuiz() {
    await session.page.goto(session.url('#/quiz'));
    await session.page.locator('.quiz__question').waitFor();
  }

  it('selects a concept from the outline with the keyboard alone', async () => {
    const { page } = session;
    await openOutline();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute('role') === 'treeitem',
      );
    }
    expect(reached, 'Tab reaches the outline').toBe(true);
    // The tree has a single tab stop: the first section, as nothing is selected yet.
    expect(await focusedNodeId(page)).toBe(firstSection.id);

    await page.keyboard.press('ArrowRight');
    expect(await focusedNodeId(page)).toBe(firstConcept.id);
    await page.keyboard.press('ArrowDown');
    expect(await focusedNodeId(page)).toBe(afterFirstConcept.id);
    await page.keyboard.press('ArrowUp');
    expect(await focusedNodeId(page)).toBe(firstConcept.id);

    const target = firstConcept.conceptId!;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe(labelOf.get(target));
    expect(page.url()).toMatch(new RegExp(`#/outline/concept/${target}$`));
    const item = page.locator(`${tree} [role="treeitem"][data-node-id="${target}"]`);
    expect(await item.getAttribute('aria-selected')).toBe('true');
    // Focus stays in the tree, on the chosen item, so the student can go on from there.
    expect(await focusedNodeId(page)).toBe(target);
    const marks = page.locator(activeMarks);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const concepts = await marks.evaluateAll((els) =>
      els.map((el) => (el.getAttribute('data-concepts') ?? '').split(/\s+/)),
    );
    for (const ids of concepts) expect(ids).toContain(target);
  });

  it('keeps a multi-line note across a reload and marks it in the outline', async () => {
    const { page } = session;
    await page.goto(session.url('#/concept/metaphor-chassis'));
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    const box = page.getByRole('textbox', { name: 'Your notes' });
    expect(await box.inputValue()).toBe('');
    const lines = ['The chassis carries the car.', '', 'Compare: the engine — “new” industries.'];
    await box.click();
    for (const [i, line] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    const note = lines.join('\n');
    expect(await box.inputValue()).toBe(note);
    await expect
      .poll(() => page.locator(`${details} .notes-box__status`).textContent())
      .toBe('Saved');

    await page.reload();
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    await expect.poll(() => box.inputValue()).toBe(note);

    await page.locator(views).getByRole('link', { name: 'Outline' }).click();
    await page.locator(tree).waitFor();
    expect(page.url()).toMatch(/#\/outline\/concept\/metaphor-chassis$/);
    const row = page.locator(
      `${tree} [role="treeitem"][data-node-id="metaphor-chassis"] > .outline-tree__row`,
    );
    await expect.poll(() => row.locator('.study-badge--note').textContent()).toBe('notes');
    // The badge is part of the item's accessible name.
    const labelledBy = await page
      .locator(`${tree} [role="treeitem"][data-node-id="metaphor-chassis"]`)
      .getAttribute('aria-labelledby');
    expect(labelledBy).toMatch(/-badges$/);
    // A concept without a note has no such badge.
    expect(await page.locator(`${tree} .study-badge--note`).count()).toBe(1);
  });

  it('answers a quiz question with the keyboard and quotes the passage', async () => {
    const { page } = session;
    await openQuiz();
    let onRadio = false;
    for (let i = 0; i < 60 && !onRadio; i += 1) {
      await page.keyboard.press('Tab');
      onRadio = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.type === 'radio',
      );
    }
    expect(onRadio, 'Tab reaches the options').toBe(true);
    await page.keyboard.press('Space');
    const checked = page.locator('.quiz__options input[type="radio"]:checked');
    await expect.poll(() => checked.count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await checked.count()).toBe(1);
    const chosen = await checked.getAttribute('value');

    await page.getByRole('button', { name: 'Check answer' }).press('Enter');
    const feedback = page.locator('.quiz__feedback');
    await feedback.waitFor();
    // Focus moves to the feedback so that it is read next.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('quiz__feedback')))
      .toBe(true);
    expect(await feedback.locator('.quiz__verdict').textContent()).toMatch(
      /^(Correct\.|Not quite:)/,
    );
    const quote = await feedback.locator('blockquote').textContent();
    expect(allPassages.has(quote ?? ''), `"${quote}" is a passage of data/graph.json`).toBe(true);
    const link = feedback.locator('a[href^="#/quiz/concept/"]');
    expect(await link.count()).toBe(1);
    const href = (await link.getAttribute('href'))!;
    const conceptId = decodeURIComponent(href.replace('#/quiz/concept/', ''));
    expect(labelOf.get(conceptId)).toBe(await link.textContent());
    // The passage quoted is one of that concept's own.
    const own = graphJson.concepts.find((c) => c.id === conceptId)!.passages.map((p) => p.exact);
    expect(own).toContain(quote);
    // The chosen option is now disabled and still chosen.
    expect(await page.locator(`.quiz__options input[value="${chosen}"]`).isDisabled()).toBe(true);

    await link.click();
    await expect
      .poll(() => page.locator(`${details} h2`).textContent())
      .toBe(labelOf.get(conceptId));
    expect(page.url()).toMatch(new RegExp(`#/quiz/concept/${conceptId}$`));
  });

  it('switches views with the view links, and Back returns', async () => {
    const { page } = session;
    await page.goto(session.url('#/'));
    await page.locator('.react-flow__node-concept').first().waitFor();
    const link = (name: string) => page.locator(views).getByRole('link', { name });
    expect(await link('Map').getAttribute('aria-current')).toBe('page');

    await link('Outline').click();
    await page.locator(tree).waitFor();
    expect(page.url()).toMatch(/#\/outline$/);
    expect(await page.locator('.react-flow').count()).toBe(0);
    expect(await link('Outline').getAttribute('aria-current')).toBe('page');
    expect(await link('Map').getAttribute('aria-current')).toBeNull();

    await link('Quiz').click();
    await page.locator('section[aria-label="Self-test quiz"]').waitFor();
    expect(page.url()).toMatch(/#\/quiz$/);
    expect(await page.locator(tree).count()).toBe(0);
    expect(await link('Quiz').getAttribute('aria-current')).toBe('page');

    await page.goBack();
    await page.locator(tree).waitFor();
    expect(page.url()).toMatch(/#\/outline$/);
    await expect.poll(() => page.locator('section[aria-label="Self-test quiz"]').count()).toBe(0);
    expect(await link('Outline').getAttribute('aria-current')).toBe('page');

    await page.goBack();
    await page.locator('.react-flow__node-concept').first().waitFor();
    expect(await page.locator(tree).count()).toBe(0);
    expect(await link('Map').getAttribute('aria-current')).toBe('page');

    await page.goForward();
    await page.locator(tree).waitFor();
    expect(page.url()).toMatch(/#\/outline$/);
  });

  it('keeps the selection when switching views', async () => {
    const { page } = session;
    await page.goto(session.url('#/concept/metaphor-chassis'));
    await expect.poll(() => page.locator(`${details} h2`).textContent()).toBe('Chassis');
    await page.locator(views).getByRole('link', { name: 'Outline' }).click();
    await page.locator(tree).waitFor();
    expect(page.url()).toMatch(/#\/outline\/concept\/metaphor-chassis$/);
    expect(await page.locator(`${details} h2`).textContent()).toBe('Chassis');
    await expect
      .poll(() =>
        page
          .locator(`${tree} [role="treeitem"][data-node-id="metaphor-chassis"]`)
          .getAttribute('aria-selected'),
      )
      .toBe('true');
  });

  it('has no serious or critical accessibility violations in the outline', async () => {
    const { page } = session;
    await openOutline();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('with a concept selected in the outline, has no serious or critical violations', async () => {
    const { page } = session;
    await openOutline('#/outline/concept/metaphor-chassis');
    await page.locator(`${details} h2`).waitFor();
    // The selected row is white on the accent colour; its study badges must follow it.
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('has no serious or critical accessibility violations in the quiz', async () => {
    const { page } = session;
    await openQuiz();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('has no serious or critical accessibility violations in the quiz feedback', async () => {
    const { page } = session;
    await openQuiz();
    await page.locator('.quiz__options input[type="radio"]').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.locator('.quiz__feedback').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
