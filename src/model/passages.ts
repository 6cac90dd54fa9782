import { blockAt } from './anchor.ts';
import type { Article, Block } from './article.ts';
import type { Anchors } from './anchor.ts';

/** One anchored passage of one concept, in `Article.text` offsets. */
export type Mark = { conceptId: string; start: number; end: number };

/** A run of a block's text covered by the same concepts; no concepts means plain text. */
export type Segment = { text: string; conceptIds: string[] };

/**
 * Splits a block's text wherever a passage starts or ends, so that overlapping and nested
 * passages need no nested markup: each run carries every concept quoting it. Marks are clipped
 * to the block; the segments join back to `block.text` exactly.
 */
export function segmentBlock(block: Block, marks: readonly Mark[]): Segment[] {
  const inside = marks
    .map((m) => ({
      conceptId: m.conceptId,
      start: Math.max(m.start, block.start),
      end: Math.min(m.end, block.end),
    }))
    .filter((m) => m.start < m.end);
  const cuts = new Set([block.start, block.end]);
  for (const m of inside) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const from = bounds[i] as number;
    const to = bounds[i + 1] as number;
    const ids = new Set(
      inside.filter((m) => m.start <= from && to <= m.end).map((m) => m.conceptId),
    );
    segments.push({
      text: block.text.slice(from - block.start, to - block.start),
      conceptIds: [...ids].sort(),
    });
  }
  return segments;
}

/** Every anchored passage, grouped by the id of the block that holds it. */
export function marksByBlock(article: Article, anchors: Anchors): Map<string, Mark[]> {
  const grouped = new Map<string, Mark[]>();
  for (const [conceptId, positions] of anchors) {
    for (const position of positions) {
      const block = blockAt(article, position);
      if (!block) continue;
      const marks = grouped.get(block.id) ?? [];
      marks.push({ conceptId, start: position.start, end: position.end });
      grouped.set(block.id, marks);
    }
  }
  return grouped;
}

/** How many of the article's paragraphs the map quotes at least once. */
export function coverage(article: Article, anchors: Anchors): { covered: number; total: number } {
  const quoted = marksByBlock(article, anchors);
  const paragraphs = article.blocks.filter((block) => block.type === 'paragraph');
  return {
    covered: paragraphs.filter((block) => quoted.has(block.id)).length,
    total: paragraphs.length,
  };
}
