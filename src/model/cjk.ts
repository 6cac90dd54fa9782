/**
 * The font the build makes for the Chinese of the built-in map (tools/build/cjk-font.ts): a subset
 * of Noto Sans SC with exactly the characters of data/, placed last in the font stacks, so that a
 * device without Chinese fonts still draws them and a device with its own fonts keeps them.
 */
export const CJK_FONT_FAMILY = 'Concept Atlas CJK';

/** The element of index.html that lists the characters the subset font has, as a JSON string. */
export const CJK_COVERAGE_ELEMENT_ID = 'cjk-font-coverage';

/**
 * The blocks of Chinese characters and their punctuation. They are the font's `unicode-range`, so
 * that the font is never asked for Latin text and is loaded only by a page that shows Chinese.
 */
const CJK_BLOCKS: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2fdf], // CJK radicals, Kangxi radicals
  [0x3000, 0x303f], // CJK symbols and punctuation (、。「」)
  [0x31c0, 0x31ef], // CJK strokes
  [0x3400, 0x4dbf], // extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xf900, 0xfaff], // compatibility ideographs
  [0xfe30, 0xfe4f], // compatibility forms
  [0xff00, 0xffef], // half-width and full-width forms (，：｜)
  [0x20000, 0x3ffff], // extensions B and after
];

const hex = (codePoint: number) => codePoint.toString(16).toUpperCase();

export const CJK_UNICODE_RANGE = CJK_BLOCKS.map(([from, to]) => `U+${hex(from)}-${hex(to)}`).join(
  ', ',
);

export function isCjk(char: string): boolean {
  const codePoint = char.codePointAt(0);
  if (codePoint === undefined) return false;
  return CJK_BLOCKS.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The distinct CJK characters of a text, in code point order. */
export function cjkCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) if (isCjk(char)) found.add(char);
  return [...found].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

/**
 * The CJK characters of `term` that nothing on the device can draw: those the subset font does not
 * have (`covered`) and for which `hasGlyph` finds no font either. `hasGlyph` answers undefined when
 * it cannot tell, and a character it cannot judge is not called missing.
 */
export function missingCjkCharacters(
  term: string,
  covered: ReadonlySet<string>,
  hasGlyph: (char: string) => boolean | undefined,
): string[] {
  return cjkCharacters(term).filter((char) => !covered.has(char) && hasGlyph(char) === false);
}
