import { NODE_WIDTH, nodeHeight, SECTION_HEADER, SECTION_PADDING } from './geometry.ts';
import type { Graph, Layout } from './schema.ts';

/** How far apart, in map units, the empty sections stand from the map and from each other. */
const EMPTY_GAP = 80;

/**
 * A layout from concepts that already have places: each section's box wraps its concepts, with
 * room for its title. Used for bundles, whose concepts carry positions rather than a layout file,
 * and for drafts. A section with no concept yet (a draft's, say) stands in a row under the map,
 * in reading order, the size of a title, so that it is seen and lies on nothing.
 */
export function layoutFromPositions(graph: Graph, placed: Layout['concepts']): Layout {
  const bounds = new Map<string, { left: number; top: number; right: number; bottom: number }>();
  const concepts: Layout['concepts'] = {};
  for (const concept of graph.concepts) {
    const at = concept.position ?? placed[concept.id];
    if (!at) continue;
    concepts[concept.id] = { x: at.x, y: at.y };
    const right = at.x + NODE_WIDTH;
    const bottom = at.y + nodeHeight(concept.label);
    const box = bounds.get(concept.section);
    if (!box) bounds.set(concept.section, { left: at.x, top: at.y, right, bottom });
    else {
      box.left = Math.min(box.left, at.x);
      box.top = Math.min(box.top, at.y);
      box.right = Math.max(box.right, right);
      box.bottom = Math.max(box.bottom, bottom);
    }
  }
  const sections: Layout['sections'] = {};
  for (const [id, box] of bounds) {
    sections[id] = {
      x: box.left - SECTION_PADDING,
      y: box.top - SECTION_HEADER,
      width: box.right - box.left + 2 * SECTION_PADDING,
      height: box.bottom - box.top + SECTION_HEADER + SECTION_PADDING,
    };
  }
  const boxes = Object.values(sections);
  const left = boxes.length > 0 ? Math.min(...boxes.map((b) => b.x)) : 0;
  const below = boxes.length > 0 ? Math.max(...boxes.map((b) => b.y + b.height)) + EMPTY_GAP : 0;
  const empty = [...graph.sections]
    .sort((a, b) => a.order - b.order)
    .filter((section) => !sections[section.id]);
  empty.forEach((section, index) => {
    const width = NODE_WIDTH + 2 * SECTION_PADDING;
    sections[section.id] = {
      x: left + index * (width + EMPTY_GAP),
      y: below,
      width,
      height: SECTION_HEADER + SECTION_PADDING,
    };
  });
  return { sections, concepts };
}

/** Whether every concept has a place of its own, so that nothing needs laying out. */
export const everyConceptPlaced = (graph: Graph) =>
  graph.concepts.every((concept) => concept.position !== undefined);
