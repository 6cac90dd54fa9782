/**
 * What `npm run bench` does in the editor: a large bundle opened, made a draft with "Edit this
 * map", then a concept's label typed into, concepts made from selected words and the autosave
 * weighed. As in bench-page.ts, the clocks run in the page and the scripts are strings.
 */
import type { Page } from 'playwright-core';
import type { ConceptPoint } from './bench-data.ts';
import { poll, selectTime, settle } from './bench-page.ts';
import type { FrameSample, SaveSample } from './editor-rows.ts';

const call = (source: string, arg: unknown) => `(${source})(${JSON.stringify(arg)})`;

/** How long a key is held down, as in the search's measure. */
const KEY_HELD_MS = 80;

/**
 * Runs before the page's own scripts: keeps every long task the browser reports (those over
 * 50 ms), from the start, for the autosave's measure.
 */
export const longTaskScript = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

/** Waits until the draft's map is laid out (it is busy meanwhile) and the page is calm. */
async function mapStill(page: Page): Promise<void> {
  await poll(
    page,
    `document.querySelector('[role="region"][aria-label="Concept map"][aria-busy="false"]')`,
    120_000,
  );
  await settle(page);
}

/**
 * "Edit this map" on the map on screen: waits for the draft (a copy, named so), says yes to what
 * it cannot keep if it asks, and for its first layout.
 */
export async function openAsDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit this map' }).click();
  const bar = page.getByRole('region', { name: 'Draft' });
  const confirm = page.getByRole('button', { name: 'Edit a copy without these' });
  await Promise.race([
    bar.getByText(/\(copy\)$/).waitFor({ timeout: 120_000 }),
    confirm.waitFor({ timeout: 120_000 }).then(() => confirm.click()),
  ]);
  await bar.getByText(/\(copy\)$/).waitFor({ timeout: 120_000 });
  await mapStill(page);
}

/** Selects the concept nearest the map's centre, and returns its id once its form shows. */
export async function selectForEditing(page: Page, points: readonly ConceptPoint[]) {
  await selectTime(page, 'app', points);
  await page.getByRole('heading', { name: /^Edit the concept/ }).waitFor();
  await mapStill(page);
  return (await page.evaluate(
    `document.querySelector('.react-flow__node-concept.selected')?.dataset.id ?? null`,
  )) as string | null;
}

/**
 * Types `keys` at the end of the selected concept's label, one key at a time once the map stands
 * still. For each: the page's work (keydown until its input event is handled and layout is up to
 * date, as the search's measure), and the time and the number of animation frames until a frame
 * shows the new label in the concept's node on the map.
 */
export async function labelKeys(
  page: Page,
  conceptId: string,
  keys: string,
): Promise<FrameSample[]> {
  const box = page.getByRole('textbox', { name: 'Label', exact: true });
  await box.click();
  await box.press('End');
  await page.evaluate(
    call(
      `({ conceptId }) => {
        const input = document.activeElement;
        const selector = '.react-flow__node[data-id="' + CSS.escape(conceptId) + '"] .concept-node__label';
        const shown = () => document.querySelector(selector)?.textContent ?? null;
        window.__keys = [];
        let key = null;
        document.addEventListener('keydown', (event) => {
          if (event.target !== input) return;
          const t0 = performance.now();
          const measured = { t0, work: null, ms: null, frames: null, done: false };
          key = measured;
          window.__keys.push(measured);
          let frames = 0;
          const tick = () => {
            const now = performance.now();
            frames += 1;
            // The node shows what the field holds once the key is handled.
            if (measured.work !== null && shown() === input.value) {
              Object.assign(measured, { ms: now - t0, frames, done: true });
            } else if (now - t0 > 10000) measured.done = true;
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }, true);
        window.addEventListener('input', (event) => {
          if (event.target !== input || !key || key.work !== null) return;
          void document.documentElement.offsetHeight;
          key.work = performance.now() - key.t0;
        });
      }`,
      { conceptId },
    ),
  );
  for (const [i, key] of [...keys].entries()) {
    await mapStill(page);
    await page.keyboard.down(key);
    await page.waitForTimeout(KEY_HELD_MS);
    await page.keyboard.up(key);
    await poll(page, `window.__keys[${i}]?.done || undefined`, 30_000);
  }
  const measured = (await page.evaluate('window.__keys')) as FrameSample[];
  return measured.map(({ work, ms, frames }) => ({ work, ms, frames }));
}

/**
 * Selects `words` words of a paragraph the reader shows (the `nth` such paragraph), as a hand
 * would with the mouse, and returns where the toolbar's "New concept from this passage" stands.
 */
async function selectWords(page: Page, nth: number, words: number) {
  return (await page.evaluate(
    call(
      `({ nth, words }) => {
        const reader = document.querySelector('.reader');
        const view = reader.getBoundingClientRect();
        const paragraphs = [...document.querySelectorAll('.reader-article p[data-block-start]')]
          .filter((p) => {
            const r = p.getBoundingClientRect();
            return r.top >= view.top && r.top < view.bottom - 40 && r.height > 0;
          });
        const paragraph = paragraphs[nth % Math.max(1, paragraphs.length)];
        if (!paragraph) return null;
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          if (text.parentElement.closest('.reader-unquoted-label, .curator-note')) continue;
          const found = new RegExp('\\\\S+(\\\\s+\\\\S+){' + (words - 1) + '}').exec(text.data);
          if (!found) continue;
          const range = document.createRange();
          range.setStart(text, found.index);
          range.setEnd(text, found.index + found[0].length);
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          return true;
        }
        return null;
      }`,
      { nth, words },
    ),
  )) as true | null;
}

/**
 * Makes `count` concepts from words selected in the reader, each with "New concept from this
 * passage" once the map stands still; for each, the time and frames from the press until the new
 * concept's node is drawn (in the DOM and measured, so no longer hidden).
 */
export async function newConceptTimes(page: Page, count: number): Promise<FrameSample[]> {
  const samples: FrameSample[] = [];
  for (let i = 0; i < count; i += 1) {
    await mapStill(page);
    if (!(await selectWords(page, i, 3))) throw new Error('no paragraph in view to select');
    const button = page.getByRole('button', { name: 'New concept from this passage' });
    await button.waitFor();
    await settle(page);
    await page.evaluate(`(() => {
      const before = new Set([...document.querySelectorAll('.react-flow__node-concept')].map((n) => n.dataset.id));
      const nodes = document.getElementsByClassName('react-flow__node-concept');
      window.__made = null;
      document.addEventListener('pointerdown', () => {
        const t0 = performance.now();
        let frames = 0;
        const tick = () => {
          const now = performance.now();
          frames += 1;
          for (const node of nodes) {
            if (!before.has(node.dataset.id) && node.style.visibility !== 'hidden' && node.offsetWidth > 0) {
              window.__made = { work: null, ms: now - t0, frames };
              return;
            }
          }
          if (now - t0 > 10000) window.__made = { work: null, ms: null, frames: null };
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, { once: true, capture: true });
    })()`);
    await button.click();
    samples.push((await poll(page, 'window.__made', 30_000)) as FrameSample);
  }
  return samples;
}

/**
 * Types one key at a time into the selected concept's summary (an edit that moves nothing on the
 * map), and after each waits until the draft is saved: the save's span (its User Timing measure
 * `draft: save`, from the write's start until IndexedDB has it) and the long tasks within it.
 */
export async function saveCosts(page: Page, keys: string): Promise<SaveSample[]> {
  const box = page.getByRole('textbox', { name: 'Summary' });
  await box.click();
  await box.press('End');
  const bar = page.getByRole('region', { name: 'Draft' });
  const samples: SaveSample[] = [];
  for (const key of keys) {
    await mapStill(page);
    await bar.getByText('Saved in this browser').waitFor({ timeout: 30_000 });
    // Every frame's time, to find the longest frame during the save.
    const since = (await page.evaluate(`(() => {
      window.__frameTimes = [];
      window.__recording = true;
      const tick = (now) => {
        window.__frameTimes.push(now);
        if (window.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      return performance.now();
    })()`)) as number;
    await page.keyboard.press(key);
    await bar
      .getByText('Saving…')
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    await bar.getByText('Saved in this browser').waitFor({ timeout: 30_000 });
    // The frame after the save, so that a save that held up a frame is seen to.
    await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
    );
    const sample = (await page.evaluate(
      call(
        `({ since }) => {
          const save = performance.getEntriesByName('draft: save', 'measure')
            .find((entry) => entry.startTime >= since);
          window.__recording = false;
          if (!save) return null;
          const end = save.startTime + save.duration;
          const tasks = window.__longTasks.filter((t) => t.start < end && t.start + t.duration > save.startTime);
          const times = window.__frameTimes;
          let longestFrame = 0;
          for (let i = 1; i < times.length; i += 1) {
            if (times[i] > save.startTime && times[i - 1] < end) {
              longestFrame = Math.max(longestFrame, times[i] - times[i - 1]);
            }
          }
          return { span: save.duration, longTasks: tasks.map((t) => t.duration), longestFrame };
        }`,
        { since },
      ),
    )) as SaveSample | null;
    if (!sample) throw new Error('the edit was saved without a "draft: save" measure');
    samples.push(sample);
  }
  return samples;
}
