import { Blob, Face } from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CJK_FONT_FAMILY, CJK_UNICODE_RANGE } from '../../src/model/cjk';
import {
  charactersMissingFromFont,
  contentCjkCharacters,
  fontFaceCss,
  SOURCE_FONT,
  subsetCjkFont,
} from '../../tools/build/cjk-font';

const graph = JSON.parse(
  readFileSync(new URL('../../data/graph.json', import.meta.url), 'utf8'),
) as {
  concepts: { id: string; zh?: string }[];
};
/** Every Han character of the graph's Chinese terms, found here independently of the build. */
const termCharacters = [
  ...new Set(
    graph.concepts.flatMap((concept) =>
      [...(concept.zh ?? '')].filter((c) => /\p{Script=Han}/u.test(c)),
    ),
  ),
];

const unicodes = (font: Uint8Array) =>
  new Set(
    [...new Face(new Blob(font)).collectUnicodes()].map((code) => String.fromCodePoint(code)),
  );

describe('the Chinese subset font', () => {
  let characters: string[];
  let sfnt: Uint8Array;
  let woff2: Uint8Array;
  beforeAll(async () => {
    characters = await contentCjkCharacters();
    [sfnt, woff2] = await Promise.all([
      subsetCjkFont(characters, 'sfnt'),
      subsetCjkFont(characters, 'woff2'),
    ]);
  });

  it('is cut to every Chinese character of the built-in map', () => {
    expect(termCharacters.length).toBeGreaterThan(50);
    expect(termCharacters.filter((char) => !characters.includes(char))).toEqual([]);
    expect(characters).toContain('、');
  });

  it('draws every one of them, and nothing the map does not use', () => {
    const has = unicodes(sfnt);
    expect(characters.filter((char) => !has.has(char))).toEqual([]);
    // Only the map's characters, and what a font always maps (space, the no-break space).
    const extra = [...has].filter((char) => !characters.includes(char) && /\S/.test(char));
    expect(extra).toEqual([]);
  });

  it('ships as WOFF2 of a few tens of kilobytes, not the 10 MB of the whole font', () => {
    expect(new TextDecoder().decode(woff2.slice(0, 4))).toBe('wOF2');
    expect(woff2.byteLength).toBeLessThan(32 * 1024);
    expect(readFileSync(SOURCE_FONT).byteLength).toBeGreaterThan(5_000_000);
  });

  it('keeps the font’s copyright and its licence, the SIL Open Font License', () => {
    const face = new Face(new Blob(sfnt));
    const name = (id: number) =>
      face.listNames().some((entry) => entry.nameId === id) ? face.getName(id, 'en') : '';
    expect(name(0)).toMatch(/\(c\) 2014-2021 Adobe/);
    expect(name(13)).toMatch(/SIL Open Font License/);
    expect(name(1)).toMatch(/Noto Sans SC/);
  });

  it('stops the build on a character the font cannot draw', async () => {
    // U+30000, in extension G, which Noto Sans SC does not cover.
    const source = readFileSync(SOURCE_FONT);
    expect(await charactersMissingFromFont(['中', '\u{30000}'], source)).toEqual(['\u{30000}']);
    await expect(subsetCjkFont(['中', '\u{30000}'])).rejects.toThrow(/no glyph for \u{30000}/u);
  });
});

describe('its @font-face', () => {
  it('swaps in once loaded and is asked for CJK characters only', () => {
    const css = fontFaceCss('./assets/font.woff2');
    expect(css).toContain(`font-family: '${CJK_FONT_FAMILY}';`);
    expect(css).toContain("src: url('./assets/font.woff2') format('woff2');");
    expect(css).toContain('font-display: swap;');
    expect(css).toContain(`unicode-range: ${CJK_UNICODE_RANGE};`);
  });
});
