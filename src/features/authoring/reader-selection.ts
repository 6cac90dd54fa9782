/**
 * Where the words selected in the reader stand in the article's text. Each of the reader's
 * paragraphs and headings says where it starts (`data-block-start`); what the reader adds to the
 * article's words (a curator's note, the "Not on the map" label) is not counted.
 */
export type ReaderSelection = { start: number; end: number; rect: DOMRect | null };

const BLOCK = '[data-block-start]';
const ADDED = '.curator-note, .reader-unquoted-label';

function isAdded(node: Node): boolean {
  return node.parentElement?.closest(ADDED) != null;
}

/** The place in the article's text of a point in one of the reader's blocks. */
function offsetOf(block: Element, node: Node, offset: number): number {
  const start = Number(block.getAttribute('data-block-start'));
  const point = block.ownerDocument.createRange();
  point.setStart(node, offset);
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let counted = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (isAdded(text)) continue;
    if (text === node) return start + counted + offset;
    if (point.comparePoint(text, 0) >= 0) break;
    counted += (text as Text).length;
  }
  return start + counted;
}

function blockOf(node: Node, within: Element): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest(BLOCK) ?? null;
  return block && within.contains(block) ? block : null;
}

/** The words selected inside `article`, or null when nothing there is selected. */
export function readerSelection(
  article: Element,
  selection: Selection | null,
): ReaderSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const first = blockOf(range.startContainer, article);
  const last = blockOf(range.endContainer, article);
  if (!first || !last) return null;
  const start = offsetOf(first, range.startContainer, range.startOffset);
  const end = offsetOf(last, range.endContainer, range.endOffset);
  if (end <= start) return null;
  const rect =
    typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  return { start, end, rect };
}
