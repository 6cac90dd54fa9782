/** The box a concept node is drawn in; shared by the layout engine and the node component. */
export const NODE_WIDTH = 220;
const CHARS_PER_LINE = 24;
const LINE_HEIGHT = 20;
const NODE_PADDING = 26;

/** A concept's height from its label's length, so the layout knows it before anything renders. */
export function nodeHeight(label: string): number {
  const lines = Math.max(1, Math.ceil(label.length / CHARS_PER_LINE));
  return NODE_PADDING + lines * LINE_HEIGHT;
}
