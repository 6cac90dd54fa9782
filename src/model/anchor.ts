import type { Article, Block } from './article.ts';
import { normaliseWhitespace } from './text.ts';
import type { Passage } from './schema.ts';

/** A W3C TextPositionSelector: where a quote sits in the article's plain text. */
export type TextPosition = { start: number; end: number };

/** Where each concept's passages sit in the article, in the order the concept lists them. */
export type Anchors = Map<string, TextPosition[]>;

export type AnchorResult = { ok: true; position: TextPosition } | { ok: false; reason: string };

/** Markdown emphasis markers are not part of the author's words. */
export function normaliseQuote(value: string): string {
  return normaliseWhitespace(value.replace(/\*\*|__/g, ''));
}

/**
 * A quote being looked for: where its exact words start in the text, kept only where the prefix
 * and suffix (if any) fit. Counting stops at the second place that fits, since a second place is
 * already enough to refuse the quote: a quote that repeats a million times costs what two do.
 */
type Search = {
  exact: string;
  prefix: string;
  suffix: string;
  /** Whether the exact words occur at all, whatever their prefix and suffix. */
  seen: boolean;
  places: number[];
};

/** Places beyond this are not counted: two already say that the quote does not decide. */
const ENOUGH_PLACES = 2;

function searchFor(passage: Passage, exact: string): Search {
  return {
    exact,
    prefix: passage.prefix === undefined ? '' : normaliseQuote(passage.prefix),
    suffix: passage.suffix === undefined ? '' : normaliseQuote(passage.suffix),
    seen: false,
    places: [],
  };
}

/** Records that the exact words start at `at`; true once the search has found enough. */
function offer(text: string, search: Search, at: number): boolean {
  search.seen = true;
  if (
    (!search.prefix || endsBefore(text, at, search.prefix)) &&
    (!search.suffix || startsAfter(text, at + search.exact.length, search.suffix))
  ) {
    search.places.push(at);
  }
  return search.places.length >= ENOUGH_PLACES;
}

function searchAlone(text: string, search: Search): void {
  for (let at = text.indexOf(search.exact); at >= 0; at = text.indexOf(search.exact, at + 1)) {
    if (offer(text, search, at)) return;
  }
}

/** The length of the start of a quote by which `searchAll` looks it up. */
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
 * Looks for every quote in the text. Many quotes are found in one pass over the text (a rolling
 * hash of their first characters, as Rabin and Karp do) rather than one pass each: thousands of
 * quotes in a long article would otherwise take most of a second. A quote that has found enough
 * places leaves the pass, so repeated quotes do not make it slower.
 */
function searchAll(text: string, searches: readonly Search[]): void {
  if (searches.length < MANY_QUOTES) {
    for (const search of searches) searchAlone(text, search);
    return;
  }
  const byKey = new Map<number, Search[]>();
  for (const search of searches) {
    if (search.exact.length < KEY_LENGTH) {
      searchAlone(text, search);
      continue;
    }
    const key = keyHash(search.exact, 0);
    const wanting = byKey.get(key);
    if (wanting) wanting.push(search);
    else byKey.set(key, [search]);
  }
  if (byKey.size === 0 || text.length < KEY_LENGTH) return;
  let hash = keyHash(text, 0);
  for (let at = 0; ; at += 1) {
    const wanting = byKey.get(hash);
    if (wanting) {
      for (let i = 0; i < wanting.length;) {
        const search = wanting[i] as Search;
        if (text.startsWith(search.exact, at) && offer(text, search, at)) wanting.splice(i, 1);
        else i += 1;
      }
      if (wanting.length === 0) {
        byKey.delete(hash);
        if (byKey.size === 0) return;
      }
    }
    if (at + KEY_LENGTH >= text.length) break;
    const leaving = Math.imul(text.charCodeAt(at), LEAVING);
    hash = (Math.imul(hash - leaving, BASE) + text.charCodeAt(at + KEY_LENGTH)) | 0;
  }
}

const SPACE = /\s/;

/** Whether `prefix` ends where `at` starts, whitespace between them aside. */
export function endsBefore(text: string, at: number, prefix: string): boolean {
  let end = at;
  while (end > 0 && SPACE.test(text[end - 1] as string)) end -= 1;
  return end >= prefix.length && text.startsWith(prefix, end - prefix.length);
}

/** Whether `suffix` starts where `from` ends, whitespace between them aside. */
export function startsAfter(text: string, from: number, suffix: string): boolean {
  let start = from;
  while (start < text.length && SPACE.test(text[start] as string)) start += 1;
  return text.startsWith(suffix, start);
}

function preview(value: string): string {
  return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
}

function decide(search: Search): AnchorResult {
  const { exact, places } = search;
  if (!search.seen)
    return { ok: false, reason: `quote not found in the article: ${preview(exact)}` };
  if (places.length === 0) {
    return { ok: false, reason: `prefix/suffix do not match around the quote ${preview(exact)}` };
  }
  if (places.length > 1) {
    return {
      ok: false,
      reason: `quote matches more than one place; add a prefix or suffix that decides: ${preview(exact)}`,
    };
  }
  const start = places[0] as number;
  return { ok: true, position: { start, end: start + exact.length } };
}

const EMPTY_QUOTE: AnchorResult = {
  ok: false,
  reason: 'quote is empty once its emphasis markers are left out',
};

/** Resolves each TextQuoteSelector to its single position in the article, or says why it cannot. */
export function anchorPassages(text: string, passages: readonly Passage[]): AnchorResult[] {
  const searches = passages.map((passage) => {
    const exact = normaliseQuote(passage.exact);
    return exact === '' ? null : searchFor(passage, exact);
  });
  searchAll(
    text,
    searches.filter((search) => search !== null),
  );
  return searches.map((search) => (search === null ? EMPTY_QUOTE : decide(search)));
}

/** Resolves a TextQuoteSelector to its single position in the article, or says why it cannot. */
export function anchorPassage(text: string, passage: Passage): AnchorResult {
  return anchorPassages(text, [passage])[0] as AnchorResult;
}

/** The block that holds a position (quotes never span blocks: blocks are split by blank lines). */
export function blockAt(article: Article, position: TextPosition): Block | undefined {
  return article.blocks.find((block) => block.start <= position.start && position.end <= block.end);
}
