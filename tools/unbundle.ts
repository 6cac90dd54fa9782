import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { parseDocument } from 'yaml';
import type { Anchors } from '../src/model/anchor.ts';
import { ArticleError, parseArticle } from '../src/model/article.ts';
import { loadAtlas } from '../src/model/atlas.ts';
import { bundleSchema } from '../src/model/bundle-schema.ts';
import { computeLayout } from '../src/model/layout.ts';
import type { Graph, Layout } from '../src/model/schema.ts';
import { checkTours, type Tour } from '../src/model/tours.ts';
import { parseUntrustedJson } from '../src/model/untrusted-json.ts';
import { checkGraph, parseBounded } from '../src/model/validate.ts';
import { layoutProblems } from './layout-check.ts';

/** The content files a bundle is written back to, by name, as the repository keeps them. */
export type ContentFiles = {
  'article.md': string;
  'graph.json': string;
  'tours.json': string;
  'layout.json': string;
};

export type Unbundled = { ok: true; files: ContentFiles } | { ok: false; problems: string[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** A front matter line as data/article.md writes them: a double-quoted string (JSON is YAML). */
const line = (key: string, value: string) => `${key}: ${JSON.stringify(value)}`;

/**
 * The article as data/article.md holds it: YAML front matter, then the Markdown. A bundle's
 * title and source win over its own front matter, as they do when the app opens it; front matter
 * that already says the same is kept byte for byte, with whatever else it holds (author, date).
 * Without front matter, one is made from the title, the source and the graph's date.
 */
function articleFile(
  article: { title: string; markdown: string; source?: string | undefined },
  published: string | undefined,
): string {
  const markdown = `${article.markdown.trimEnd()}\n`;
  const given = { title: article.title, ...(article.source ? { source: article.source } : {}) };
  const found = FRONT_MATTER.exec(markdown);
  if (!found) {
    const fields = { ...given, ...(published ? { published } : {}) };
    const head = Object.entries(fields).map(([key, value]) => line(key, value));
    return `---\n${head.join('\n')}\n---\n\n${markdown.trimStart()}`;
  }
  const document = parseDocument(found[1] ?? '');
  const stale = Object.entries(given).filter(([key, value]) => document.get(key) !== value);
  if (stale.length === 0) return markdown;
  for (const [key, value] of stale) {
    const node = document.createNode(value);
    node.type = 'QUOTE_DOUBLE';
    document.set(key, node);
  }
  return `---\n${document.toString().trimEnd()}\n---\n${markdown.slice(found[0].length)}`;
}

const samePlace = (a: { x: number; y: number }, b: { x: number; y: number } | undefined) =>
  b !== undefined && a.x === b.x && a.y === b.y;

/**
 * The graph as data/graph.json holds it. A bundle pins every concept where its map showed it;
 * a position the layout engine gives anyway is no pin and is left to data/layout.json, and only
 * the others (concepts a curator dragged) stay in the graph.
 */
function unpinned(graph: Graph, layout: Layout): Graph {
  return {
    ...graph,
    concepts: graph.concepts.map((concept) => {
      if (!concept.position || !samePlace(concept.position, layout.concepts[concept.id])) {
        return concept;
      }
      const rest = { ...concept };
      delete rest.position;
      return rest;
    }),
  };
}

/**
 * JSON laid out as the content files are written by hand, for Prettier to finish: every object
 * opened on lines of its own (Prettier keeps an object open where its text opens it), and every
 * list of plain values on one line (Prettier breaks it where it is too long).
 */
function handWritten(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    }
    return `[\n${value.map((item) => inner + handWritten(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${handWritten(item, inner)}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * The file's text as `npm run format` leaves it in data/: with the repository's Prettier settings
 * wherever the file goes, since a folder outside the repository has none.
 */
async function formatted(name: string, value: unknown): Promise<string> {
  const filepath = fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(handWritten(value), { ...options, filepath });
}

/** Problems inside a part of the bundle, with their place written from the bundle's root. */
const within = (part: string, problems: readonly string[]) =>
  problems.map((problem) =>
    problem.startsWith('(root)')
      ? `${part}${problem.slice('(root)'.length)}`
      : `${part}.${problem}`,
  );

type Checked =
  | {
      ok: true;
      /** The article as the file holds it: the checked values have their texts trimmed. */
      raw: { article: { title: string; markdown: string; source?: string } };
      graph: Graph;
      anchors: Anchors;
      tours: Tour[];
    }
  | { ok: false; problems: string[] };

/**
 * Checks a bundle by the model's rules, as the app checks one it opens (`checkContent` in the
 * bundle feature, which tools may not import): read within limits, the envelope, the article,
 * the graph against the article, the tours against the graph; places written from the root.
 */
function checkBundle(text: string): Checked {
  const json = parseUntrustedJson(text);
  if (!json.ok) return json;
  const envelope = parseBounded(bundleSchema, json.value);
  if (!envelope.ok) return envelope;
  const raw = json.value as Extract<Checked, { ok: true }>['raw'] & Record<string, unknown>;
  const { title, markdown, source } = envelope.data.article;
  let article;
  try {
    article = parseArticle(markdown, { title, ...(source ? { source } : {}) });
  } catch (error) {
    if (error instanceof ArticleError)
      return { ok: false, problems: [`article: ${error.message}`] };
    throw error;
  }
  const graph = checkGraph(raw.graph, article);
  if (!graph.ok) return { ok: false, problems: within('graph', graph.problems) };
  const tours = raw.tours === undefined ? undefined : checkTours(raw.tours, graph.graph);
  if (tours && !tours.ok) return { ok: false, problems: within('tours', tours.problems) };
  return {
    ok: true,
    raw,
    graph: graph.graph,
    anchors: graph.anchors,
    tours: tours?.tours.tours ?? [],
  };
}

/**
 * Turns a bundle's text back into data/'s four files, checked by the rules the app checks a bundle
 * by, then by `npm run validate`'s, so that what is written passes it. Nothing is written here.
 * The layout is computed by ELK as `npm run layout` computes it, whether or not the bundle places
 * its concepts.
 */
export async function unbundle(text: string): Promise<Unbundled> {
  const checked = checkBundle(text);
  if (!checked.ok) return checked;
  const { raw } = checked;
  // ELK places every concept, pinned or not, as `npm run layout` does.
  const layout = await computeLayout(checked.graph, checked.anchors);
  const graph = unpinned(checked.graph, layout);
  const tours = { schemaVersion: 1, tours: checked.tours };
  const files: ContentFiles = {
    'article.md': articleFile(raw.article, checked.graph.meta.source?.published),
    'graph.json': await formatted('graph.json', graph),
    'tours.json': await formatted('tours.json', tours),
    // As `npm run layout` writes it (the file is generated, and Prettier leaves it alone).
    'layout.json': `${JSON.stringify(layout, null, 1)}\n`,
  };

  const loaded = loadAtlas(
    files['article.md'],
    JSON.parse(files['graph.json']),
    JSON.parse(files['layout.json']),
    JSON.parse(files['tours.json']),
  );
  const problems = loaded.ok
    ? layoutProblems(loaded.atlas.graph, loaded.atlas.layout)
    : loaded.problems;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}

/** Writes the files into `folder`, creating it if need be. */
export async function writeContent(files: ContentFiles, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(folder, name), content);
  }
}

export type Console = { log: (line: string) => void; error: (line: string) => void };

const USAGE = 'Usage: npm run unbundle -- file.json [--out folder]';

/**
 * `npm run unbundle -- file.json [--out folder]`: writes the bundle back to data/ (or the folder),
 * or refuses it with every problem and writes nothing. Returns the exit code.
 */
export async function runUnbundle(
  args: readonly string[],
  defaultFolder: string,
  io: Console = console,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' } },
    });
  } catch (error) {
    io.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    io.error(USAGE);
    return 2;
  }
  const folder = resolve(parsed.values.out ?? defaultFolder);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    io.error(`${file} could not be read: is the name right?`);
    return 1;
  }
  const result = await unbundle(text);
  if (!result.ok) {
    io.error(
      `${file} cannot be written back to the content files, so nothing was written. ` +
        `${result.problems.length} problem(s):\n${result.problems.map((p) => `  ${p}`).join('\n')}`,
    );
    return 1;
  }
  await writeContent(result.files, folder);
  io.log(`${file}: wrote ${Object.keys(result.files).join(', ')} to ${folder}`);
  return 0;
}
