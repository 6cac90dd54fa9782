import type { Article, Block } from './article.ts';
import { normaliseWhitespace } from './text.ts';
import type { Passage } from './schema.ts';

/** A W3C TextPositionSelector: where a quote sits in the article's plain text. */
export type TextPosition = { start: number; end: number };

/** Where each concept's passages sit in the article, in the order the concept lists them. */
export type Anchors = Map<string, TextPosition[]>;

export type AnchorResult = { ok: true; position: TextPosition } | { ok: false; reason: string };

/** Markdown emphasis markers are not part of the author's words. */
function normaliseQuote(value: string): string {
  return normaliseWhitespace(value.replace(/\*\*|__/g, ''));
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/** The length of the start of a quote by which `allOccurrences` looks it up. */
const KEY_LENGTH = 12;
/** From this many quotes on, one pass over the text for all of them beats one pass for each. */
const MANY_QUOTES = 32;
const BASE = 31;
/** BASE to the power KEY_LENGTH - 1, modulo 2^32: what the character leaving the window weighed. */
const LEAVING = Array.from({ length: KEY_LENGTH - 1 }).reduce<number>(
  (power) => Math.imul(power, BASE),
  1,
);

/** A 32-bit polynomial hash of KEY_LENGTH characters of `text` from `at`. */
function keyHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + KEY_LENGTH; i += 1)
    hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Every start of each needle in the text. Many needles are found in one pass over the text (a
 * rolling hash of their first characters, as Rabin and Karp do) rather than one pass each:
 * thousands of quotes in a long article would otherwise take most of a second.
 */
function allOccurrences(text: string, needles: readonly string[]): number[][] {
  if (needles.length < MANY_QUOTES) return needles.map((needle) => occurrences(text, needle));
  const found = needles.map((): number[] => []);
  const byKey = new Map<number, number[]>();
  needles.forEach((needle, i) => {
    if (needle.length < KEY_LENGTH) {
      found[i] = occurrences(text, needle);
      return;
    }
    const key = keyHash(needle, 0);
    const wanting = byKey.get(key);
    if (wanting) wanting.push(i);
    else byKey.set(key, [i]);
  });
  if (byKey.size === 0 || text.length < KEY_LENGTH) return found;
  let hash = keyHash(text, 0);
  for (let at = 0; ; at += 1) {
    const wanting = byKey.get(hash);
    if (wanting) {
      for (const i of wanting) {
        if (text.startsWith(needles[i] as string, at)) (found[i] as number[]).push(at);
      }
    }
    if (at + KEY_LENGTH >= text.length) break;
    const leaving = Math.imul(text.charCodeAt(at), LEAVING);
    hash = (Math.imul(hash - leaving, BASE) + text.charCodeAt(at + KEY_LENGTH)) | 0;
  }
  return found;
}

const SPACE = /\s/;

/** Whether `prefix` ends where `at` starts, whitespace between them aside. */
function endsBefore(text: string, at: number, prefix: string): boolean {
  let end = at;
  while (end > 0 && SPACE.test(text[end - 1] as string)) end -= 1;
  return end >= prefix.length && text.startsWith(prefix, end - prefix.length);
}

/** Whether `suffix` starts where `from` ends, whitespace between them aside. */
function startsAfter(text: string, from: number, suffix: string): boolean {
  let start = from;
  while (start < text.length && SPACE.test(text[start] as string)) start += 1;
  return text.startsWith(suffix, start);
}

function preview(value: string): string {
  return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
}

function decide(text: string, passage: Passage, exact: string, all: number[]): AnchorResult {
  if (all.length === 0)
    return { ok: false, reason: `quote not found in the article: ${preview(exact)}` };
  const prefix = passage.prefix === undefined ? '' : normaliseQuote(passage.prefix);
  const suffix = passage.suffix === undefined ? '' : normaliseQuote(passage.suffix);
  const matching = all.filter(
    (at) =>
      (!prefix || endsBefore(text, at, prefix)) &&
      (!suffix || startsAfter(text, at + exact.length, suffix)),
  );
  if (matching.length === 0) {
    return { ok: false, reason: `prefix/suffix do not match around the quote ${preview(exact)}` };
  }
  if (matching.length > 1) {
    return {
      ok: false,
      reason: `quote matches ${matching.length} places; add a prefix or suffix that decides: ${preview(exact)}`,
    };
  }
  const start = matching[0] as number;
  return { ok: true, position: { start, end: start + exact.length } };
}

const EMPTY_QUOTE: AnchorResult = {
  ok: false,
  reason: 'quote is empty once its emphasis markers are left out',
};

/** Resolves each TextQuoteSelector to its single position in the article, or says why it cannot. */
export function anchorPassages(text: string, passages: readonly Passage[]): AnchorResult[] {
  const quotes = passages.map((passage) => normaliseQuote(passage.exact));
  const wanted = quotes.filter((quote) => quote !== '');
  const found = allOccurrences(text, wanted);
  let next = 0;
  return passages.map((passage, i) => {
    const exact = quotes[i] as string;
    if (exact === '') return EMPTY_QUOTE;
    return decide(text, passage, exact, found[next++] as number[]);
  });
}

/** Resolves a TextQuoteSelector to its single position in the article, or says why it cannot. */
export function anchorPassage(text: string, passage: Passage): AnchorResult {
  return anchorPassages(text, [passage])[0] as AnchorResult;
}

/** The block that holds a position (quotes never span blocks: blocks are split by blank lines). */
export function blockAt(article: Article, position: TextPosition): Block | undefined {
  return article.blocks.find((block) => block.start <= position.start && position.end <= block.end);
}
