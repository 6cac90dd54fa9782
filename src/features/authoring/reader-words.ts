import { wordSpans, type WordSpan } from '../../model/words';

/** What the reader adds to the article's words, which are not the article's (see reader-selection). */
const ADDED = '.curator-note, .reader-unquoted-label';

/** The article's words of one of the reader's paragraphs, and how to select some of them. */
export type BlockWords = {
  words: WordSpan[];
  /** The words' text, from the first to the last given (counted from 0), as the article has it. */
  text: (first: number, last: number) => string;
  /** A DOM range over the words from the first to the last given. */
  range: (first: number, last: number) => Range;
};

/** The words of a reader block, its text nodes read as `readerSelection` counts them. */
export function blockWords(block: Element): BlockWords {
  const doc = block.ownerDocument;
  const nodes: { node: Text; at: number }[] = [];
  let text = '';
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(ADDED)) continue;
    nodes.push({ node: node as Text, at: text.length });
    text += (node as Text).data;
  }
  const words = wordSpans(text);
  /** The text node and offset of a place in the block's text; a word's end stays in its node. */
  const point = (offset: number, end: boolean): [Text, number] => {
    let found = nodes[0];
    for (const entry of nodes) {
      if (end ? entry.at < offset : entry.at <= offset) found = entry;
      else break;
    }
    if (!found) throw new Error('The paragraph has no text.');
    return [found.node, offset - found.at];
  };
  const span = (first: number, last: number) => ({
    start: words[first]?.start ?? 0,
    end: words[last]?.end ?? 0,
  });
  return {
    words,
    text: (first, last) => {
      const { start, end } = span(first, last);
      return text.slice(start, end);
    },
    range: (first, last) => {
      const { start, end } = span(first, last);
      const range = doc.createRange();
      range.setStart(...point(start, false));
      range.setEnd(...point(end, true));
      return range;
    },
  };
}
