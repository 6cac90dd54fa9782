import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import {
  CJK_COVERAGE_ELEMENT_ID,
  CJK_FONT_FAMILY,
  CJK_UNICODE_RANGE,
  cjkCharacters,
} from '../../src/model/cjk.ts';
import { dataPath, readContent } from '../cli/content.ts';

const fontPackage = (file: string) =>
  createRequire(import.meta.url).resolve(`@expo-google-fonts/noto-sans-sc/${file}`);

/**
 * Noto Sans SC Regular (SIL Open Font License 1.1), as the npm package of the Google Fonts release
 * ships it: the whole font, 10 MB, from which the build keeps only the characters it needs.
 */
export const SOURCE_FONT = fontPackage('400Regular/NotoSansSC_400Regular.ttf');

/** The font's copyright and its licence, the SIL Open Font License 1.1, in full. */
export const FONT_LICENCE = fontPackage('LICENSE_FONT');

/** The name records kept besides the family names: the copyright, the licence and its address. */
const LICENCE_NAME_IDS = [0, 13, 14];

/** Every CJK character of data/: the graph's Chinese terms, and any the article or tours hold. */
export async function contentCjkCharacters(): Promise<string[]> {
  const content = await readContent();
  // Parsed and written again, so that a character the JSON spells as \uXXXX is found too.
  return cjkCharacters(
    [content.markdown, JSON.stringify(content.graph), JSON.stringify(content.tours)].join('\n'),
  );
}

/** The characters of `characters` that the source font cannot draw. */
export async function charactersMissingFromFont(
  characters: readonly string[],
  font: Uint8Array,
): Promise<string[]> {
  const { Blob, Face } = await import('harfbuzzjs');
  const has = new Set(new Face(new Blob(font)).collectUnicodes());
  return characters.filter((char) => !has.has(char.codePointAt(0) ?? -1));
}

/**
 * The source font cut down to `characters`: WOFF2 to ship, or SFNT for a test to read back. A
 * character the font lacks stops the build, since the map would show it as an empty box.
 */
export async function subsetCjkFont(
  characters: readonly string[],
  format: 'woff2' | 'sfnt' = 'woff2',
): Promise<Uint8Array> {
  const source = await readFile(SOURCE_FONT);
  const missing = await charactersMissingFromFont(characters, source);
  if (missing.length > 0) {
    throw new Error(`Noto Sans SC has no glyph for ${missing.join(' ')}: reword or drop them`);
  }
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(source, characters.join(''), {
    targetFormat: format,
    preserveNameIds: LICENCE_NAME_IDS,
  });
}

export function fontFaceCss(url: string): string {
  return [
    '@font-face {',
    `  font-family: '${CJK_FONT_FAMILY}';`,
    `  src: url('${url}') format('woff2');`,
    '  font-display: swap;',
    `  unicode-range: ${CJK_UNICODE_RANGE};`,
    '}',
  ].join('\n');
}

type BuiltFont = { characters: string[]; woff2: Uint8Array; fileName: string };

async function buildFont(): Promise<BuiltFont> {
  const characters = await contentCjkCharacters();
  const woff2 = await subsetCjkFont(characters);
  const hash = createHash('sha256').update(woff2).digest('hex').slice(0, 8);
  return { characters, woff2, fileName: `assets/concept-atlas-cjk-${hash}.woff2` };
}

/**
 * Ships the subset font and says which characters it has. The `@font-face` goes into index.html;
 * the font is a file beside the scripts (`inline: false`), or a data: URL inside the one file
 * (`inline: true`), and in dev, which serves no emitted file. The character list lets the page
 * tell a bundle's Chinese the font does not have (src/shared/cjk-glyphs.ts).
 */
export function cjkFont({ inline }: { inline: boolean }): Plugin {
  let font: Promise<BuiltFont> | undefined;
  const built = () => (font ??= buildFont());
  return {
    name: 'concept-atlas:cjk-font',
    async transformIndexHtml(_html, context) {
      const { characters, woff2, fileName } = await built();
      const url =
        inline || context.server
          ? `data:font/woff2;base64,${Buffer.from(woff2).toString('base64')}`
          : `./${fileName}`;
      const tags: HtmlTagDescriptor[] = [
        { tag: 'style', children: fontFaceCss(url), injectTo: 'head' },
        {
          tag: 'script',
          attrs: { type: 'application/json', id: CJK_COVERAGE_ELEMENT_ID },
          // `<` escaped, as for the built-in map: no text can close the element.
          children: JSON.stringify(characters.join('')).replace(/</g, '\\u003c'),
          injectTo: 'body',
        },
      ];
      return tags;
    },
    async generateBundle() {
      if (inline) return;
      const { woff2, fileName } = await built();
      this.emitFile({ type: 'asset', fileName, source: woff2 });
      // The licence travels with the font; inside the one file, the font's own name table says it.
      this.emitFile({
        type: 'asset',
        fileName: 'assets/concept-atlas-cjk-OFL.txt',
        source: await readFile(FONT_LICENCE, 'utf8'),
      });
    },
    configureServer(server) {
      // Edited content may hold new characters: cut the font again on the next page load.
      server.watcher.on('change', (file) => {
        if (file.startsWith(dataPath(''))) font = undefined;
      });
    },
  };
}
