import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { NODE_WIDTH, nodeHeight, SECTION_HEADER, SECTION_PADDING } from './geometry.ts';
import { readingOrder } from './reading-order.ts';
import type { Anchors } from './anchor.ts';
import type { Graph, Layout } from './schema.ts';

const SECTION_GAP = 80;

const sectionOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'SPLINES',
  'elk.spacing.nodeNode': '18',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.componentComponent': '36',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.aspectRatio': '1.2',
  'elk.padding': `[top=${SECTION_HEADER},left=${SECTION_PADDING},bottom=${SECTION_PADDING},right=${SECTION_PADDING}]`,
};

/** Places sections in rows of roughly a 16:9 whole, in reading order, each row centred. */
function arrangeSections(
  sizes: { id: string; width: number; height: number }[],
): Layout['sections'] {
  const [intro, ...rest] = sizes;
  const totalArea = sizes.reduce(
    (sum, s) => sum + (s.width + SECTION_GAP) * (s.height + SECTION_GAP),
    0,
  );
  const targetWidth = Math.max(Math.sqrt(totalArea * (16 / 9)), ...sizes.map((s) => s.width));
  const rows: (typeof sizes)[] = [];
  let row: typeof sizes = [];
  let rowWidth = 0;
  for (const size of rest) {
    if (row.length > 0 && rowWidth + size.width > targetWidth) {
      rows.push(row);
      row = [];
      rowWidth = 0;
    }
    row.push(size);
    rowWidth += size.width + SECTION_GAP;
  }
  if (row.length > 0) rows.push(row);
  if (intro) rows.unshift([intro]);
  const widths = rows.map(
    (r) => r.reduce((sum, s) => sum + s.width, 0) + SECTION_GAP * (r.length - 1),
  );
  const fullWidth = Math.max(...widths);
  const boxes: Layout['sections'] = {};
  let y = 0;
  rows.forEach((r, index) => {
    let x = (fullWidth - (widths[index] ?? 0)) / 2;
    for (const s of r) {
      boxes[s.id] = { x, y, width: s.width, height: s.height };
      x += s.width + SECTION_GAP;
    }
    y += Math.max(...r.map((s) => s.height)) + SECTION_GAP;
  });
  return boxes;
}

/**
 * Lays the map out with ELK's layered algorithm: each section's concepts as a small hierarchy
 * (in reading order, by the relations inside the section), then the sections in reading order.
 */
export async function computeLayout(
  graph: Graph,
  anchors: Anchors,
  onProgress?: (done: number, total: number) => void,
): Promise<Layout> {
  const elk = new ELK();
  const order = readingOrder(graph, anchors);
  const byOrder = (a: { id: string }, b: { id: string }) =>
    (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  const sectionOf = new Map(graph.concepts.map((c) => [c.id, c.section]));
  const sections = [...graph.sections].sort((a, b) => a.order - b.order);

  let done = 0;
  const laidOut = await Promise.all(
    sections.map((section) => {
      const members = graph.concepts.filter((c) => c.section === section.id).sort(byOrder);
      const inside = graph.relations.filter(
        (r) => sectionOf.get(r.source) === section.id && sectionOf.get(r.target) === section.id,
      );
      const root: ElkNode = {
        id: section.id,
        // The introduction states the whole argument: a wide band across the top of the map, its
        // layers one above the other, so that its few concepts stand side by side with room for
        // their names when the whole map is in view.
        layoutOptions:
          section.order === 0 ? { ...sectionOptions, 'elk.direction': 'DOWN' } : sectionOptions,
        children: members.map((c) => ({
          id: c.id,
          width: NODE_WIDTH,
          height: nodeHeight(c.label),
        })),
        edges: inside.map((r) => ({ id: r.id, sources: [r.target], targets: [r.source] })),
      };
      return elk.layout(root).then((laid) => {
        done += 1;
        onProgress?.(done, sections.length);
        return laid;
      });
    }),
  );

  const sectionBoxes = arrangeSections(
    laidOut.map((s) => ({ id: s.id, width: s.width ?? 0, height: s.height ?? 0 })),
  );
  const concepts: Layout['concepts'] = {};
  for (const section of laidOut) {
    const box = sectionBoxes[section.id];
    for (const child of section.children ?? []) {
      concepts[child.id] = { x: (box?.x ?? 0) + (child.x ?? 0), y: (box?.y ?? 0) + (child.y ?? 0) };
    }
  }
  return { sections: sectionBoxes, concepts };
}
