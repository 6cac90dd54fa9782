import { CJK_COVERAGE_ELEMENT_ID, missingCjkCharacters } from '../model/cjk';

let coverage: { text: string | null; characters: ReadonlySet<string> } | undefined;

/**
 * The characters of the subset font the build ships, as index.html lists them: empty where the
 * page has no list (the tests' documents).
 */
export function subsetFontCharacters(doc: Document = document): ReadonlySet<string> {
  const text = doc.getElementById(CJK_COVERAGE_ELEMENT_ID)?.textContent ?? null;
  if (coverage?.text !== text) {
    let characters: ReadonlySet<string> = new Set();
    try {
      const list: unknown = text === null ? '' : JSON.parse(text);
      if (typeof list === 'string') characters = new Set(list);
    } catch {
      // A damaged list covers nothing: every Chinese character is then probed on the device.
    }
    coverage = { text, characters };
  }
  return coverage.characters;
}

const SIZE = 32;
/**
 * A noncharacter, which no font may map: what the device draws for it is what it draws for a
 * character none of its fonts has, the empty box.
 */
const NO_GLYPH = '\uffff';

type Probe = { context: CanvasRenderingContext2D | null; box: string | undefined };
let probe: Probe | undefined;
const answers = new Map<string, boolean | undefined>();

function pixels(context: CanvasRenderingContext2D, text: string): string {
  context.clearRect(0, 0, SIZE * 2, SIZE * 2);
  context.fillText(text, SIZE / 2, SIZE * 1.5);
  return context.getImageData(0, 0, SIZE * 2, SIZE * 2).data.join(',');
}

function startProbe(): Probe {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE * 2;
  canvas.height = SIZE * 2;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  // The page's font stack for Chinese: a character is drawn if any font of it, or of the device,
  // has it.
  const sample = document.createElement('span');
  sample.lang = 'zh-Hans';
  document.body.append(sample);
  const family = getComputedStyle(sample).fontFamily || 'sans-serif';
  sample.remove();
  if (context) context.font = `${SIZE}px ${family}`;
  return { context, box: context ? pixels(context, NO_GLYPH) : undefined };
}

/**
 * Whether the device draws `char` with a real glyph, told by drawing it on a canvas: a character
 * no font has is drawn as the same empty box as the noncharacter, pixel for pixel (its width alone
 * could match a real glyph's). Undefined where there is no canvas to draw on.
 */
export function deviceHasGlyph(char: string): boolean | undefined {
  if (answers.has(char)) return answers.get(char);
  probe ??= startProbe();
  const { context, box } = probe;
  const answer = context && box !== undefined ? pixels(context, char) !== box : undefined;
  answers.set(char, answer);
  return answer;
}

/** The characters of a Chinese term that would show as empty boxes on this device. */
export function missingGlyphs(term: string): string[] {
  return missingCjkCharacters(term, subsetFontCharacters(), deviceHasGlyph);
}

/** Forgets what was measured, for tests that give the page other fonts or another canvas. */
export function forgetGlyphProbes(): void {
  probe = undefined;
  coverage = undefined;
  answers.clear();
}
