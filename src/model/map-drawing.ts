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
  /** The part of the map to show, in map coordinates; by default everything drawn. */
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
  const drawn = new Set(concepts.map((c) => c.id));
  const sectionsWithConcepts = new Set(
    graph.concepts.filter((c) => drawn.has(c.id)).map((c) => c.section),
  );
  const sections: DrawnSection[] = [...graph.sections]
    .sort((a, b) => a.order - b.order)
    .filter((s) => sectionsWithConcepts.has(s.id) && layout.sections[s.id])
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
    .filter((e) => drawn.has(e.source) && drawn.has(e.target) && e.data)
    .filter((e) => options.relations?.has(e.id) ?? true)
    .map((e) => ({
      id: e.id,
      from: { x: e.data!.ends.sourceX, y: e.data!.ends.sourceY },
      to: { x: e.data!.ends.targetX, y: e.data!.ends.targetY },
      text: `${labels.get(e.source) ?? e.source} ${e.data!.label} ${labels.get(e.target) ?? e.target}`,
      crossesSections: e.data!.crossesSections,
    }));
  const all = bounds([...sections.map((s) => s.box), ...concepts.map((c) => c.box)]);
  const framed = options.frame ?? all ?? { x: 0, y: 0, width: 1, height: 1 };
  const viewBox = options.frame
    ? framed
    : {
        x: framed.x - MARGIN,
        y: framed.y - MARGIN,
        width: framed.width + 2 * MARGIN,
        height: framed.height + 2 * MARGIN,
      };
  return { viewBox, sections, relations, concepts };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const round = (n: number) => Math.round(n * 10) / 10;

/** The fonts of the map, with the Chinese fallbacks a reader's machine may have. */
export const DRAWING_FONTS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** The drawing as a standalone SVG document, with a title and a description for readers. */
export function drawingToSvg(drawing: Drawing, title: string, scale = 1): string {
  const { viewBox: v } = drawing;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(v.x)} ${round(v.y)} ${round(v.width)} ${round(v.height)}" width="${round(v.width * scale)}" height="${round(v.height * scale)}" font-family="${escapeXml(DRAWING_FONTS)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#6b7280"/></marker></defs>`,
    `<rect x="${round(v.x)}" y="${round(v.y)}" width="${round(v.width)}" height="${round(v.height)}" fill="#ffffff"/>`,
  );
  for (const s of drawing.sections) {
    const { x, y, width, height } = s.box;
    out.push(
      `<g class="section"><rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="14" fill="#f8fafc" stroke="#cbd5e1" stroke-width="1.5"/>`,
      `<text x="${round(x + 14)}" y="${round(y + 20)}" font-size="11" font-weight="700" letter-spacing="1" fill="#475569">${escapeXml(s.number)}</text>`,
      ...s.lines.map(
        (line, i) =>
          `<text x="${round(x + 14)}" y="${round(y + 40 + i * 20)}" font-size="${SECTION_TITLE_SIZE}" font-weight="700" fill="#111827">${escapeXml(line)}</text>`,
      ),
      '</g>',
    );
  }
  for (const r of drawing.relations) {
    out.push(
      `<line x1="${round(r.from.x)}" y1="${round(r.from.y)}" x2="${round(r.to.x)}" y2="${round(r.to.y)}" stroke="#6b7280" stroke-width="${r.crossesSections ? 1 : 1.5}"${r.crossesSections ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#arrow)"><title>${escapeXml(r.text)}</title></line>`,
    );
  }
  for (const c of drawing.concepts) {
    const { x, y, width, height } = c.box;
    out.push(
      `<g class="concept"><rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="10" fill="${c.tint}" stroke="${c.colour}" stroke-width="2"/>`,
      `<text x="${round(x + 12)}" y="${round(y + 16)}" font-size="10" font-weight="700" letter-spacing="0.6" fill="${c.colour}">${escapeXml(c.kind.toUpperCase())}</text>`,
      ...c.lines.map(
        (line, i) =>
          `<text x="${round(x + 12)}" y="${round(y + 36 + i * LABEL_LINE)}" font-size="${LABEL_SIZE}" font-weight="600" fill="#111827">${escapeXml(line)}</text>`,
      ),
      '</g>',
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
