/** The statistics and the printed table of `npm run bench`. */

export const median = (values: readonly number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(mid)] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Nearest-rank percentile. */
export const percentile = (values: readonly number[], p: number) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)] as number;
};

export const format = (value: number) => {
  if (!Number.isFinite(value)) return '–';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
};

/** Samples per measure and column; a column is one page at one size. */
export class Results {
  private readonly samples = new Map<string, Map<string, number[]>>();

  add(measure: string, column: string, value: number | undefined) {
    if (value === undefined) return;
    const row = this.samples.get(measure) ?? new Map<string, number[]>();
    this.samples.set(measure, row);
    row.set(column, [...(row.get(column) ?? []), value]);
  }

  /** The median of the runs, NaN when nothing was measured. */
  get(measure: string, column: string): number {
    return median(this.samples.get(measure)?.get(column) ?? []);
  }

  table(measures: readonly string[], columns: readonly string[]): string {
    const lines = [
      `| measure | ${columns.join(' | ')} |`,
      `| --- | ${columns.map(() => '---:').join(' | ')} |`,
    ];
    for (const measure of measures) {
      const cells = columns.map((c) => format(this.get(measure, c)));
      lines.push(`| ${measure} | ${cells.join(' | ')} |`);
    }
    return lines.join('\n');
  }
}

/** One budget line: PASS or FAIL, with the numbers it compares; no number is a FAIL. */
export function budgetLine(
  name: string,
  value: number,
  limit: number,
  unit: string,
  strict = false,
): string {
  const ok = Number.isFinite(value) && (strict ? value < limit : value <= limit);
  return `${ok ? 'PASS' : 'FAIL'}  ${name}: ${format(value)} ${unit} ${strict ? '<' : '≤'} ${format(limit)} ${unit}`;
}

/** A budget the other way: the value must reach `least` (a count of readable labels, say). */
export function budgetAtLeast(
  name: string,
  value: number | undefined,
  least: number,
  unit: string,
): string {
  const ok = value !== undefined && Number.isFinite(value) && value >= least;
  return `${ok ? 'PASS' : 'FAIL'}  ${name}: ${format(value ?? NaN)} ${unit} ≥ ${format(least)} ${unit}`;
}
