import { estimateWidth } from '../../../model/level-of-detail';

let context: CanvasRenderingContext2D | null | undefined;

/**
 * A measure of how wide texts are as the browser draws them, in the font `font(px, weight)` gives,
 * each width kept once measured; `estimate` where the page has no canvas to measure with.
 */
export function canvasMeasure(
  font: (px: number, weight: number) => string,
  estimate: (text: string, px: number, weight: number) => number,
): (text: string, px: number, weight: number) => number {
  const widths = new Map<string, number>();
  return (text, px, weight) => {
    const key = `${weight} ${px} ${text}`;
    const known = widths.get(key);
    if (known !== undefined) return known;
    if (context === undefined) {
      try {
        context = document.createElement('canvas').getContext('2d');
      } catch {
        context = null;
      }
    }
    let width = estimate(text, px, weight);
    if (context) {
      context.font = font(px, weight);
      width = context.measureText(text).width;
    }
    widths.set(key, width);
    return width;
  };
}

const labelWidth = canvasMeasure(
  (px, weight) => `${weight} ${px}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`,
  (text, px) => estimateWidth(text, px),
);

/** A label's width as the browser draws it, in the map's font; estimated where it cannot tell. */
export function measure(text: string, px: number): number {
  return labelWidth(text, px, 600);
}
