import type { Correction } from './schema.ts';

export type { Correction };

/** Where a curator's note goes: `at` is the offset just after the words it corrects. */
export type CorrectionMark = { at: number; correction: Correction };

/** A piece of quoted text, or the note that follows the words before it. */
export type CorrectedPiece = { text: string } | { correction: Correction };

/** Every place in `text` where a correction's words occur, in order, marked at their end. */
export function correctionMarks(
  text: string,
  corrections: readonly Correction[] = [],
): CorrectionMark[] {
  const marks: CorrectionMark[] = [];
  for (const correction of corrections) {
    for (
      let found = text.indexOf(correction.exact);
      found !== -1;
      found = text.indexOf(correction.exact, found + correction.exact.length)
    ) {
      marks.push({ at: found + correction.exact.length, correction });
    }
  }
  return marks.sort((a, b) => a.at - b.at);
}

/** The text cut after each corrected word, with the note in between: a quote as it is shown. */
export function withCorrections(
  text: string,
  corrections: readonly Correction[] = [],
): CorrectedPiece[] {
  const pieces: CorrectedPiece[] = [];
  let from = 0;
  for (const { at, correction } of correctionMarks(text, corrections)) {
    if (at > from) pieces.push({ text: text.slice(from, at) });
    pieces.push({ correction });
    from = at;
  }
  if (from < text.length || pieces.length === 0) pieces.push({ text: text.slice(from) });
  return pieces;
}
