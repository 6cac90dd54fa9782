import type { Article, Block } from './article';
import { normaliseWhitespace } from './text';
import type { Passage } from './schema';

/** A W3C TextPositionSelector: where a quote sits in the article's plain text. */
export type TextPosition = { start: number; end: number };

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

function preview(value: string): string {
  return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
}

/** Resolves a TextQuoteSelector to its single position in the article, or says why it cannot. */
export function anchorPassage(text: string, passage: Passage): AnchorResult {
  const exact = normaliseQuote(passage.exact);
  const prefix = passage.prefix === undefined ? '' : normaliseQuote(passage.prefix);
  const suffix = passage.suffix === undefined ? '' : normaliseQuote(passage.suffix);
  const all = occurrences(text, exact);
  if (all.length === 0)
    return { ok: false, reason: `quote not found in the article: ${preview(exact)}` };
  const matching = all.filter((at) => {
    const before = text.slice(0, at).trimEnd();
    const after = text.slice(at + exact.length).trimStart();
    return (!prefix || before.endsWith(prefix)) && (!suffix || after.startsWith(suffix));
  });
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

/** The block that holds a position (quotes never span blocks: blocks are split by blank lines). */
export function blockAt(article: Article, position: TextPosition): Block | undefined {
  return article.blocks.find((block) => block.start <= position.start && position.end <= block.end);
}
