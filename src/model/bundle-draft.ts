import { parse as parseYaml } from 'yaml';
import { parseArticle, type Article } from './article.ts';
import { BUNDLE_SCHEMA_VERSION, type Bundle } from './bundle-format.ts';
import type { Draft, DraftConcept, DraftMeta } from './draft.ts';
import type { Graph, Layout } from './schema.ts';
import type { DraftTour } from './tour-draft.ts';
import type { Tour } from './tours.ts';

/**
 * A map bundle made into a draft, the inverse of `draftBundle`: exporting the draft unchanged
 * gives back a bundle with the same article, concepts, passages, relations and tours. What the
 * draft cannot keep is listed in words (`lost`), so that it is said before anything is made.
 */
export type BundleDraft = { draft: Draft; lost: string[] };

/** Front matter as `micromark-extension-frontmatter` reads it: `---` lines at the very start. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** The keys of the front matter the draft writes again when it is exported. */
const KEPT_KEYS = new Set(['title', 'source', 'published', 'author']);

function frontMatterOf(markdown: string): { keys: Record<string, unknown>; body: string } {
  const found = FRONT_MATTER.exec(markdown);
  if (!found) return { keys: {}, body: markdown };
  let keys: Record<string, unknown> = {};
  try {
    const read: unknown = parseYaml(found[1] ?? '');
    if (read !== null && typeof read === 'object' && !Array.isArray(read)) {
      keys = read as Record<string, unknown>;
    }
  } catch {
    // A bundle that opened has front matter that reads; this only guards a hand-made one.
  }
  return { keys, body: markdown.slice(found[0].length) };
}

const said = (value: unknown) => (typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

/** The draft's steps need ids of their own, which the bundle does not carry. */
function draftTour(tour: Tour): DraftTour {
  return {
    id: tour.id,
    title: tour.title,
    description: tour.description,
    steps: tour.steps.map((step, index) => ({
      id: index === 0 ? 'step' : `step-${index + 1}`,
      title: step.title,
      text: step.text,
      concepts: [...step.concepts],
      notes: step.notes,
    })),
  };
}

/**
 * A new draft, `id` and `name`, holding everything the bundle holds: its article (the front
 * matter's author and date in the draft's fields), sections, concepts with their passages and
 * positions, relations, tours, byline and corrections.
 */
export function bundleToDraft(
  bundle: Bundle,
  { id, name }: { id: string; name: string },
): BundleDraft {
  const { article, graph } = bundle;
  const lost: string[] = [];
  const { keys, body } = frontMatterOf(article.markdown);
  const parsed = parseArticle(article.markdown, {
    title: article.title,
    ...(article.source ? { source: article.source } : {}),
  });

  const meta: DraftMeta = { title: article.title };
  if (typeof keys.author === 'string' && keys.author.trim()) meta.author = keys.author;
  const source = article.source ?? graph.meta.source?.url;
  if (source) meta.source = source;
  const published = parsed.meta.published ?? graph.meta.source?.published;
  if (published) meta.published = published;

  if (article.source && graph.meta.source && graph.meta.source.url !== article.source) {
    lost.push(
      `The map names its source as ${graph.meta.source.url} and its article as ${article.source}: the copy keeps ${article.source}.`,
    );
  }
  if (
    parsed.meta.published &&
    graph.meta.source &&
    graph.meta.source.published !== parsed.meta.published
  ) {
    lost.push(
      `The map says it was published on ${graph.meta.source.published} and its article on ${parsed.meta.published}: the copy keeps ${parsed.meta.published}.`,
    );
  }
  for (const [key, value] of Object.entries(keys)) {
    if (!KEPT_KEYS.has(key)) {
      lost.push(
        `The article's front matter says ${key}: ${said(value)}, which a draft does not keep.`,
      );
    } else if (key === 'title' && value !== article.title) {
      lost.push(
        `The article's front matter titles it ${said(value)}: the copy is titled “${article.title}”, as the map is.`,
      );
    } else if (key === 'source' && value !== source) {
      lost.push(
        `The article's front matter names its source as ${said(value)}: the copy keeps ${source ?? 'none'}.`,
      );
    } else if (key === 'author' && typeof value !== 'string') {
      lost.push(
        `The article's front matter names its author as ${said(value)}, which is not text: the copy names none.`,
      );
    }
  }

  const concepts: DraftConcept[] = graph.concepts.map((concept) => ({
    ...concept,
    passages: concept.passages.map((passage) => ({ ...passage })),
    ...(concept.aliases ? { aliases: [...concept.aliases] } : {}),
    ...(concept.formerIds ? { formerIds: [...concept.formerIds] } : {}),
    ...(concept.position ? { position: { ...concept.position } } : {}),
  }));
  const tours = bundle.tours?.tours.map(draftTour) ?? [];
  const draft: Draft = {
    version: 1,
    id,
    name,
    meta,
    markdown: body.trim(),
    sections: graph.sections.map((section) => ({ ...section })),
    concepts,
    relations: graph.relations.map((relation) => ({ ...relation })),
    ...(tours.length > 0 ? { tours } : {}),
    ...(graph.meta.title !== article.title ? { mapTitle: graph.meta.title } : {}),
    ...(graph.meta.byline ? { byline: { ...graph.meta.byline } } : {}),
    ...(graph.corrections ? { corrections: graph.corrections.map((c) => ({ ...c })) } : {}),
  };
  return { draft, lost };
}

/** The name of a copy of a map: "<title> (copy)", or "(copy 2)"… when that name is taken. */
export function copyName(title: string, taken: ReadonlySet<string>): string {
  const base = `${title.trim() || 'Untitled'} (copy)`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const name = `${title.trim() || 'Untitled'} (copy ${n})`;
    if (!taken.has(name)) return name;
  }
}

/** Characters that would make Markdown of a plain text, each escaped to stand for itself. */
const MARKDOWN_MARKS = /[\\`*_[\]<>&!#|~]/g;
/** What opens a list, a quotation or a heading at the start of a line. */
const LINE_START = /^(\d+)([.)])|^([-+=>])/;

function plainMarkdown(text: string): string {
  const escaped = text.replace(MARKDOWN_MARKS, (mark) => `\\${mark}`);
  return escaped.replace(LINE_START, (_, digits?: string, mark?: string, sign?: string) =>
    digits ? `${digits}\\${mark}` : `\\${sign}`,
  );
}

const HEADING_MARKS = { title: '# ', section: '## ', subheading: '### ', paragraph: '' } as const;

/**
 * The article's Markdown again from the article on screen (which keeps its headings and
 * paragraphs as plain text, as the reader shows them), with its author and date as front matter.
 * Null when that Markdown would not read back as the same text.
 */
export function articleMarkdown(article: Article): string | null {
  const front = (['author', 'published'] as const)
    .filter((key) => article.meta[key])
    .map((key) => `${key}: ${JSON.stringify(article.meta[key])}`);
  const body = article.blocks
    .map((block) => `${HEADING_MARKS[block.type]}${plainMarkdown(block.text)}`)
    .join('\n\n');
  const markdown = front.length > 0 ? `---\n${front.join('\n')}\n---\n\n${body}\n` : `${body}\n`;
  try {
    return parseArticle(markdown, { title: article.meta.title }).text === article.text
      ? markdown
      : null;
  } catch {
    return null;
  }
}

/**
 * A map's content as one bundle: the article as `markdown` (with the front matter of its file,
 * where it has one: its author and date travel with it, and `npm run unbundle` writes it back as
 * it was; the bundle's title and source repeat what it says), and every concept pinned where the
 * layout placed it, so that the bundle opens without laying out again.
 */
export function bundleFromContent(
  markdown: string,
  content: { article: Article; graph: Graph; layout: Layout; tours: readonly Tour[] },
): Bundle {
  const { article, graph, layout, tours } = content;
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    article: {
      title: article.meta.title,
      markdown,
      ...(article.meta.source ? { source: article.meta.source } : {}),
    },
    graph: {
      ...graph,
      concepts: graph.concepts.map((concept) => {
        const placed = concept.position ?? layout.concepts[concept.id];
        return placed ? { ...concept, position: { x: placed.x, y: placed.y } } : concept;
      }),
    },
    ...(tours.length > 0 ? { tours: { schemaVersion: 1, tours: [...tours] } } : {}),
  };
}

/**
 * The bundle of the map on screen, every concept placed where the map draws it (as
 * `npm run bundle` writes the built-in map). Null when its article cannot be written again.
 */
export function mapBundle(content: {
  article: Article;
  graph: Graph;
  layout: Layout;
  tours: readonly Tour[];
}): Bundle | null {
  const markdown = articleMarkdown(content.article);
  return markdown === null ? null : bundleFromContent(markdown, content);
}
