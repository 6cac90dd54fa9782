/**
 * The editor's rows of `npm run bench`, from the samples measured in the page (editor-page.ts):
 * each row a median and a worst, with the target it is held to, and the budget lines.
 */
import { budgetLine, format, median } from './bench-report.ts';

/** One key or one click: the page's work for it, and the time and frames until it is drawn. */
export type FrameSample = {
  /** From the keydown until the key is handled and layout is up to date; null when not weighed. */
  work: number | null;
  /** Until a frame shows it; null when no frame did. */
  ms: number | null;
  /** Which animation frame after the input that is (1: the very next one). */
  frames: number | null;
};

/** One autosave after one edit. */
export type SaveSample = {
  /** From the write's start until IndexedDB has it (User Timing `draft: save`). */
  span: number;
  /** The long tasks (over 50 ms, as the browser reports them) that overlap the save. */
  longTasks: number[];
  /** The longest frame interval that overlaps the save. */
  longestFrame: number;
};

export type EditorSamples = {
  label: FrameSample[];
  newConcept: FrameSample[];
  save: SaveSample[];
};

/** A row: the median and the worst of its samples, and what it is held to. */
export type EditorRow = {
  measure: string;
  median: number;
  worst: number;
  /** How many samples it has, and how many of them were drawn at all. */
  count: number;
  /** The worst must stay at or under this (`strict`: under it). */
  limit: number;
  strict: boolean;
  unit: string;
  target: string;
};

/** One frame at 60 Hz. */
export const FRAME_MS = 16.7;
const LONG_TASK_MS = 50;

const worstOf = (values: readonly number[]) => {
  const known = values.filter((v) => Number.isFinite(v));
  return known.length === 0 ? NaN : Math.max(...known);
};

/**
 * A row of times: a sample never drawn counts as infinitely slow, so that the worst is missing
 * (no number, a FAIL) rather than the slowest of those that were drawn.
 */
function row(
  measure: string,
  values: readonly (number | null)[],
  limit: number,
  unit: string,
  target: string,
  strict = false,
): EditorRow {
  const known = values.map((v) => (v === null ? Infinity : v));
  const missing = known.some((v) => v === Infinity) || known.length === 0;
  return {
    measure,
    median: median(known.filter((v) => Number.isFinite(v))),
    worst: missing ? NaN : worstOf(known),
    count: values.length,
    limit,
    strict,
    unit,
    target,
  };
}

/** The editor's rows, in the order they are printed. */
export function editorRows({ label, newConcept, save }: EditorSamples): EditorRow[] {
  const longest = save.map((s) => (s.longTasks.length === 0 ? 0 : Math.max(...s.longTasks)));
  const long = save.map((s) => s.longTasks.filter((d) => d > LONG_TASK_MS).length);
  const total = long.reduce((sum, n) => sum + n, 0);
  return [
    row(
      'label key: work per key (ms)',
      label.map((s) => s.work),
      FRAME_MS,
      'ms',
      'fits in a frame',
    ),
    row(
      'label key: keystroke to the node showing it (ms)',
      label.map((s) => s.ms),
      Infinity,
      'ms',
      'see frames',
    ),
    row(
      'label key: frames until the node shows it',
      label.map((s) => s.frames),
      1,
      'frames',
      'the next frame',
    ),
    row(
      'new concept: press to its node drawn (ms)',
      newConcept.map((s) => s.ms),
      100,
      'ms',
      'under 100 ms',
      true,
    ),
    row(
      'new concept: frames until its node is drawn',
      newConcept.map((s) => s.frames),
      Infinity,
      'frames',
      'see ms',
    ),
    row(
      'autosave: longest long task in a save (ms, 0: none)',
      longest,
      LONG_TASK_MS,
      'ms',
      'no long task',
    ),
    row(
      'autosave: longest frame during a save (ms)',
      save.map((s) => s.longestFrame),
      Infinity,
      'ms',
      'see long tasks',
    ),
    {
      // No save measured is no number, never "no long task".
      ...row(
        'autosave: long tasks over 50 ms, all saves',
        save.length === 0 ? [] : [total],
        0,
        'tasks',
        'none',
      ),
      count: save.length,
    },
    row(
      'autosave: write to kept (ms)',
      save.map((s) => s.span),
      Infinity,
      'ms',
      'not held',
    ),
  ];
}

/** The rows as a Markdown table: median, worst, how many samples, and the target. */
export function editorTable(rows: readonly EditorRow[]): string {
  return [
    '| editing | median | worst | samples | target |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.measure} | ${format(r.median)} | ${format(r.worst)} | ${r.count} | ${r.target} |`,
    ),
  ].join('\n');
}

/** The budget lines of the rows held to a limit: each row's worst against it. */
export function editorBudgets(rows: readonly EditorRow[], at: string): string[] {
  return rows
    .filter((r) => Number.isFinite(r.limit))
    .map((r) =>
      budgetLine(
        `${at}, ${r.measure.replace(/ \(.*\)$/, '')}, worst`,
        r.worst,
        r.limit,
        r.unit,
        r.strict,
      ),
    );
}
