import { anchorPassage } from './anchor.ts';
import type { Passage } from './schema.ts';

/** A W3C TextQuoteSelector: the exact words, with a prefix or suffix only where they repeat. */
export type QuoteSelector = Pick<Passage, 'exact' | 'prefix' | 'suffix'>;

export type QuoteResult =
  { ok: true; selector: QuoteSelector; start: number; end: number } | { ok: false; reason: string };

/** The longest quote a passage may hold (the schema's limit on `exact`). */
export const MAX_QUOTE_LENGTH = 5000;

/** Whitespace the anchoring would collapse, or markers it would leave out: such words cannot be found. */
const UNQUOTABLE = /\s\s|\n|\*\*|__/;

/** Where the paragraph holding `at` starts and ends: blocks are joined by line breaks. */
function blockAround(text: string, start: number, end: number): { low: number; high: number } {
  const before = text.lastIndexOf('\n', start - 1);
  const after = text.indexOf('\n', end);
  return { low: before + 1, high: after < 0 ? text.length : after };
}

/** Prefixes from the nearest word back to the paragraph's start, shortest first. */
function prefixes(text: string, low: number, start: number): string[] {
  const found: string[] = [];
  for (let at = start - 1; at >= low; at -= 1) {
    if (at !== low && text[at - 1] !== ' ') continue;
    const prefix = text.slice(at, start).trimEnd();
    if (prefix !== '' && !UNQUOTABLE.test(prefix)) found.push(prefix);
  }
  return found;
}

/** Suffixes from the nearest word on to the paragraph's end, shortest first. */
function suffixes(text: string, end: number, high: number): string[] {
  const found: string[] = [];
  for (let at = end + 1; at <= high; at += 1) {
    if (at !== high && text[at] !== ' ') continue;
    const suffix = text.slice(end, at).trimStart();
    if (suffix !== '' && !UNQUOTABLE.test(suffix)) found.push(suffix);
  }
  return found;
}

/** Whether the selector leads the existing anchoring to `start`, and nowhere else. */
function decides(text: string, selector: QuoteSelector, start: number): boolean {
  const anchored = anchorPassage(text, selector);
  return anchored.ok && anchored.position.start === start;
}

/**
 * The TextQuoteSelector for the words of `text` between `start` and `end` (whitespace at either
 * end left out). A quote that occurs once is its words alone; one that repeats gets the shortest
 * prefix, suffix or both, in whole words from its own paragraph, that lead back to this place.
 */
export function quoteSelector(text: string, rawStart: number, rawEnd: number): QuoteResult {
  let start = Math.max(0, Math.min(rawStart, rawEnd));
  let end = Math.min(text.length, Math.max(rawStart, rawEnd));
  while (start < end && /\s/.test(text[start] as string)) start += 1;
  while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
  if (start === end) return { ok: false, reason: 'Select some words of the article first.' };
  const exact = text.slice(start, end);
  if (exact.includes('\n')) {
    return { ok: false, reason: 'A passage stays within one paragraph: select fewer words.' };
  }
  if (exact.length > MAX_QUOTE_LENGTH) {
    return {
      ok: false,
      reason: `A passage can hold at most ${MAX_QUOTE_LENGTH.toLocaleString('en-US')} characters: select fewer words.`,
    };
  }
  if (UNQUOTABLE.test(exact)) {
    return { ok: false, reason: 'These words cannot be quoted as they are: select fewer words.' };
  }
  if (decides(text, { exact }, start)) return { ok: true, selector: { exact }, start, end };

  const { low, high } = blockAround(text, start, end);
  const before = prefixes(text, low, start);
  const after = suffixes(text, end, high);
  for (let words = 0; words < Math.max(before.length, after.length); words += 1) {
    const prefix = before[Math.min(words, before.length - 1)];
    const suffix = after[Math.min(words, after.length - 1)];
    const tries: QuoteSelector[] = [];
    if (words < before.length && prefix !== undefined) tries.push({ exact, prefix });
    if (words < after.length && suffix !== undefined) tries.push({ exact, suffix });
    tries.sort((a, b) => (a.prefix ?? a.suffix ?? '').length - (b.prefix ?? b.suffix ?? '').length);
    tries.push({
      exact,
      ...(prefix === undefined ? {} : { prefix }),
      ...(suffix === undefined ? {} : { suffix }),
    });
    const chosen = tries.find((selector) => decides(text, selector, start));
    if (chosen) return { ok: true, selector: chosen, start, end };
  }
  return {
    ok: false,
    reason:
      'These words occur more than once, with the same words around them: select a passage that occurs once.',
  };
}
