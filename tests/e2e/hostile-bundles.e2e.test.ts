import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE_NAME, type Bundle } from '../../src/model/bundle-format';
import { openApp, useBrowser } from './harness';

/** The example the build ships: the built-in content as a bundle. */
const example = () => JSON.parse(readFileSync(`dist/${BUNDLE_FILE_NAME}`, 'utf8')) as Bundle;

/** The example with text added to its article, as a new paragraph. */
function withArticle(added: string): Bundle {
  const bundle = example();
  bundle.article.markdown += `\n\n${added}\n`;
  return bundle;
}

function backtickRuns(longest: number): string {
  let text = '';
  for (let length = 1; length <= longest; length += 1) text += `${'`'.repeat(length)}a`;
  return text;
}

function linkDefinitions(count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += `[l${i}]: https://example.org/${i}\n`;
  return text;
}

function repeatedQuotes(): Bundle {
  const bundle = example();
  bundle.article.markdown = 'a'.repeat(1_000_000);
  bundle.graph.concepts[0]!.passages = Array.from({ length: 100 }, () => ({
    exact: 'a'.repeat(16),
  }));
  return bundle;
}

function frontMatter(yaml: string): Bundle {
  const bundle = example();
  bundle.article.markdown = `---\n${yaml}\n---\n\n${bundle.article.markdown}`;
  return bundle;
}

function aliasBomb(): string {
  let yaml = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
  let previous = 'a';
  for (let level = 0; level < 9; level += 1) {
    const name = `b${level}`;
    yaml += `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]\n`;
    previous = name;
  }
  return yaml;
}

/** The inputs that froze the tab or showed an exception's text, each built as the report says. */
const hostile: [string, () => unknown][] = [
  ['*a_ repeated 25,000 times', () => withArticle('*a_'.repeat(25_000))],
  ['*a_ repeated 15,000 times', () => withArticle('*a_'.repeat(15_000))],
  ['50,000 >', () => withArticle('>'.repeat(50_000))],
  ['100,000 >', () => withArticle('>'.repeat(100_000))],
  ['backtick runs of length 1 to 1,500', () => withArticle(backtickRuns(1_500))],
  ['100 quotes of sixteen a in 1,000,000 a', repeatedQuotes],
  ['100,000 link reference definitions', () => withArticle(linkDefinitions(100_000))],
  [
    '30,000 empty concepts',
    () => {
      const bundle = example() as unknown as { graph: { concepts: unknown[] } };
      bundle.graph.concepts = Array.from({ length: 30_000 }, () => ({}));
      return bundle;
    },
  ],
  [
    '500,000 null relations',
    () => {
      const bundle = example() as unknown as { graph: { relations: unknown[] } };
      bundle.graph.relations = Array.from({ length: 500_000 }, () => null);
      return bundle;
    },
  ],
  ['deeply nested front matter', () => frontMatter(`a: ${'['.repeat(20_000)}`)],
  ['a front matter alias bomb', () => frontMatter(aliasBomb())],
  // Under every limit of one paragraph, and still seconds to parse: refused by the count in all.
  [
    '900 emphasis runs in each of 400 paragraphs',
    () => withArticle(`${'*a_'.repeat(450)}\n\n`.repeat(400)),
  ],
];

const EXCEPTION =
  /\b(?:Range|Type|Reference|Syntax|URI|YAMLParse|Eval)?Error\b|Exception|at line \d/;

/**
 * Counts, on the page, the longest time between two ticks of a 10 ms timer while a file is being
 * checked: from the first frame that shows "Opening…" (the open-map dialog has closed by then, and
 * closing it restyles the page, which is not checking) until the verdict shows.
 */
async function startHeartbeat(page: Page) {
  await page.evaluate(() => {
    const beat = { last: 0, longest: 0, timer: 0, started: false, verdict: Promise.resolve() };
    const start = () => {
      if (beat.started) return;
      beat.started = true;
      beat.last = performance.now();
      beat.timer = window.setInterval(() => {
        const now = performance.now();
        beat.longest = Math.max(beat.longest, now - beat.last);
        beat.last = now;
      }, 10);
    };
    beat.verdict = new Promise<void>((verdict) => {
      const watching = new MutationObserver(() => {
        if (!beat.started && document.querySelector('.bundle-status--opening')) {
          requestAnimationFrame(() => setTimeout(start));
        }
        if (beat.started && document.querySelector('.bundle-status--problems')) {
          watching.disconnect();
          window.clearInterval(beat.timer);
          verdict();
        }
      });
      watching.observe(document.body, { childList: true, subtree: true });
    });
    (window as unknown as { heartbeat: typeof beat }).heartbeat = beat;
  });
}

/**
 * Waits on the page for the verdict, and says the longest gap until it showed. Not through a
 * locator: one polls the page on every frame, walking the whole map to compute each element's
 * role, and that work on the page's thread is the test's, not the app's.
 */
const longestGapUntilVerdict = (page: Page) =>
  page.evaluate(async () => {
    const beat = (window as unknown as { heartbeat: { longest: number; verdict: Promise<void> } })
      .heartbeat;
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no verdict within 10 s')), 10_000),
    );
    await Promise.race([beat.verdict, timeout]);
    return beat.longest;
  });

async function chooseFile(
  page: Page,
  value: unknown,
  name: string,
  beforeChoosing: () => Promise<void> = () => Promise.resolve(),
) {
  await page.getByRole('button', { name: 'Open map…' }).click();
  const input = page
    .getByRole('dialog', { name: 'Open another map' })
    .getByLabel(/From this computer/);
  await input.waitFor();
  await beforeChoosing();
  // From disk rather than from a buffer: a buffer is decoded inside the page, by the test
  // driver, which would hold the page up for hundreds of milliseconds that are not the app's.
  const path = join(folder, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  await input.setInputFiles(path);
}

const folder = mkdtempSync(join(tmpdir(), 'hostile-bundles-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const refusal = (page: Page) => page.getByRole('alert', { name: 'Map not opened' });

describe('hostile bundles in Chromium', () => {
  const session = useBrowser();

  it('keeps the page answering while each hostile file is checked, and gives a verdict in words within 10 s', async () => {
    const page = await openApp(session);
    // The checker's code is loaded once, by a first file, so that what is timed is the checking.
    await chooseFile(page, '{}', 'warm-up.json');
    await refusal(page).waitFor();
    const measured: string[] = [];
    for (const [name, make] of hostile) {
      const file = make();
      // On an idle machine one check keeps every gap under 100 ms. On a shared one (two cores,
      // several test runs at once) the page's thread is sometimes not given the processor for
      // 100 to 300 ms although it has nothing to do: the browser records no long task and no long
      // animation frame in those gaps. So the page is held to the budget when one of three checks
      // of the file keeps it, which a page that does the checking itself (it froze for 5 to 60 s)
      // never does.
      const gaps: number[] = [];
      for (let attempt = 0; attempt < 3 && !gaps.some((gap) => gap < 100); attempt += 1) {
        await page.getByRole('button', { name: 'Dismiss' }).click();
        const started = Date.now();
        await chooseFile(page, file, `${name}.json`, () => startHeartbeat(page));
        gaps.push(await longestGapUntilVerdict(page));
        const verdictMs = Date.now() - started;
        const text = (await refusal(page).textContent()) ?? '';
        measured.push(
          `${name}: verdict ${verdictMs} ms, longest gap ${Math.round(gaps.at(-1)!)} ms`,
        );
        expect.soft(text, name).not.toMatch(EXCEPTION);
        expect.soft(text, name).toMatch(/could not be opened/);
        expect.soft(verdictMs, name).toBeLessThan(10_000);
      }
      const best = Math.min(...gaps);
      expect
        .soft(best, `${name}: the page went ${Math.round(best)} ms without answering`)
        .toBeLessThan(100);
    }
    console.info(measured.join('\n'));
  }, 240_000);

  it('lays out only the problems in view, so that a list of hundreds arrives in one short frame', async () => {
    const page = await openApp(session);
    const bundle = example() as unknown as { graph: { concepts: unknown[] } };
    bundle.graph.concepts = Array.from({ length: 1_000 }, () => ({}));
    await chooseFile(page, bundle, 'empty-concepts.json');
    const items = refusal(page).getByRole('listitem');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(100);
    // A line out of view keeps its box, and what is inside it (the place in the file) is skipped.
    const places = refusal(page).locator('li code');
    const laidOut = (line: Element) => line.checkVisibility({ contentVisibilityAuto: true });
    expect(await places.first().evaluate(laidOut)).toBe(true);
    expect(await places.last().evaluate(laidOut)).toBe(false);
    // Scrolled to, a line is laid out and read like any other.
    await places.last().scrollIntoViewIfNeeded();
    await expect.poll(() => places.last().evaluate(laidOut)).toBe(true);
  });

  it('says in words what is wrong with an address or a body cut short', async () => {
    const { page } = session;
    await page.route('**/maps/**', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/json', 'content-length': '100000' },
        body: '{"schemaVersion": 1, "article": ',
      }),
    );
    await page.goto(`${session.url()}?bundle=maps/100%25%.json`);
    await refusal(page).waitFor({ timeout: 20_000 });
    const text = (await refusal(page).textContent()) ?? '';
    expect(text).not.toMatch(EXCEPTION);
    expect(text).toMatch(/could not be opened/);
    await page.locator('.react-flow__node-concept').first().waitFor();
  });

  it('lays out anew, with a notice, a map whose positions are too far to draw', async () => {
    const page = await openApp(session);
    for (const spread of ['one at 1e308', 'spaced 1e15 apart'] as const) {
      const bundle = example();
      bundle.article.title = `Far away, ${spread}`;
      if (spread === 'one at 1e308') bundle.graph.concepts[0]!.position = { x: 1e308, y: 0 };
      else {
        bundle.graph.concepts.forEach((concept, index) => {
          concept.position = { x: index * 1e15, y: 0 };
        });
      }
      await chooseFile(page, bundle, 'far.json');
      await page.getByText(/was laid out anew/).waitFor({ timeout: 30_000 });
      const onScreen = await page.locator('.react-flow__node-concept').evaluateAll(
        (nodes) =>
          nodes.filter((node) => {
            const box = node.getBoundingClientRect();
            return (
              box.width > 0 &&
              box.right > 0 &&
              box.bottom > 0 &&
              box.left < window.innerWidth &&
              box.top < window.innerHeight
            );
          }).length,
      );
      expect(onScreen, spread).toBeGreaterThan(0);
    }
  });

  it('refuses, in words and at once, an article with more formatting marks in all than can be read', async () => {
    const page = await openApp(session);
    // Under every limit of one paragraph, and seconds to parse: counted, not timed, so that the
    // verdict is the same on every machine.
    const costly = withArticle(`${'*a_'.repeat(450)}\n\n`.repeat(400));
    const started = Date.now();
    await chooseFile(page, costly, 'costly.json');
    await refusal(page).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const text = (await refusal(page).textContent()) ?? '';
    expect(text).toMatch(/it has 360,\d{3} runs of formatting marks .* in all; at most 100,000/);
    expect(text).not.toMatch(EXCEPTION);
  });
});
