import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { faultInWords, yamlFaultInWords } from './failure.ts';
import { normaliseWhitespace } from './text.ts';

export const articleMetaSchema = z.object({
  title: z.string().min(1),
  source: z.url({ protocol: /^https?$/ }).optional(),
  published: z.string().optional(),
  author: z.string().optional(),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export type BlockType = 'title' | 'section' | 'subheading' | 'paragraph';

/** One heading or paragraph of the article as plain text, with its place in `Article.text`. */
export type Block = {
  id: string;
  type: BlockType;
  text: string;
  start: number;
  end: number;
  /** 0 is the introduction; n is the n-th level-2 section. */
  sectionIndex: number;
};

export type Article = {
  meta: ArticleMeta;
  blocks: Block[];
  /** Every block's plain text joined by blank lines: the text that passages are anchored in. */
  text: string;
  /** How many sections the article has, the introduction included. */
  sectionCount: number;
};

export const BLOCK_SEPARATOR = '\n\n';

export { normaliseWhitespace };

function blockType(node: RootContent): BlockType | undefined {
  if (node.type === 'paragraph') return 'paragraph';
  if (node.type !== 'heading') return undefined;
  if (node.depth === 1) return 'title';
  return node.depth === 2 ? 'section' : 'subheading';
}

/** The Markdown block's text content; raw HTML stays literal text and is never interpreted. */
function plainText(node: RootContent): string {
  return normaliseWhitespace(toString(node, { includeHtml: true }));
}

export class ArticleError extends Error {}

/** The front matter's fields; a fault in it (bad YAML, an alias bomb, deep nesting) is said in words. */
function readFrontMatter(value: string): unknown {
  let parsed: unknown;
  try {
    parsed = parseYaml(value, { maxAliasCount: 100 });
  } catch (error) {
    throw new ArticleError(
      `The article's front matter (the lines between "---" at its start) could not be read: ${yamlFaultInWords(error)}`,
    );
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
}

/**
 * Limits on Markdown shapes whose parsing cost grows with the square of their size. No article
 * comes near them (a paragraph with a thousand emphasis marks is not prose), and a file built to
 * hang the checker is refused by one linear scan instead of minutes of parsing.
 */
export const MARKDOWN_LIMITS = Object.freeze({
  /** Runs of `*` or `_` in one paragraph. */
  emphasisRuns: 1_000,
  /** Runs of backticks in one paragraph, and how many different lengths they have. */
  backtickRuns: 1_000,
  backtickLengths: 64,
  /** Quotation marks `>` that open one line: quotations inside quotations. */
  quoteDepth: 32,
  /** Link reference definitions (`[name]: address`) in the whole article. */
  definitions: 2_000,
  /**
   * Runs of the marks that inline parsing weighs (`*`, `_`, backticks, brackets, parentheses, `<`,
   * `&`, `!`) in the whole article. Each costs tens of microseconds to parse, so this bounds the
   * article's parse to a few seconds (the built-in article of 31,000 characters has 4), and the
   * verdict on a file does not depend on how fast the machine is.
   */
  marks: 100_000,
});

const MARKS = new Set(['*', '_', '`', '[', ']', '(', ')', '<', '&', '!']);

const BLANK_LINE = /\n[ \t]*\n/;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/gm;

/** Why the article's Markdown is too costly to read, in words, or null when it is not. */
export function markdownTooCostly(markdown: string): string | null {
  const definitions = markdown.match(DEFINITION)?.length ?? 0;
  if (definitions > MARKDOWN_LIMITS.definitions) {
    return `it defines ${definitions.toLocaleString('en-US')} link references (“[name]: address”); at most ${MARKDOWN_LIMITS.definitions.toLocaleString('en-US')} can be read`;
  }
  let paragraph = 0;
  let marks = 0;
  for (const block of markdown.split(BLANK_LINE)) {
    paragraph += 1;
    let emphasis = 0;
    let backticks = 0;
    const lengths = new Set<number>();
    let lineStart = true;
    let depth = 0;
    for (let i = 0; i < block.length; i += 1) {
      const char = block[i];
      if (char === '\n') {
        lineStart = true;
        depth = 0;
        continue;
      }
      if (lineStart) {
        if (char === '>') {
          depth += 1;
          if (depth > MARKDOWN_LIMITS.quoteDepth) {
            return `paragraph ${paragraph} nests quotations (“>”) more than ${MARKDOWN_LIMITS.quoteDepth} deep`;
          }
          continue;
        }
        if (char !== ' ' && char !== '\t') lineStart = false;
      }
      if (!MARKS.has(char!)) continue;
      let end = i + 1;
      while (block[end] === char) end += 1;
      marks += 1;
      if (char === '`') {
        backticks += 1;
        lengths.add(end - i);
      } else if (char === '*' || char === '_') emphasis += 1;
      i = end - 1;
    }
    if (emphasis > MARKDOWN_LIMITS.emphasisRuns) {
      return `paragraph ${paragraph} has ${emphasis.toLocaleString('en-US')} runs of emphasis marks (* or _); at most ${MARKDOWN_LIMITS.emphasisRuns.toLocaleString('en-US')} can be read`;
    }
    if (
      backticks > MARKDOWN_LIMITS.backtickRuns ||
      lengths.size > MARKDOWN_LIMITS.backtickLengths
    ) {
      return `paragraph ${paragraph} has ${backticks.toLocaleString('en-US')} runs of backticks (\`) of ${lengths.size} different lengths; at most ${MARKDOWN_LIMITS.backtickRuns.toLocaleString('en-US')} runs of ${MARKDOWN_LIMITS.backtickLengths} lengths can be read`;
    }
  }
  if (marks > MARKDOWN_LIMITS.marks) {
    return `it has ${marks.toLocaleString('en-US')} runs of formatting marks (* _ \` [ ] ( ) < & !) in all; at most ${MARKDOWN_LIMITS.marks.toLocaleString('en-US')} can be read`;
  }
  return null;
}

/**
 * Parses the article's Markdown (YAML front matter, then headings and paragraphs) into plain-text
 * blocks. Emphasis and heading markup are dropped; the words are kept exactly. `given` metadata
 * (a bundle's title and source) wins over the front matter.
 */
export function parseArticle(markdown: string, given: Partial<ArticleMeta> = {}): Article {
  const costly = markdownTooCostly(markdown);
  if (costly) throw new ArticleError(`The article's Markdown is too costly to read: ${costly}`);
  let tree: Root;
  try {
    tree = fromMarkdown(markdown, {
      extensions: [frontmatter(['yaml'])],
      mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
    });
  } catch (error) {
    throw new ArticleError(`The article's Markdown could not be read: ${faultInWords(error)}`);
  }
  let rawMeta: unknown = {};
  const blocks: Block[] = [];
  let offset = 0;
  let sectionIndex = 0;
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      rawMeta = readFrontMatter(node.value);
      continue;
    }
    const type = blockType(node);
    if (!type) continue;
    const text = plainText(node);
    if (!text) continue;
    if (type === 'section') sectionIndex += 1;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    blocks.push({
      id: `b${blocks.length}`,
      type,
      text,
      start: offset,
      end: offset + text.length,
      sectionIndex,
    });
    offset += text.length;
  }
  const titleBlock = blocks.find((block) => block.type === 'title');
  const meta = articleMetaSchema.safeParse({
    ...(titleBlock ? { title: titleBlock.text } : {}),
    ...(rawMeta as object),
    ...given,
  });
  if (!meta.success) {
    const reasons = meta.error.issues.map(
      (i) => `${i.path.join('.') || 'front matter'}: ${i.message}`,
    );
    throw new ArticleError(`The article's front matter is invalid: ${reasons.join('; ')}`);
  }
  return {
    meta: meta.data,
    blocks,
    text: blocks.map((block) => block.text).join(BLOCK_SEPARATOR),
    sectionCount: sectionIndex + 1,
  };
}
