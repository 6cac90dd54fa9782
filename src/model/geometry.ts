/** The box a concept node is drawn in; shared by the layout engine and the node component. */
export const NODE_WIDTH = 220;
const CHARS_PER_LINE = 24;
const LINE_HEIGHT = 20;
/** Vertical padding plus the line that names the kind. */
const NODE_PADDING = 34;

/** A concept's height from its label's length, so the layout knows it before anything renders. */
export function nodeHeight(label: string): number {
  const lines = Math.max(1, Math.ceil(label.length / CHARS_PER_LINE));
  return NODE_PADDING + lines * LINE_HEIGHT;
}

/** Room above a section's concepts for its title. */
export const SECTION_HEADER = 64;
export const SECTION_PADDING = 24;

/** Above this many concepts the map is drawn for speed: an overview when zoomed out, no minimap. */
export const LARGE_MAP = 500;
