import { blockAt } from './anchor.ts';
import type { Block } from './article.ts';
import type { Atlas } from './atlas.ts';
import { kindStyles } from './kinds.ts';
import { correctionMarks, type Correction, type CorrectionMark } from './corrections.ts';
import { coverage, marksByBlock, segmentBlock, type Segment } from './passages.ts';

/**
 * A segment with its offset in the article's text, which names its <mark> in the DOM. A run ends
 * where a curator's correction is due, and carries it, to be shown right after the corrected words
 * (between two marks, never inside one). The second part of a passage cut this way is `continued`:
 * one passage is one stop for the keyboard.
 */
export type Run = Segment & { start: number; corrections?: Correction[]; continued?: true };

export type ReaderBlockModel = { block: Block; runs: Run[]; conceptIds: ReadonlySet<string> };

export type ConceptInfo = { label: string; kind: string };

/** The article as the reader shows it: each block cut into runs at the passages the map quotes. */
export type ReaderModel = {
  blocks: ReaderBlockModel[];
  concepts: ReadonlyMap<string, ConceptInfo>;
  /** What each set of concepts sharing a mark is called, keyed by the ids joined with `--`. */
  abouts: ReadonlyMap<string, string>;
  covered: number;
  total: number;
};

/** A passage of a concept, found in the article: its offsets and the block that holds it. */
export type LocatedPassage = { conceptId: string; start: number; end: number; blockId: string };

/** Kebab-case ids never hold `--`, so joining by it keeps combinations distinct. */
export const aboutKey = (ids: readonly string[]) => ids.join('--');

function listOf(labels: string[]): string {
  if (labels.length < 2) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** The segment from `start` to `end` as runs, cut after each corrected word inside it. */
function cutAtCorrections(
  segment: Segment,
  start: number,
  end: number,
  fixes: readonly CorrectionMark[],
): Run[] {
  const here = fixes.filter((fix) => start < fix.at && fix.at <= end);
  if (here.length === 0) return [{ ...segment, start }];
  const runs: Run[] = [];
  let from = start;
  for (const fix of here) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.text.length === fix.at) {
      last.corrections = [...(last.corrections ?? []), fix.correction];
      continue;
    }
    const run: Run = {
      text: segment.text.slice(from - start, fix.at - start),
      conceptIds: segment.conceptIds,
      start: from,
      corrections: [fix.correction],
    };
    if (from > start && segment.conceptIds.length > 0) run.continued = true;
    runs.push(run);
    from = fix.at;
  }
  if (from < end) {
    const rest: Run = {
      text: segment.text.slice(from - start),
      conceptIds: segment.conceptIds,
      start: from,
    };
    if (segment.conceptIds.length > 0) rest.continued = true;
    runs.push(rest);
  }
  return runs;
}

export function buildReaderModel(atlas: Atlas): ReaderModel {
  const concepts = new Map(
    atlas.graph.concepts.map((c) => [c.id, { label: c.label, kind: kindStyles[c.kind].label }]),
  );
  const { blocks, covered, total } = readerBlocks(atlas);
  const abouts = new Map<string, string>();
  for (const { runs } of blocks) {
    for (const { conceptIds: ids } of runs) {
      if (ids.length === 0 || abouts.has(aboutKey(ids))) continue;
      const labels = ids.map((id) => concepts.get(id)?.label ?? id);
      abouts.set(
        aboutKey(ids),
        ids.length === 1
          ? `Passage about ${labels[0]}`
          : `Passage about ${ids.length} concepts: ${listOf(labels)}`,
      );
    }
  }
  return { blocks, concepts, abouts, covered, total };
}

type ReaderBlocks = Pick<ReaderModel, 'blocks' | 'covered' | 'total'>;

/**
 * The article's blocks cut into runs, made once for its passages (and corrections): a map whose
 * concepts change only in their words keeps them, so the reader draws no paragraph again.
 */
const blocksByAnchors = new WeakMap<
  Atlas['anchors'],
  { article: Atlas['article']; corrections: Atlas['graph']['corrections']; made: ReaderBlocks }
>();

function readerBlocks({ article, anchors, graph }: Atlas): ReaderBlocks {
  const kept = blocksByAnchors.get(anchors);
  if (kept?.article === article && kept.corrections === graph.corrections) return kept.made;
  const grouped = marksByBlock(article, anchors);
  const fixes = correctionMarks(article.text, graph.corrections);
  const blocks = article.blocks.map((block) => {
    const marks = grouped.get(block.id) ?? [];
    let at = block.start;
    const runs = segmentBlock(block, marks).flatMap((segment) => {
      const end = at + segment.text.length;
      const pieces = cutAtCorrections(segment, at, end, fixes);
      at = end;
      return pieces;
    });
    return { block, runs, conceptIds: new Set(marks.map((m) => m.conceptId)) };
  });
  const made = { blocks, ...coverage(article, anchors) };
  blocksByAnchors.set(anchors, { article, corrections: graph.corrections, made });
  return made;
}

/** Where the concept is first quoted in the article, if it is. */
export function firstPassageStart(atlas: Atlas, conceptId: string): number | undefined {
  const starts = (atlas.anchors.get(conceptId) ?? []).map((p) => p.start);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

/** The concept's `index`-th passage in the article, or null when it has none by that number. */
export function locatePassage(
  atlas: Atlas,
  conceptId: string,
  index: number,
): LocatedPassage | null {
  const position = atlas.anchors.get(conceptId)?.[index];
  const block = position && blockAt(atlas.article, position);
  return position && block ? { conceptId, ...position, blockId: block.id } : null;
}

/** How many of the model's blocks must be rendered for the text at `start` to be among them. */
export function blocksThrough(model: ReaderModel, start: number): number {
  return model.blocks.findIndex(({ block }) => start < block.end) + 1;
}
