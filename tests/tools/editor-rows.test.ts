import { describe, expect, it } from 'vitest';
import {
  editorBudgets,
  editorRows,
  editorTable,
  type EditorSamples,
  type FrameSample,
} from '../../tools/bench/editor-rows';

const key = (work: number, ms: number | null, frames: number | null): FrameSample => ({
  work,
  ms,
  frames,
});

const samples = (overrides: Partial<EditorSamples> = {}): EditorSamples => ({
  label: [key(4, 12, 1), key(6, 16, 1), key(30, 40, 2)],
  newConcept: [
    { work: null, ms: 40, frames: 2 },
    { work: null, ms: 60, frames: 3 },
  ],
  save: [
    { span: 8, longTasks: [], longestFrame: 17 },
    { span: 12, longTasks: [70], longestFrame: 84 },
  ],
  ...overrides,
});

const rowOf = (rows: ReturnType<typeof editorRows>, start: string) => {
  const row = rows.find((candidate) => candidate.measure.startsWith(start));
  if (!row) throw new Error(`no row ${start}`);
  return row;
};

describe("the editor's bench rows", () => {
  it('gives each measure its median and its worst', () => {
    const rows = editorRows(samples());
    expect(rowOf(rows, 'label key: work')).toMatchObject({ median: 6, worst: 30, count: 3 });
    expect(rowOf(rows, 'label key: frames')).toMatchObject({ median: 1, worst: 2 });
    expect(rowOf(rows, 'new concept: press')).toMatchObject({ median: 50, worst: 60 });
    // A save without a long task counts as 0, one with a long task as its longest.
    expect(rowOf(rows, 'autosave: longest long task')).toMatchObject({ median: 35, worst: 70 });
    expect(rowOf(rows, 'autosave: long tasks over 50 ms')).toMatchObject({ worst: 1, count: 2 });
  });

  it('has no worst when a sample was never drawn, so that its budget fails', () => {
    const rows = editorRows(
      samples({ newConcept: [{ work: null, ms: 40, frames: 2 }, key(0, null, null)] }),
    );
    const made = rowOf(rows, 'new concept: press');
    expect(made.median).toBe(40);
    expect(made.worst).toBeNaN();
    const budgets = editorBudgets(rows, 'at 1,000 concepts');
    expect(budgets.find((line) => line.includes('new concept: press'))).toMatch(/^FAIL/);
  });

  it('has no number at all when nothing was measured', () => {
    const rows = editorRows({ label: [], newConcept: [], save: [] });
    expect(rowOf(rows, 'label key: work').worst).toBeNaN();
    expect(editorBudgets(rows, 'at 1,000 concepts').every((line) => line.startsWith('FAIL'))).toBe(
      true,
    );
  });

  it('holds the targets of the issue as budgets: one frame, 100 ms, no long task', () => {
    const lines = editorBudgets(editorRows(samples()), 'at 1,000 concepts');
    expect(lines).toEqual([
      'FAIL  at 1,000 concepts, label key: work per key, worst: 30.0 ms ≤ 16.7 ms',
      'FAIL  at 1,000 concepts, label key: frames until the node shows it, worst: 2.0 frames ≤ 1.0 frames',
      'PASS  at 1,000 concepts, new concept: press to its node drawn, worst: 60.0 ms < 100 ms',
      'FAIL  at 1,000 concepts, autosave: longest long task in a save, worst: 70.0 ms ≤ 50.0 ms',
      'FAIL  at 1,000 concepts, autosave: long tasks over 50 ms, all saves, worst: 1.0 tasks ≤ 0.0 tasks',
    ]);
  });

  it('prints one table row a measure, with its target', () => {
    const table = editorTable(editorRows(samples()));
    expect(table.split('\n')[0]).toBe('| editing | median | worst | samples | target |');
    expect(table).toContain(
      '| new concept: press to its node drawn (ms) | 50.0 | 60.0 | 2 | under 100 ms |',
    );
  });
});
