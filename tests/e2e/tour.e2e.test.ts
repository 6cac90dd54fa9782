import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { atRest } from '../../tools/bench/on-screen';
import { builtInTours, measureTours } from '../../tools/bench/tour-legibility';
import { seriousAxeViolations, useBrowser } from './harness';

const tours = JSON.parse(readFileSync('data/tours.json', 'utf8')) as {
  tours: { id: string; steps: { title: string; concepts: string[] }[] }[];
};
const whole = tours.tours.find((t) => t.id === 'whole-argument')!;
const title = (page: Page) => page.locator('#tour-step-title').textContent();

describe('a tour in Chromium', () => {
  const session = useBrowser({ width: 1920, height: 1080 });

  async function open(hash: string) {
    await session.page.goto(session.url(hash));
    await session.page.locator('#tour-step-title').waitFor();
  }

  it('names the four pillars of "Four pillars, one system" at 32 px for the back of the room, and says what joins them', async () => {
    const { page } = session;
    await open('#/tour/whole-argument/3');
    const step = whole.steps[2]!;
    await page.locator('.concept-map.is-far .is-step.has-far-label').first().waitFor();
    // Each concept is named on the map, or on its card where the step is brought together: its
    // size is the larger of the two that the class sees.
    const sizes = () =>
      page.evaluate((ids) => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const drawnAt = (label: Element | null) => {
          if (!label || getComputedStyle(label).visibility !== 'visible') return 0;
          const box = label.getBoundingClientRect();
          if (box.left < pane.left || box.right > pane.right) return 0;
          if (box.top < pane.top || box.bottom > pane.bottom) return 0;
          const width = Number.parseFloat(getComputedStyle(label).width);
          return Number.parseFloat(getComputedStyle(label).fontSize) * (box.width / width);
        };
        return ids.map((id) =>
          Math.max(
            drawnAt(
              document.querySelector(`.react-flow__node[data-id="${id}"] .concept-node__label`),
            ),
            drawnAt(
              document.querySelector(`.step-close-up__card[data-id="${id}"] .step-close-up__label`),
            ),
          ),
        );
      }, step.concepts);
    // Once the camera is still and any close-up laid out, its cards at the end of their glide.
    await atRest(page);
    // 32 px, to the rounding of the zoom that undoes the camera's.
    await expect
      .poll(async () => Math.min(...(await sizes())), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(31.9);
    // Each pillar says that it is one of the four.
    const phrases = page.locator('.step-close-up__phrase, .relation-label');
    await expect
      .poll(() => phrases.allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['are one of', 'is one of', 'together make up']));
    // The step has the screen: the app's header gives way.
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    // Only the step's concepts are named: the rest of the map stays quiet.
    const others = await page.locator('.react-flow__node:not(.is-step).has-far-label').count();
    expect(others).toBe(0);
  });

  it('blacks the screen out with B and brings it back, and lists the keys under ?', async () => {
    const { page } = session;
    await open('#/tour/whole-argument/2');
    await page.keyboard.press('b');
    const black = page.getByRole('button', { name: /Screen blacked out/ });
    await black.waitFor();
    // The whole screen is black: the step's text is covered.
    const covered = await page.evaluate(() => {
      const hit = document.elementFromPoint(window.innerWidth / 4, window.innerHeight / 4);
      return hit?.classList.contains('tour-blackout') ?? false;
    });
    expect(covered).toBe(true);
    await page.keyboard.press('b');
    await expect.poll(() => black.count()).toBe(0);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Black the screen out, and back');
  });

  it('steps with the arrow keys and PageDown, and the URL follows', async () => {
    const { page } = session;
    await open('#/tour/whole-argument/1');
    expect(await title(page)).toBe(whole.steps[0]!.title);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page)).toBe(whole.steps[1]!.title);
    expect(page.url()).toMatch(/#\/tour\/whole-argument\/2$/);
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.url()).toMatch(/#\/tour\/whole-argument\/3$/);
    await page.keyboard.press('PageUp');
    await expect.poll(() => page.url()).toMatch(/#\/tour\/whole-argument\/2$/);
  });

  it('keeps the step on reload', async () => {
    const { page } = session;
    await open('#/tour/whole-argument/4');
    await page.reload();
    await page.locator('#tour-step-title').waitFor();
    expect(await title(page)).toBe(whole.steps[3]!.title);
  });

  it('moves the camera so that every concept of the step is inside the map', async () => {
    const { page } = session;
    await open('#/tour/whole-argument/5');
    const map = (await page.locator('.tour-layout__map').boundingBox())!;
    const inside = async () => {
      for (const id of whole.steps[4]!.concepts) {
        const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
        if (!box) return false;
        const fits =
          box.x >= map.x - 1 &&
          box.y >= map.y - 1 &&
          box.x + box.width <= map.x + map.width + 1 &&
          box.y + box.height <= map.y + map.height + 1;
        if (!fits) return `${id} is outside`;
      }
      return true;
    };
    await expect.poll(inside, { timeout: 5000 }).toBe(true);
  });

  it('leaves the tour with Escape', async () => {
    const { page } = session;
    await open('#/tour/whole-argument/2');
    await page.keyboard.press('Escape');
    await page.locator('.view-switcher').waitFor();
    expect(page.url()).toMatch(/#\/$/);
  });

  it('moves the audience window when the presenter steps', async () => {
    const { page, context } = session;
    await open('#/tour/whole-argument/1');
    const presenter = await context.newPage();
    await presenter.goto(session.url('#/presenter/whole-argument/1'));
    await presenter.getByRole('button', { name: 'Next →' }).click();
    await presenter.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => title(page)).toBe(whole.steps[2]!.title);
    expect(page.url()).toMatch(/#\/tour\/whole-argument\/3$/);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => presenter.locator('#presenter-now').textContent())
      .toBe(whole.steps[3]!.title);
    await presenter.close();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page)).toBe(whole.steps[4]!.title);
  });

  it('shows the class’s screen in the presenter view, in step, and blacks the class out from there', async () => {
    const { page, context } = session;
    await open('#/tour/whole-argument/3');
    const presenter = await context.newPage();
    await presenter.goto(session.url('#/presenter/whole-argument/3'));
    const preview = presenter.frameLocator('iframe[title="Preview of the class’s screen"]');
    await expect
      .poll(() => preview.locator('#tour-step-title').textContent())
      .toBe(whole.steps[2]!.title);
    // Drawn as on the projector: the frame is a 1080p screen, scaled into the presenter's window.
    const frameBox = await presenter.locator('.presenter__audience-screen').boundingBox();
    expect(frameBox!.width / frameBox!.height).toBeCloseTo(16 / 9, 1);
    await presenter.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => title(page)).toBe(whole.steps[3]!.title);
    await expect
      .poll(() => preview.locator('#tour-step-title').textContent())
      .toBe(whole.steps[3]!.title);
    // The copy never holds the focus: the presenter's keys reach the presenter.
    expect(await presenter.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
    await presenter.keyboard.press('b');
    await page.locator('.tour-blackout').waitFor();
    expect(await presenter.getByText('The class’s screen is blacked out').isVisible()).toBe(true);
    await presenter.keyboard.press('ArrowRight');
    await expect
      .poll(() => preview.locator('#tour-step-title').textContent())
      .toBe(whole.steps[4]!.title);
    await presenter.keyboard.press('b');
    await page.locator('.tour-blackout').waitFor({ state: 'detached' });
    expect(await title(page)).toBe(whole.steps[4]!.title);
    // Stepping the copy does not fill the presenter's Back button: Back is the presenter's step.
    await presenter.goBack();
    await expect.poll(() => title(page)).toBe(whole.steps[3]!.title);
    await presenter.close();
  });

  it('has no serious or critical accessibility violations in the tour and presenter views', async () => {
    const { page } = session;
    await open('#/tour/whole-argument/3');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(session.url('#/presenter/whole-argument/3'));
    await page.locator('#presenter-now').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the presenter view on a laptop', () => {
  const session = useBrowser({ width: 1366, height: 768 });

  it('shows the whole of every step’s talking points, with no header above', async () => {
    const { page } = session;
    const cut: string[] = [];
    for (const tour of tours.tours) {
      for (let step = 1; step <= tour.steps.length; step += 1) {
        await page.goto(session.url(`#/presenter/${tour.id}/${step}`));
        await page.reload();
        await page.locator('.presenter__notes li').first().waitFor();
        const fits = await page.evaluate(() => {
          const now = document.querySelector('.presenter__now')!;
          const last = [...document.querySelectorAll('.presenter__notes li')].at(-1)!;
          return (
            now.scrollHeight <= now.clientHeight + 1 &&
            last.getBoundingClientRect().bottom <= now.getBoundingClientRect().bottom &&
            now.getBoundingClientRect().bottom <= window.innerHeight
          );
        });
        if (!fits) cut.push(`${tour.id} ${step}`);
      }
    }
    expect(cut).toEqual([]);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
  });
});

describe('every step of every tour on a projector', () => {
  const session = useBrowser({ width: 1920, height: 1080 });

  it('names each of the step’s concepts at 32 px or more, whole, and says what joins them, with no phrase on a label', async () => {
    const context = session.page.context();
    const browser = context.browser()!;
    const steps = await builtInTours();
    // Phrases at 24 px, three quarters of the labels' 32, to the rounding of the zoom.
    const rows = await measureTours(
      browser,
      session.url(),
      steps,
      { width: 1920, height: 1080 },
      24,
    );
    expect(rows).toHaveLength(tours.tours.reduce((n, t) => n + t.steps.length, 0));
    // 32 px, to the rounding of the zoom that a label undoes.
    expect(rows.filter((r) => r.smallest < 31.9)).toEqual([]);
    expect(rows.filter((r) => r.overlaps > 0)).toEqual([]);
    // No label is cut short, on the map or on a close-up's card.
    expect(rows.filter((r) => r.cut > 0)).toEqual([]);
    // Every relation of every step says what it is at 24 px, on no label and no other phrase:
    // on its line on the map or in the step's close-up, most of them, or else as a sentence in
    // view in the step's text, where a dense close-up has no room for its phrase.
    const relations = rows.reduce((n, r) => n + r.relations, 0);
    const phrases = rows.reduce((n, r) => n + r.phrases, 0);
    expect(phrases / relations).toBeGreaterThanOrEqual(0.9);
    expect(rows.filter((r) => r.phrases + r.listed < r.relations)).toEqual([]);
    // Twenty-seven pages, each loaded afresh and waited on until it is still.
  }, 240_000);
});
