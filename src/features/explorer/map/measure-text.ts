import { estimateWidth } from '../../../model/level-of-detail';

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** A label's width as the browser draws it, in the map's font; estimated where it cannot tell. */
export function measure(text: string, px: number): number {
  const key = `${px} ${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  let width = estimateWidth(text, px);
  if (context) {
    context.font = `600 ${px}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
    width = context.measureText(text).width;
  }
  widths.set(key, width);
  return width;
}
