import type { TextPosition } from './anchor.ts';
import { deriveAtlas, type AtlasLoad, type CheckedContent } from './derive-atlas.ts';

/** The element of index.html that carries the built-in map, checked when the app was built. */
export const SNAPSHOT_ELEMENT_ID = 'built-in-atlas';
const FORMAT = 'concept-atlas-snapshot@1';

/** Checked content as JSON: anchors become entries, everything else is already plain data. */
export type Snapshot = Omit<CheckedContent, 'anchors'> & {
  format: typeof FORMAT;
  anchors: [string, TextPosition[]][];
};

export function toSnapshot(content: CheckedContent): Snapshot {
  return {
    format: FORMAT,
    article: content.article,
    graph: content.graph,
    anchors: [...content.anchors],
    layout: content.layout,
    tours: content.tours,
  };
}

/**
 * JSON for a `<script type="application/json">` element: `<` is escaped so that no text in the
 * content can close the element or open another.
 */
export function snapshotScriptText(content: CheckedContent): string {
  return JSON.stringify(toSnapshot(content)).replace(/</g, '\\u003c');
}

/**
 * Reads the built-in map from the page. It was validated when the app was built, so only its
 * envelope is checked here, which keeps the validators out of the first paint.
 */
export function readSnapshot(doc: Document = document): AtlasLoad {
  const text = doc.getElementById(SNAPSHOT_ELEMENT_ID)?.textContent;
  const broken = {
    ok: false as const,
    problems: ['The built-in map is missing from this page. Reload it, or open a map file.'],
  };
  if (!text) return broken;
  try {
    const snapshot = JSON.parse(text) as Partial<Snapshot>;
    if (snapshot.format !== FORMAT) return broken;
    const { article, graph, anchors, layout, tours } = snapshot as Snapshot;
    return {
      ok: true,
      atlas: deriveAtlas({ article, graph, anchors: new Map(anchors), layout, tours }),
    };
  } catch {
    return broken;
  }
}
