import { createElement, memo, type ReactNode } from 'react';
import { drawingToShapes, type Drawing, type SvgElement } from '../../model/map-drawing';

/** SVG's attribute names as React spells them: `class` and `stroke-width` become props. */
function propName(name: string): string {
  if (name === 'class') return 'className';
  if (name.startsWith('aria-') || name.startsWith('data-')) return name;
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function toElement(node: SvgElement | string): ReactNode {
  if (typeof node === 'string') return node;
  const props = Object.fromEntries(
    Object.entries(node.attrs).map(([name, value]) => [propName(name), value]),
  );
  return createElement(node.tag, props, ...(node.children ?? []).map(toElement));
}

/**
 * The map's vector drawing (see map-drawing.ts) on paper: the very shapes and text the SVG export
 * writes, drawn as elements so that the handout needs no image file.
 */
export const MapFigure = memo(function MapFigure({
  drawing,
  label,
  markerId,
}: {
  drawing: Drawing;
  label: string;
  /** Unique on the page: each figure has its own arrowhead. */
  markerId: string;
}) {
  return toElement(
    drawingToShapes(drawing, {
      markerId,
      attrs: {
        class: 'map-figure',
        role: 'img',
        'aria-label': label,
        preserveAspectRatio: 'xMidYMid meet',
      },
    }),
  );
});
