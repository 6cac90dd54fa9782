/**
 * `npm run bench`: the built app against a bare React Flow page (src/bench/bare), side by side, in
 * headless Chromium at 1366x768: the built-in map, then generated bundles of 100, 1,000 and 5,000
 * concepts. Each number is the median of cold runs, each in a fresh browser context. Prints one
 * table and the budgets the map is held to. Not a test: the numbers depend on the machine.
 *
 * Time to map at 4x CPU throttling is measured for the built-in map and for the smallest generated
 * bundle (the budget compares those); `--throttle-all` measures it at every size, which takes
 * minutes more. `npm run bench -- --runs 1 --sizes 100,1000` measures less, for a quick look.
 */
import { stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser.ts';
import { startPreview } from '../preview-server.ts';
import {
  type ConceptPoint,
  pageBytes,
  type PageBytes,
  writeBuiltInBundle,
  writeSyntheticBundle,
  type WrittenBundle,
} from './bench-data.ts';
import {
  heapMb,
  mapReadyScript,
  panFrames,
  type PageKind,
  searchTimes,
  selectTime,
  settle,
  waitForMap,
  zoomFrames,
} from './bench-page.ts';
import { budgetAtLeast, budgetLine, median, percentile, Results } from './bench-report.ts';
import { measureEditor } from './editor-bench.ts';
import { editorBudgets, editorRows, editorTable, type EditorSamples } from './editor-rows.ts';
import { type Legibility, legibilityTable, measureLegibility } from './legibility.ts';
import { builtInTours, measureTours, tourSummary } from './tour-legibility.ts';
import { STEP_PHRASE_RATIO } from '../../src/model/step-layout.ts';

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(option('runs') ?? 3);
const SIZES = (option('sizes') ?? '100,1000,5000').split(',').map(Number);
const THROTTLE_ALL = process.argv.includes('--throttle-all');
/** Only the editor's rows, for a quick look at them. */
const EDITOR_ONLY = process.argv.includes('--editor-only');
/** The size of the bundle the editor is measured on. */
const EDITOR_SIZE = 1000;
const VIEWPORT = { width: 1366, height: 768 };
const THROTTLING = 4;
/** Typed into the search box one key at a time: every bundle has manufacturing in it. */
const SEARCH_WORD = 'manufa';
const KINDS: PageKind[] = ['bare', 'app'];

const M = {
  map: 'time to map (ms)',
  mapThrottled: `time to map, ${THROTTLING}x CPU throttling (ms)`,
  panMedian: 'pan: frame time median (ms)',
  panP95: 'pan: frame time p95 (ms)',
  zoomMedian: 'zoom: frame time median (ms)',
  zoomP95: 'zoom: frame time p95 (ms)',
  heap: 'JS heap after load (MB)',
  select: 'select a concept (ms)',
  searchWorkMedian: 'search: work per key, median (ms)',
  searchWorkSlowest: 'search: work per key, slowest (ms)',
  searchMedian: 'search: keystroke to next frame, median (ms)',
  searchSlowest: 'search: keystroke to next frame, slowest (ms)',
  searchFrames: 'search: frames from keystroke to results, most',
  initial: 'initial JS + CSS (kB gzip)',
  chunks: 'all JS + CSS chunks (kB gzip)',
  html: 'index.html (kB gzip)',
  data: 'bundle file fetched (kB gzip)',
} as const;

type Scenario = {
  name: string;
  count: number;
  ids: string[];
  points: ConceptPoint[];
  app: string;
  bare: string;
  throttled: boolean;
};

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;
const log = (message: string) => console.error(`[${elapsed()}] ${message}`);
const column = (scenario: Scenario, kind: PageKind) => `${scenario.name} ${kind}`;
const kB = (bytes: number) => bytes / 1024;

const results = new Results();

/** One cold load of one page in a fresh context; the unthrottled run also measures interaction. */
async function runOnce(browser: Browser, scenario: Scenario, kind: PageKind, throttled: boolean) {
  const col = column(scenario, kind);
  const context = await browser.newContext({ viewport: VIEWPORT });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    const cdp = await context.newCDPSession(page);
    if (throttled) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING });
    const slow = throttled ? THROTTLING : 1;
    await page.addInitScript(mapReadyScript(kind, scenario.count, scenario.ids, 10_000 * slow));
    const timeout = Math.min(180_000, (15_000 + scenario.count * 6) * slow);
    const response = await page.goto(kind === 'app' ? scenario.app : scenario.bare, { timeout });
    if (!response?.ok()) throw new Error(`${response?.url()}: HTTP ${response?.status()}`);
    const drawn = await waitForMap(page, timeout);
    results.add(throttled ? M.mapThrottled : M.map, col, drawn);
    if (throttled) return `${Math.round(drawn)} ms`;

    await settle(page);
    results.add(M.heap, col, await heapMb(cdp));
    const steps: [string, () => Promise<void>][] = [
      [
        'pan',
        async () => {
          const frames = await panFrames(page);
          results.add(M.panMedian, col, median(frames));
          results.add(M.panP95, col, percentile(frames, 95));
        },
      ],
      [
        'zoom',
        async () => {
          const frames = await zoomFrames(page);
          results.add(M.zoomMedian, col, median(frames));
          results.add(M.zoomP95, col, percentile(frames, 95));
        },
      ],
      [
        'select',
        async () => results.add(M.select, col, await selectTime(page, kind, scenario.points)),
      ],
      [
        // The bare page's plain search box over the labels is the baseline for a keystroke.
        'search',
        async () => {
          const keys = await searchTimes(page, SEARCH_WORD);
          const work = keys.map((k) => k.work);
          results.add(M.searchWorkMedian, col, median(work));
          results.add(M.searchWorkSlowest, col, Math.max(...work));
          const shown = keys.filter((k) => k.ms !== null && k.frames !== null);
          if (shown.length === 0) throw new Error('no key changed the results');
          const times = shown.map((k) => k.ms ?? NaN);
          results.add(M.searchMedian, col, median(times));
          results.add(M.searchSlowest, col, Math.max(...times));
          results.add(M.searchFrames, col, Math.max(...shown.map((k) => k.frames ?? NaN)));
        },
      ],
    ];
    for (const [name, step] of steps) {
      await settle(page);
      const t0 = performance.now();
      // One step that fails (a control that moved, a timeout) leaves the others measured.
      await step().catch((error: unknown) => log(`  ${col}: ${name} failed: ${String(error)}`));
      log(`  ${col}: ${name} took ${Math.round(performance.now() - t0)} ms`);
    }
    return `${Math.round(drawn)} ms`;
  } finally {
    if (errors.length > 0) log(`  ${col}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}

/** When dist/ was built: a build during the run would change what the pages load under them. */
const builtAt = async () => {
  const files = ['dist/index.html', 'dist/bench/bare/index.html'];
  const times = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (st) => st.mtimeMs,
        () => NaN,
      ),
    ),
  );
  return times.join(' ');
};
const buildBefore = await builtAt();
log('writing bundles into dist/bench/data');
const builtIn = await writeBuiltInBundle();
const scenarios: Scenario[] = [];
const { server, url } = await startPreview();
scenarios.push({
  name: 'built-in',
  count: builtIn.count,
  ids: builtIn.ids,
  points: builtIn.points,
  throttled: true,
  app: url,
  bare: `${url}bench/bare/?data=../data/builtin.json`,
});
results.add(M.data, 'built-in bare', kB(builtIn.gzip));
const written = new Map<number, WrittenBundle>();
for (const count of EDITOR_ONLY ? [] : SIZES) {
  const bundle = await writeSyntheticBundle(count);
  written.set(count, bundle);
  const { gzip, ids, points } = bundle;
  const name = count.toLocaleString('en');
  scenarios.push({
    name,
    count,
    ids,
    points,
    throttled: THROTTLE_ALL || count === Math.min(...SIZES),
    app: `${url}?bundle=bench/data/${count}.json`,
    bare: `${url}bench/bare/?data=../data/${count}.json`,
  });
  for (const kind of KINDS) results.add(M.data, `${name} ${kind}`, kB(gzip));
}

// The editor's rows alone need no bare page, nor its bytes.
const pages = EDITOR_ONLY
  ? null
  : await Promise.all([pageBytes('dist/index.html'), pageBytes('dist/bench/bare/index.html')]);
for (const scenario of pages ? scenarios : []) {
  const [appBytes, bareBytes] = pages as [PageBytes, PageBytes];
  for (const [kind, bytes] of [
    ['app', appBytes],
    ['bare', bareBytes],
  ] as const) {
    results.add(M.initial, column(scenario, kind), kB(bytes.initialGzip));
    results.add(M.chunks, column(scenario, kind), kB(bytes.allGzip));
    results.add(M.html, column(scenario, kind), kB(bytes.htmlGzip));
  }
}

const editorBundle = written.get(EDITOR_SIZE) ?? (await writeSyntheticBundle(EDITOR_SIZE));

const browser = await launchChromium();
log(`Chromium ${browser.version()}, ${cpus().length} CPU cores, ${RUNS} cold runs per page`);
let legibility: Legibility[] = [];
const tourLines: string[] = [];
let editor: EditorSamples = { label: [], newConcept: [], save: [] };
try {
  log(`the editor, on a draft of ${EDITOR_SIZE.toLocaleString('en')} concepts`);
  editor = await measureEditor(browser, url, editorBundle, log).catch((error: unknown) => {
    log(`  editor: FAILED: ${String(error).split('\n')[0]}`);
    return editor;
  });
  if (!EDITOR_ONLY) await measureMaps();
} finally {
  await browser.close();
  await server.close();
}

/** Everything but the editor: legibility, tours, and each map's load and interaction. */
async function measureMaps() {
  log('legibility of the built-in map at 1366x768 and 1920x1080');
  legibility = await measureLegibility(browser, url);
  log('every tour step at 1920x1080 and 1366x768');
  const tourList = await builtInTours();
  for (const [viewport, least] of [
    [{ width: 1920, height: 1080 }, 32],
    [{ width: 1366, height: 768 }, 24],
  ] as const) {
    const rows = await measureTours(browser, url, tourList, viewport, least * STEP_PHRASE_RATIO);
    tourLines.push(
      `tour steps at ${viewport.width}x${viewport.height}: ${tourSummary(rows, least)}`,
    );
  }
  for (const scenario of scenarios) {
    const failed = new Set<PageKind>();
    for (let run = 1; run <= RUNS; run += 1) {
      for (const kind of KINDS) {
        for (const throttled of scenario.throttled ? [false, true] : [false]) {
          if (failed.has(kind)) continue;
          const what = `${scenario.name} ${kind}${throttled ? ` ${THROTTLING}x` : ''} run ${run}/${RUNS}`;
          try {
            log(`${what}: map drawn at ${await runOnce(browser, scenario, kind, throttled)}`);
          } catch (error) {
            // A page that cannot draw the map once will not in the next runs either.
            failed.add(kind);
            log(`${what}: FAILED, skipping its other runs: ${String(error).split('\n')[0]}`);
          }
        }
      }
    }
  }
}

const editorAt = `editing a draft of ${EDITOR_SIZE.toLocaleString('en')} concepts`;
const editing = editorRows(editor);
if (EDITOR_ONLY) {
  console.log(`\nConcept Atlas benchmark: ${editorAt}, ${VIEWPORT.width}x${VIEWPORT.height}\n`);
  console.log(editorTable(editing));
  console.log(`\nBudgets\n\n${editorBudgets(editing, editorAt).join('\n')}`);
  process.exit(0);
}

const columns = scenarios.flatMap((s) => KINDS.map((kind) => column(s, kind)));
const largest = scenarios.at(-1) as Scenario;
const app = (measure: string, scenario: Scenario = largest) =>
  results.get(measure, column(scenario, 'app'));
const bare = (measure: string, scenario: Scenario) =>
  results.get(measure, column(scenario, 'bare'));
const first = scenarios[0] as Scenario;

console.log(
  `\nConcept Atlas benchmark: the app against a bare React Flow page, ${VIEWPORT.width}x${VIEWPORT.height}, ` +
    `median of ${RUNS} cold runs, ${cpus().length} CPU cores\n`,
);
console.log(results.table(Object.values(M), columns));
console.log('\nBudgets\n');
const budgets = [
  budgetLine(
    'app initial JS + CSS against 1.5x the bare page',
    app(M.initial, first),
    1.5 * bare(M.initial, first),
    'kB',
  ),
  budgetLine(
    `built-in map, time to map at ${THROTTLING}x throttling against 1.3x the bare page (${first.count} nodes)`,
    app(M.mapThrottled, first),
    1.3 * bare(M.mapThrottled, first),
    'ms',
  ),
];
if (largest !== first) {
  const at = `at ${largest.name} concepts`;
  budgets.push(
    budgetLine(`${at}, time to map`, app(M.map), 5000, 'ms'),
    budgetLine(`${at}, pan frame time p95`, app(M.panP95), 50, 'ms', true),
    budgetLine(`${at}, zoom frame time p95`, app(M.zoomP95), 50, 'ms', true),
    budgetLine(`${at}, JS heap after load`, app(M.heap), 200, 'MB', true),
    budgetLine(`${at}, select a concept`, app(M.select), 200, 'ms'),
    // Within one frame: the work a key makes fits in a frame at 60 Hz, and its results are in the
    // very next frame. The time to that frame is in the table, but it includes waiting for the
    // display, so it is no measure of the page.
    budgetLine(`${at}, search, slowest key's work`, app(M.searchWorkSlowest), 16.7, 'ms'),
    budgetLine(
      `${at}, search, frames from a keystroke to its results`,
      app(M.searchFrames),
      1,
      'frames',
    ),
  );
}
budgets.push(...editorBudgets(editing, editorAt));
const [laptop, projector] = legibility;
console.log(`\n${legibilityTable(legibility)}\n`);
console.log(`${tourLines.join('\n')}\n`);
console.log(`${editorTable(editing)}\n`);
budgets.push(
  budgetAtLeast(
    'built-in map at fit view, 1366x768: labels at >= 14 px',
    laptop?.atLeast14,
    20,
    'labels',
  ),
  budgetAtLeast(
    'built-in map at fit view, 1920x1080: labels at >= 20 px',
    projector?.atLeast20,
    20,
    'labels',
  ),
  budgetLine(
    'built-in map: labels drawn at 1-9 px, both sizes',
    (laptop?.tiny ?? NaN) + (projector?.tiny ?? NaN),
    0,
    'labels',
  ),
  budgetAtLeast('shared link to a pillar, 1366x768: its label', laptop?.selected, 16, 'px'),
  budgetAtLeast(
    "shared link to a pillar, 1366x768: its neighbours' median",
    laptop?.neighbourMedian,
    12,
    'px',
  ),
  budgetAtLeast(
    'built-in map at fit view, both sizes: theses named',
    Math.min(laptop?.theses ?? NaN, projector?.theses ?? NaN),
    laptop?.thesesOf ?? NaN,
    'theses',
  ),
  budgetLine(
    'relation phrases on concept labels, both sizes',
    (laptop?.overlaps ?? NaN) + (projector?.overlaps ?? NaN),
    0,
    'phrases',
  ),
);
console.log(budgets.join('\n'));
if ((await builtAt()) !== buildBefore) {
  console.log(
    '\nWARNING: dist/ was rebuilt while the bench ran; numbers and failures above are unreliable.',
  );
}
console.log(
  `\nMeasuring took ${((performance.now() - started) / 60_000).toFixed(1)} min (after the builds).`,
);
