/**
 * What `npm run bench` does inside a page: the clocks run in the page (performance.now() and
 * requestAnimationFrame), so the numbers do not include the round trips of the browser protocol.
 * The scripts are strings, not functions: the script runner would wrap named inner functions in
 * helpers that do not exist in the page.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ConceptPoint } from './bench-data.ts';

/** How a page marks its concept nodes: the bare page draws default nodes, the app its own type. */
export type PageKind = 'bare' | 'app';
export const nodeClass: Record<PageKind, string> = {
  bare: 'react-flow__node',
  app: 'react-flow__node-concept',
};

const call = (source: string, arg: unknown) => `(${source})(${JSON.stringify(arg)})`;

/** Evaluates `expression` in the page until it is neither undefined nor null. */
export async function poll(page: Page, expression: string, timeout: number): Promise<unknown> {
  // Not page.waitForFunction: its predicate is compiled in the page, which the app's CSP forbids.
  const until = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(expression);
    if (value !== undefined && value !== null) return value;
    if (Date.now() > until)
      throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Runs before the page's own scripts: a frame loop that notes when `count` nodes are in the DOM and
 * visible (React Flow hides nodes until they are measured), the given concepts among them. A live
 * HTMLCollection keeps the check cheap even with thousands of nodes. A large map drawn zoomed out
 * counts instead when its overview canvas has drawn `count` concepts. `__mapStalled` says the count
 * stopped changing short of the map: another map is shown, or none.
 */
export function mapReadyScript(
  kind: PageKind,
  count: number,
  ids: readonly string[],
  stallMs: number,
): string {
  return call(
    `({ className, count, ids, stallMs }) => {
      const nodes = document.getElementsByClassName(className);
      const shown = (node) => node && node.style.visibility !== 'hidden';
      const has = (id) => document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]');
      let seen = 0;
      let changed = 0;
      const tick = () => {
        const now = performance.now();
        const n = nodes.length;
        if (n >= count && shown(nodes[0]) && shown(nodes[n - 1]) && ids.every(has)) {
          window.__mapReady = now;
          return;
        }
        // A large map zoomed out draws its concepts on a canvas, which says how many it drew.
        const canvas = document.querySelector('.overview-canvas[data-drawn]');
        if (canvas && Number(canvas.dataset.drawn) >= count) {
          window.__mapReady = now;
          return;
        }
        if (n !== seen) { seen = n; changed = now; }
        if (n > 0 && now - changed > stallMs) window.__mapStalled = n;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }`,
    { className: nodeClass[kind], count, ids, stallMs },
  );
}

/** Milliseconds from navigation start until the map was drawn, or why it was not. */
export async function waitForMap(page: Page, timeout: number): Promise<number> {
  const value = (await poll(
    page,
    '(window.__mapReady ?? (window.__mapStalled !== undefined ? -window.__mapStalled : undefined))',
    timeout,
  )) as number;
  if (value < 0) throw new Error(`the map stopped at ${-value} nodes`);
  return value;
}

/** Used JS heap after a forced garbage collection, in MB. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return used / 1024 / 1024;
}

/** Waits until the page has drawn a few frames in a row without a long one: nothing left to do. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    let last = performance.now();
    let calm = 0;
    const started = last;
    const tick = (now) => {
      calm = now - last < 25 ? calm + 1 : 0;
      last = now;
      if (calm >= 10 || now - started > 3000) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

/**
 * A point of the map where a drag pans: empty pane (or a section's background), never a node that
 * would be dragged, a panel or the minimap. The one nearest the map's centre.
 */
async function panPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(`(() => {
    const map = document.querySelector('.react-flow');
    if (!map) return null;
    const box = map.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    const free = (x, y) => {
      if (x < box.left + 20 || x > box.right - 20 || y < box.top + 20 || y > box.bottom - 20) return false;
      const hit = document.elementFromPoint(x, y);
      return Boolean(hit && hit.closest('.react-flow') &&
        !hit.closest('.nopan, .react-flow__panel, .react-flow__minimap, .react-flow__edge'));
    };
    // Square rings around the centre, nearest first.
    for (let r = 0; r < Math.max(box.width, box.height) / 2; r += 4) {
      for (let t = -r; t <= r; t += 4) {
        for (const [x, y] of [[cx + t, cy - r], [cx + t, cy + r], [cx - r, cy + t], [cx + r, cy + t]]) {
          if (free(x, y)) return { x, y };
        }
      }
    }
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!point) throw new Error('no empty place on the map to drag');
  return point;
}

const startFrames = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function stopFrames(page: Page): Promise<number[]> {
  await page.waitForTimeout(200);
  return (await page.evaluate(
    '(() => { window.__recording = false; return window.__frames.slice(1); })()',
  )) as number[];
}

/**
 * Sends input at a hand's pace, one event every `everyMs`, without waiting for the page to keep up:
 * Chromium coalesces what the page cannot handle in time, as it does with a real mouse. So a
 * gesture lasts as long on a slow page as on a fast one, and the frames show how smooth it looks.
 */
async function atHandPace(events: (() => Promise<void>)[], everyMs: number) {
  const sent: Promise<void>[] = [];
  for (const event of events) {
    sent.push(event());
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  await Promise.all(sent);
}

/** Frame intervals while the map is dragged away and back in small steps, for about two seconds. */
export async function panFrames(page: Page): Promise<number[]> {
  const { x, y } = await panPoint(page);
  await page.mouse.move(x, y);
  await page.evaluate(startFrames);
  await page.mouse.down();
  const steps = 60;
  const to = (i: number) => () => page.mouse.move(x + i * 5, y + i * 2.5);
  const out = Array.from({ length: steps }, (_, i) => to(i + 1));
  const back = Array.from({ length: steps }, (_, i) => to(steps - 1 - i));
  await atHandPace([...out, ...back], 16);
  await page.mouse.up();
  return stopFrames(page);
}

/** Frame intervals while the wheel zooms in at the map's centre and back out, for about a second. */
export async function zoomFrames(page: Page): Promise<number[]> {
  const box = await page.locator('.react-flow').first().boundingBox();
  if (!box) throw new Error('no map');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(startFrames);
  const steps = 12;
  const notch = (deltaY: number) => () => page.mouse.wheel(0, deltaY);
  await atHandPace(
    [
      ...Array.from({ length: steps }, () => notch(-100)),
      ...Array.from({ length: steps }, () => notch(100)),
    ],
    40,
  );
  return stopFrames(page);
}

/**
 * Clicks the concept nearest the map's centre that the pointer can reach, and returns the time from
 * the press until a frame shows it selected (React Flow's `selected` class).
 */
export async function selectTime(
  page: Page,
  kind: PageKind,
  points: readonly ConceptPoint[],
): Promise<number> {
  const target = (await page.evaluate(
    call(
      `({ className, points }) => {
        const map = document.querySelector('.react-flow').getBoundingClientRect();
        const cx = map.left + map.width / 2;
        const cy = map.top + map.height / 2;
        let best = null;
        for (const node of document.getElementsByClassName(className)) {
          const r = node.getBoundingClientRect();
          if (r.width < 4 || r.height < 4) continue;
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          const d = (x - cx) ** 2 + (y - cy) ** 2;
          if (best && d >= best.d) continue;
          if (document.elementFromPoint(x, y)?.closest('.react-flow__node') !== node) continue;
          best = { id: node.dataset.id, x, y, d };
        }
        // A large map zoomed out draws its concepts on an overview canvas, without elements: aim
        // at a concept's box there instead, through the viewport's translation and zoom.
        if (!best && document.querySelector('.concept-map.is-overview')) {
          const viewport = document.querySelector('.react-flow__viewport');
          const [tx, ty, zoom] = (viewport.style.transform.match(/-?[0-9.]+/g) || []).map(Number);
          for (const point of points) {
            const x = map.left + tx + point.x * zoom;
            const y = map.top + ty + point.y * zoom;
            if (x < map.left || y < map.top || x > map.right || y > map.bottom) continue;
            const d = (x - cx) ** 2 + (y - cy) ** 2;
            if (!best || d < best.d) best = { id: point.id, x, y, d };
          }
        }
        if (!best) return null;
        window.__selected = undefined;
        const selector = '.react-flow__node[data-id="' + CSS.escape(best.id) + '"]';
        document.addEventListener('pointerdown', () => {
          const t0 = performance.now();
          const tick = () => {
            const now = performance.now();
            if (document.querySelector(selector)?.classList.contains('selected')) window.__selected = now - t0;
            else if (now - t0 > 10000) window.__selected = NaN;
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }, { once: true, capture: true });
        return { x: best.x, y: best.y };
      }`,
      { className: nodeClass[kind], points },
    ),
  )) as { x: number; y: number } | null;
  if (!target) throw new Error('no concept to click');
  await page.mouse.click(target.x, target.y);
  return (await poll(page, 'window.__selected', 15000)) as number;
}

/**
 * For one key typed into the search box:
 * - `work`: the page's own time for it, from the keydown until the key's input events are handled
 *   and the page's style and layout are up to date again (the browser lays out right after the
 *   input event anyway; here it is forced so that the clock can stop after it);
 * - `ms`: from the keydown until a frame shows different results (the listbox or the status line
 *   changed). This includes waiting for the display's next frame, which is up to 16.7 ms at 60 Hz
 *   even on a page that does nothing;
 * - `frames`: which frame after the key that is (1: the very next one).
 * A key that changes nothing on screen (the same matches) within 1.5 s has `ms` and `frames` null.
 */
export type KeyTime = { work: number; ms: number | null; frames: number | null };
/** How long a key is held down: typists hold keys for about 50 to 100 ms. */
const KEY_HELD_MS = 80;

/**
 * A script to run in the page that times each key pressed in the focused field, in `__keys`:
 * `work`, from the key to the end of the page's own input handlers and their renders; `ms` and
 * `frames`, to the first frame where `shown` (an expression over `shown()`, which `setup`
 * defines, `before`, what it gave as the key was pressed, and `measured`) holds, given up after
 * `giveUpMs`.
 */
export function keyTimer(setup: string, shown: string, giveUpMs: number): string {
  return `(() => {
    const input = document.activeElement;
    ${setup}
    window.__keys = [];
    let key = null;
    document.addEventListener('keydown', (event) => {
      if (event.target !== input) return;
      const t0 = performance.now();
      const before = shown();
      const measured = { t0, work: null, ms: null, frames: null, done: false };
      key = measured;
      window.__keys.push(measured);
      let frames = 0;
      const tick = () => {
        const now = performance.now();
        frames += 1;
        if (${shown}) Object.assign(measured, { ms: now - t0, frames, done: true });
        else if (now - t0 > ${giveUpMs}) measured.done = true;
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, true);
    // On the window, in the bubbling phase: after the page's own input handlers and their renders.
    window.addEventListener('input', (event) => {
      if (event.target !== input || !key || key.work !== null) return;
      void document.documentElement.offsetHeight;
      key.work = performance.now() - key.t0;
    });
  })()`;
}

/** Focuses the search box with `/` and types a word one key at a time, each once the page is idle. */
export async function searchTimes(page: Page, word: string): Promise<KeyTime[]> {
  await page.keyboard.press('/');
  const box = page.locator('input[role="combobox"]').first();
  if (!(await box.evaluate((input) => input === document.activeElement))) await box.click();
  await page.evaluate(
    keyTimer(
      `const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
      const status = input.closest('.search-box')?.querySelector('[role="status"]');
      const shown = () => (list ? list.hidden + list.textContent : '') + '|' + (status?.textContent ?? '');`,
      'shown() !== before',
      1500,
    ),
  );
  for (const [i, key] of [...word].entries()) {
    await settle(page);
    // Held as long as a typist holds a key, and not asked about until its frame is long past: a
    // key up or a script run from here in the same frame would be measured as the page's work.
    await page.keyboard.down(key);
    await page.waitForTimeout(KEY_HELD_MS);
    await page.keyboard.up(key);
    await page.waitForTimeout(100);
    await poll(
      page,
      `(window.__keys[${i}]?.done && window.__keys[${i}].work !== null) || undefined`,
      30000,
    );
  }
  const keys = (await page.evaluate('window.__keys')) as KeyTime[];
  return keys.map(({ work, ms, frames }) => ({ work, ms, frames }));
}
