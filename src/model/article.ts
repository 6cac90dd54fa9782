import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
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

/**
 * Parses the article's Markdown (YAML front matter, then headings and paragraphs) into plain-text
 * blocks. Emphasis and heading markup are dropped; the words are kept exactly. `given` metadata
 * (a bundle's title and source) wins over the front matter.
 */
export function parseArticle(markdown: string, given: Partial<ArticleMeta> = {}): Article {
  const tree: Root = fromMarkdown(markdown, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
  let rawMeta: unknown = {};
  const blocks: Block[] = [];
  let offset = 0;
  let sectionIndex = 0;
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      rawMeta = parseYaml(node.value) ?? {};
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
