/**
 * The words of a paragraph, for selecting them from the keyboard: where each word starts and
 * ends in the paragraph's text, and how a word cursor moves over them.
 */
export type WordSpan = { start: number; end: number };

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : null;

/**
 * The words of `text`, in order: what the browser's word breaker calls a word (so that a Chinese
 * phrase is cut into its words too), without the spaces and punctuation around it. Words selected
 * from one to another keep what stands between them, as the article has it.
 */
export function wordSpans(text: string): WordSpan[] {
  if (!segmenter) {
    return [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
  }
  const spans: WordSpan[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    spans.push({ start: segment.index, end: segment.index + segment.segment.length });
  }
  return spans;
}

/**
 * The word cursor: the word it stands on (`focus`) and the word the selection started from
 * (`anchor`); the words from one to the other, both included, are selected.
 */
export type WordCursor = { anchor: number; focus: number };

export type WordMove = 'previous' | 'next' | 'first' | 'last';

/**
 * The cursor after a move over `count` words: it stops at the paragraph's first and last word.
 * With `extend` (Shift) the selection grows or shrinks from its anchor; without, it is the one
 * word the cursor moved to.
 */
export function moveWordCursor(
  cursor: WordCursor,
  move: WordMove,
  extend: boolean,
  count: number,
): WordCursor {
  const last = Math.max(0, count - 1);
  const to =
    move === 'first'
      ? 0
      : move === 'last'
        ? last
        : Math.min(last, Math.max(0, cursor.focus + (move === 'next' ? 1 : -1)));
  return extend ? { anchor: cursor.anchor, focus: to } : { anchor: to, focus: to };
}

/** The first and the last word selected, in reading order. */
export function selectedWords(cursor: WordCursor): { first: number; last: number } {
  return {
    first: Math.min(cursor.anchor, cursor.focus),
    last: Math.max(cursor.anchor, cursor.focus),
  };
}
