import TurndownService from 'turndown';
import { markdownTooCostly } from './article.ts';

/**
 * Limits on HTML pasted from a web page. A copied article of 20,000 words is about a megabyte of
 * HTML with the page's inline styles, and a few thousand elements; a paste past these is taken as the browser's plain text,
 * so that converting it never holds up the page.
 */
export const PASTE_LIMITS = Object.freeze({
  /** Characters of HTML on the clipboard. */
  htmlChars: 2_000_000,
  /** Elements in the pasted HTML. */
  elements: 20_000,
  /** Elements inside elements: the converter recurses once for each. */
  depth: 256,
});

/** What a web page's HTML becomes: Markdown, or the reason to paste its plain text instead. */
export type PastedHtml =
  | { kind: 'markdown'; markdown: string }
  /** No heading, paragraph, list or quotation: a code editor's or a spreadsheet's HTML. */
  | { kind: 'plain' }
  | { kind: 'too-large'; reason: string };

/** Elements whose content is no part of the article's words. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'img',
  'picture',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);

const PROSE = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'BLOCKQUOTE']);

const block = (content: string) => `\n\n${content.trim()}\n\n`;

/** What stands between the cells of a table's row, once they are one paragraph. */
const CELL_APART = '; ';

/** The one converter, made when the first page is pasted. */
let service: TurndownService | null = null;

function converter(): TurndownService {
  if (service) return service;
  const made = new TurndownService({
    headingStyle: 'atx',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  // A rule added wins over the library's own (its image rule among them).
  made.addRule('dropped', {
    filter: (node) => DROPPED.has(node.nodeName.toLowerCase()),
    replacement: () => '',
  });
  // Text that reads as HTML or as an entity stays words, never a tag.
  const escape = made.escape.bind(made);
  made.escape = (text: string) => escape(text).replace(/[<&]/g, '\\$&');
  made.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const words = content.replace(/\s+/g, ' ').trim();
      return words ? block(`${'#'.repeat(Number(node.nodeName.charAt(1)))} ${words}`) : '';
    },
  });
  // The article keeps headings and paragraphs only: lists, quotations and code become paragraphs.
  made.addRule('list', { filter: ['ul', 'ol', 'dl'], replacement: block });
  made.addRule('listItem', { filter: ['li', 'dt', 'dd'], replacement: block });
  made.addRule('blockquote', { filter: 'blockquote', replacement: block });
  made.addRule('pre', {
    filter: 'pre',
    replacement: (_content, node) =>
      block(
        (node.textContent ?? '')
          .split('\n')
          .map((line) => made.escape(line.trim()))
          .filter(Boolean)
          .join('\n'),
      ),
  });
  // A table's row reads as one paragraph, its cells apart by semicolons, its caption as another.
  made.addRule('tableCell', {
    filter: ['td', 'th'],
    replacement: (content) => {
      const words = content.replace(/\s+/g, ' ').trim();
      return words ? `${words}${CELL_APART}` : '';
    },
  });
  made.addRule('tableRow', {
    filter: 'tr',
    replacement: (content) => {
      const row = content.trim().replace(/;$/, '');
      return row ? block(row) : '';
    },
  });
  made.addRule('tableCaption', { filter: 'caption', replacement: block });
  // A hard break would join the words on either side of it in the article's text.
  made.addRule('lineBreak', { filter: 'br', replacement: () => '\n' });
  made.addRule('horizontalRule', { filter: 'hr', replacement: () => '\n\n' });
  // Only an address that leads somewhere from anywhere is kept; the words always are.
  made.addRule('inlineLink', {
    filter: 'a',
    replacement: (content, node) => {
      const href = (node as HTMLElement).getAttribute('href') ?? '';
      if (!content.trim() || !/^https?:\/\//i.test(href)) return content;
      let address: string;
      try {
        address = new URL(href).href;
      } catch {
        return content;
      }
      return `[${content}](${address.replace(/[()]/g, '\\$&')})`;
    },
  });
  // Google Docs wraps the whole copy in a <b> that is not bold.
  made.addRule('notBold', {
    filter: (node) =>
      node.nodeName === 'B' && /font-weight:\s*normal/i.test(node.getAttribute('style') ?? ''),
    replacement: (content) => content,
  });
  service = made;
  return made;
}

/** Why the clipboard's HTML is too large to convert, in words, or null when it is not. */
export function pastedHtmlTooLarge(html: string): string | null {
  if (html.length <= PASTE_LIMITS.htmlChars) return null;
  return `its HTML has ${html.length.toLocaleString('en-US')} characters; at most ${PASTE_LIMITS.htmlChars.toLocaleString('en-US')} are converted`;
}

/** Walks the tree without recursing: its size and depth, stopping at the first limit passed. */
function shapeOf(root: Element): { tooLarge: string | null; prose: boolean } {
  let elements = 0;
  let prose = false;
  let depth = 0;
  let element: Element | null = root;
  while (element) {
    elements += 1;
    if (elements > PASTE_LIMITS.elements) {
      const most = PASTE_LIMITS.elements.toLocaleString('en-US');
      return { tooLarge: `it has more than ${most} elements`, prose };
    }
    if (PROSE.has(element.nodeName)) prose = true;
    const child: Element | null = element.firstElementChild;
    if (child) {
      depth += 1;
      if (depth > PASTE_LIMITS.depth) {
        return { tooLarge: `it nests elements more than ${PASTE_LIMITS.depth} deep`, prose };
      }
      element = child;
      continue;
    }
    while (element && element !== root && !element.nextElementSibling) {
      element = element.parentElement;
      depth -= 1;
    }
    element = element && element !== root ? element.nextElementSibling : null;
  }
  return { tooLarge: null, prose };
}

/**
 * The Markdown of a web page's HTML, already parsed (the browser's DOMParser, which runs no
 * script and loads nothing): headings as `#` headings, paragraphs, emphasis and links kept,
 * lists and quotations as paragraphs, a table's rows each as a paragraph of its cells; scripts, styles, frames, forms, images, comments and any
 * other markup dropped, so that the Markdown holds no tag.
 */
export function markdownOfHtml(body: HTMLElement): PastedHtml {
  const shape = shapeOf(body);
  if (shape.tooLarge) return { kind: 'too-large', reason: shape.tooLarge };
  if (!shape.prose) return { kind: 'plain' };
  const markdown = converter()
    .turndown(body)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (markdown === '') return { kind: 'plain' };
  const costly = markdownTooCostly(markdown);
  if (costly) return { kind: 'too-large', reason: costly };
  return { kind: 'markdown', markdown };
}
