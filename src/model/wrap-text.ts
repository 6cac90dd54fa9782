/**
 * Text broken into lines for a drawing, where nothing wraps by itself (SVG text): at spaces and
 * after hyphens, as a browser breaks it, to a width measured by the caller.
 */

/** How wide one line is, in the font and size it is drawn in. */
export type MeasureLine = (line: string) => number;

/** Room for a line measured a hair wider than the width: the fonts a browser draws vary so much. */
const TOLERANCE = 0.5;

/** A text's pieces where a line may break: at spaces, and after a hyphen (glued to the piece before). */
function pieces(text: string): { piece: string; glued: boolean }[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) =>
      word
        .split(/(?<=-)/)
        .filter(Boolean)
        .map((piece, i) => ({ piece, glued: i > 0 })),
    );
}

/** `text` on one line no wider than `width`, cut short with an ellipsis where it is wider. */
export function cutShort(text: string, width: number, measure: MeasureLine): string {
  if (measure(text) <= width + TOLERANCE) return text;
  let kept = text;
  while (kept.length > 0 && measure(`${kept}…`) > width + TOLERANCE) {
    kept = kept.slice(0, -1).trimEnd();
  }
  return `${kept}…`;
}

/**
 * `text` in lines no wider than `width`, broken where the browser would break it, and a word
 * longer than a line wherever it must be; at most `maxLines`, the last cut short with an ellipsis
 * when there is more.
 */
export function wrapText(
  text: string,
  width: number,
  measure: MeasureLine,
  maxLines = Infinity,
): string[] {
  const fits = (line: string) => measure(line) <= width + TOLERANCE;
  const lines: string[] = [];
  let line = '';
  for (const { piece, glued } of pieces(text)) {
    const joined = line === '' ? piece : glued ? `${line}${piece}` : `${line} ${piece}`;
    if (line === '' || fits(joined)) line = joined;
    else {
      lines.push(line);
      line = piece;
    }
    while (line.length > 1 && !fits(line)) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const rest = lines.slice(kept.length).join(' ');
  kept[kept.length - 1] = cutShort(`${kept.at(-1)} ${rest}`, width, measure);
  return kept;
}
