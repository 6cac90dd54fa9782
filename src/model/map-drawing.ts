import type { Box } from './floating.ts';
import { kindStyles } from './kinds.ts';
import type { RelationEdge } from './flow.ts';
import type { Graph, Layout } from './schema.ts';

/**
 * The map as plain vector shapes and text, from its fixed layout: each section's box and title,
 * each concept's box, kind and label, each relation as an arrow between the concepts' borders.
 * The handout draws it on paper, and the SVG export writes it as a file that any program opens
 * (boxes, lines and text, not a web page inside an image).
 */

export type DrawnSection = { id: string; box: Box; number: string; lines: string[] };
export type DrawnConcept = {
  id: string;
  box: Box;
  kind: string;
  colour: string;
  tint: string;
  lines: string[];
};
export type DrawnRelation = {
  id: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** The proposition, as a sentence, for readers that name the shapes. */
  text: string;
  crossesSections: boolean;
};
export type Drawing = {
  viewBox: Box;
  sections: DrawnSection[];
  relations: DrawnRelation[];
  concepts: DrawnConcept[];
};

type Source = {
  graph: Graph;
  layout: Layout;
  boxes: ReadonlyMap<string, Box>;
  edges: readonly RelationEdge[];
};

export type DrawOptions = {
  /** Only these concepts (and sections), as a filtered map or one section shows them. */
  concepts?: ReadonlySet<string>;
  sections?: ReadonlySet<string>;
  /** Only these relations, as the map draws them (links between sections only when asked). */
  relations?: ReadonlySet<string>;
  /**
   * The part of the map to show, in map coordinates; by default everything drawn. Only what lies
   * in it is drawn, as on screen.
   */
  frame?: Box;
};

/** As the map draws them: 15 px labels in a 220 px box, 16 px section titles. */
export const LABEL_SIZE = 15;
export const LABEL_LINE = 19;
const LABEL_CHARS = 24;
const SECTION_TITLE_SIZE = 17;
const SECTION_CHAR_WIDTH = 9.5;
const MARGIN = 24;

/**
 * Breaks text into lines of at most `chars` characters, at spaces where it can, then after a
 * hyphen, and only a word longer than a line anywhere.
 */
export function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  const pieces = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) =>
      word.length <= chars ? [word] : word.split(/(?<=-)/).map((p, i) => (i ? `\u0000${p}` : p)),
    );
  for (const raw of pieces) {
    // A piece after a hyphen joins its line without a space.
    const glued = raw.startsWith('\u0000');
    const piece = glued ? raw.slice(1) : raw;
    const joined = line === '' ? piece : glued ? `${line}${piece}` : `${line} ${piece}`;
    if (line === '' || joined.length <= chars) line = joined;
    else {
      lines.push(line);
      line = piece;
    }
    while (line.length > chars) {
      lines.push(line.slice(0, chars));
      line = line.slice(chars);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function bounds(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** A line's bounding box, a hair wide where it is straight across or down. */
const segmentBox = (ends: {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
}) => {
  const x = Math.min(ends.sourceX, ends.targetX);
  const y = Math.min(ends.sourceY, ends.targetY);
  return {
    x,
    y,
    width: Math.max(Math.abs(ends.targetX - ends.sourceX), 1),
    height: Math.max(Math.abs(ends.targetY - ends.sourceY), 1),
  };
};

/** The map, or the part of it that `options` names, as shapes and text. */
export function drawMap(source: Source, options: DrawOptions = {}): Drawing {
  const { graph, layout, boxes, edges } = source;
  const keepConcept = (id: string) => options.concepts?.has(id) ?? true;
  const concepts: DrawnConcept[] = [];
  for (const concept of graph.concepts) {
    const box = boxes.get(concept.id);
    if (!box || !keepConcept(concept.id)) continue;
    if (options.sections && !options.sections.has(concept.section)) continue;
    const style = kindStyles[concept.kind];
    concepts.push({
      id: concept.id,
      box,
      kind: style.label,
      colour: style.colour,
      tint: style.tint,
      lines: wrapWords(concept.label, LABEL_CHARS),
    });
  }
  const kept = new Set(concepts.map((c) => c.id));
  const sectionsWithConcepts = new Set(
    graph.concepts.filter((c) => kept.has(c.id)).map((c) => c.section),
  );
  const { frame } = options;
  const inFrame = (box: Box) => !frame || overlaps(box, frame);
  const sections: DrawnSection[] = [...graph.sections]
    .sort((a, b) => a.order - b.order)
    .filter((s) => sectionsWithConcepts.has(s.id) && layout.sections[s.id])
    .filter((s) => inFrame(layout.sections[s.id]!))
    .map((s) => {
      const box = layout.sections[s.id]!;
      const chars = Math.max(8, Math.floor((box.width - 28) / SECTION_CHAR_WIDTH));
      return {
        id: s.id,
        box,
        number: s.order === 0 ? 'INTRODUCTION' : `SECTION ${s.order}`,
        lines: s.order === 0 ? [] : wrapWords(s.title, chars).slice(0, 2),
      };
    });
  const labels = new Map(graph.concepts.map((c) => [c.id, c.label]));
  const relations: DrawnRelation[] = edges
    .filter((e) => kept.has(e.source) && kept.has(e.target) && e.data)
    .filter((e) => options.relations?.has(e.id) ?? true)
    .filter((e) => inFrame(segmentBox(e.data!.ends)))
    .map((e) => ({
      id: e.id,
      from: { x: e.data!.ends.sourceX, y: e.data!.ends.sourceY },
      to: { x: e.data!.ends.targetX, y: e.data!.ends.targetY },
      text: `${labels.get(e.source) ?? e.source} ${e.data!.label} ${labels.get(e.target) ?? e.target}`,
      crossesSections: e.data!.crossesSections,
    }));
  const shown = frame ? concepts.filter((c) => overlaps(c.box, frame)) : concepts;
  const all = bounds([...sections.map((s) => s.box), ...concepts.map((c) => c.box)]);
  const framed = frame ?? all ?? { x: 0, y: 0, width: 1, height: 1 };
  const viewBox = frame
    ? framed
    : {
        x: framed.x - MARGIN,
        y: framed.y - MARGIN,
        width: framed.width + 2 * MARGIN,
        height: framed.height + 2 * MARGIN,
      };
  return { viewBox, sections, relations, concepts: shown };
}

/**
 * An SVG element as plain data: the one drawing of the map, which the SVG file writes as text and
 * the handout draws as elements. Attribute names are SVG's own (`stroke-width`, `class`).
 */
export type SvgElement = {
  tag: string;
  attrs: Readonly<Record<string, string | number>>;
  children?: readonly (SvgElement | string)[];
};

const round = (n: number) => Math.round(n * 10) / 10;

const el = (
  tag: string,
  attrs: Record<string, string | number>,
  children?: (SvgElement | string)[],
): SvgElement => (children ? { tag, attrs, children } : { tag, attrs });

/** The fonts of the map, with the Chinese fallbacks a reader's machine may have. */
export const DRAWING_FONTS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export type ShapeOptions = {
  /** The arrowhead's id, unique on a page that holds several drawings. */
  markerId?: string;
  /** A `<title>` for programs that name the drawing. */
  title?: string;
  /** Pixels per map unit: gives the drawing a width and height (a file's natural size). */
  scale?: number;
  /** More attributes of the `<svg>` element (a class, a role and a label on a page). */
  attrs?: Record<string, string | number>;
};

/** The drawing as SVG elements: sections, then relations, then concepts above them. */
export function drawingToShapes(drawing: Drawing, options: ShapeOptions = {}): SvgElement {
  const { viewBox: v } = drawing;
  const markerId = options.markerId ?? 'arrow';
  const box = (b: Box) => ({
    x: round(b.x),
    y: round(b.y),
    width: round(b.width),
    height: round(b.height),
  });
  const children: SvgElement[] = [];
  if (options.title !== undefined) children.push(el('title', {}, [options.title]));
  children.push(
    el('defs', {}, [
      el(
        'marker',
        {
          id: markerId,
          viewBox: '0 0 10 10',
          refX: 10,
          refY: 5,
          markerWidth: 8,
          markerHeight: 8,
          orient: 'auto-start-reverse',
        },
        [el('path', { d: 'M0 0L10 5L0 10z', fill: '#6b7280' })],
      ),
    ]),
    el('rect', { ...box(v), fill: '#ffffff' }),
  );
  for (const s of drawing.sections) {
    const { x, y } = s.box;
    children.push(
      el('g', { class: 'section' }, [
        el('rect', {
          ...box(s.box),
          rx: 14,
          fill: '#f8fafc',
          stroke: '#94a3b8',
          'stroke-width': 1.5,
        }),
        el(
          'text',
          {
            x: round(x + 14),
            y: round(y + 20),
            'font-size': 11,
            'font-weight': 700,
            'letter-spacing': 1,
            fill: '#475569',
          },
          [s.number],
        ),
        ...s.lines.map((line, i) =>
          el(
            'text',
            {
              x: round(x + 14),
              y: round(y + 40 + i * 20),
              'font-size': SECTION_TITLE_SIZE,
              'font-weight': 700,
              fill: '#111827',
            },
            [line],
          ),
        ),
      ]),
    );
  }
  for (const r of drawing.relations) {
    children.push(
      el(
        'line',
        {
          x1: round(r.from.x),
          y1: round(r.from.y),
          x2: round(r.to.x),
          y2: round(r.to.y),
          stroke: '#6b7280',
          'stroke-width': r.crossesSections ? 1 : 1.5,
          ...(r.crossesSections ? { 'stroke-dasharray': '6 4' } : {}),
          'marker-end': `url(#${markerId})`,
        },
        [el('title', {}, [r.text])],
      ),
    );
  }
  for (const c of drawing.concepts) {
    const { x, y } = c.box;
    children.push(
      el('g', { class: 'concept' }, [
        el('rect', { ...box(c.box), rx: 10, fill: c.tint, stroke: c.colour, 'stroke-width': 2 }),
        el(
          'text',
          {
            x: round(x + 12),
            y: round(y + 16),
            'font-size': 10,
            'font-weight': 700,
            'letter-spacing': 0.6,
            fill: c.colour,
          },
          [c.kind.toUpperCase()],
        ),
        ...c.lines.map((line, i) =>
          el(
            'text',
            {
              x: round(x + 12),
              y: round(y + 36 + i * LABEL_LINE),
              'font-size': LABEL_SIZE,
              'font-weight': 600,
              fill: '#111827',
            },
            [line],
          ),
        ),
      ]),
    );
  }
  const size =
    options.scale === undefined
      ? {}
      : { width: round(v.width * options.scale), height: round(v.height * options.scale) };
  return el(
    'svg',
    {
      viewBox: `${round(v.x)} ${round(v.y)} ${round(v.width)} ${round(v.height)}`,
      ...size,
      'font-family': DRAWING_FONTS,
      ...options.attrs,
    },
    children,
  );
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** SVG elements as markup; every attribute and text escaped. */
export function svgToText(node: SvgElement | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const children = node.children ?? [];
  const inner = children
    .map(svgToText)
    .join(children.some((c) => typeof c !== 'string') ? '\n' : '');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** The drawing as a standalone SVG document, with a title and a description for readers. */
export function drawingToSvg(drawing: Drawing, title: string, scale = 1): string {
  return svgToText(
    drawingToShapes(drawing, {
      title,
      scale,
      attrs: { xmlns: 'http://www.w3.org/2000/svg' },
    }),
  );
}
