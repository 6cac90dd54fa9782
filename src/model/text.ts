/** Collapses runs of whitespace, as HTML rendering does, so quotes survive re-wrapping. */
export function normaliseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export const SNIPPET_LENGTH = 120;

/**
 * At most `length` characters of the text around a position, cut at word boundaries where it can
 * be, with an ellipsis on each side that was cut.
 */
export function excerpt(text: string, at = 0, matchLength = 0, length = SNIPPET_LENGTH): string {
  if (text.length <= length) return text;
  const room = length - 2; // leave room for an ellipsis on each side
  let start = Math.max(0, Math.min(at - Math.floor(room / 3), text.length - room));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  let end = Math.min(text.length, start + room);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space >= at + matchLength) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * The part of a title that names the work, for a header with room for a few words: a title such
 * as "Deep Observation | How to Build …" leads with the column's name, and the work's own title
 * comes after the bar. A title without a bar, or with nothing after it, is kept whole.
 */
export function headlineOf(title: string): string {
  const parts = title.split(/\s*[|｜]\s*/);
  const named = parts.slice(1).join(' | ').trim();
  return named === '' ? title.trim() : named;
}
