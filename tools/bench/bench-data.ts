/** The files `npm run bench` serves and weighs: generated bundles, and the built pages' bytes. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_SCHEMA_VERSION, type Bundle } from '../../src/model/bundle-format.ts';
import { NODE_WIDTH, nodeHeight } from '../../src/model/geometry.ts';
import type { Graph, Layout } from '../../src/model/schema.ts';
import { makeSyntheticBundle } from '../synthetic-bundle.ts';
import type { Tours } from '../../src/model/tours.ts';
import { readContent } from '../cli/content.ts';

export const BENCH_DATA_DIR = 'dist/bench/data';

const gzipSize = (content: string | Buffer) => gzipSync(content).length;

/** What the bench needs to know of a bundle it wrote: its size, and how to tell it is on screen. */
export type WrittenBundle = {
  count: number;
  /** The first and the last concept: both on the map means this bundle is drawn, not another. */
  ids: string[];
  gzip: number;
  /**
   * The centre of each concept's box, in map coordinates: where to click a concept that a large
   * map draws on its overview canvas, without an element.
   */
  points: ConceptPoint[];
};

export type ConceptPoint = { id: string; x: number; y: number };

/** Writes the bundle as `dist/bench/data/<name>.json`, served from the app's origin. */
async function writeBundle(name: string, bundle: Bundle): Promise<WrittenBundle> {
  await mkdir(BENCH_DATA_DIR, { recursive: true });
  const json = JSON.stringify(bundle);
  await writeFile(join(BENCH_DATA_DIR, `${name}.json`), json);
  const { concepts } = bundle.graph;
  return {
    count: concepts.length,
    ids: [concepts[0]?.id, concepts.at(-1)?.id].filter((id) => id !== undefined),
    gzip: gzipSize(json),
    points: concepts.flatMap((c) =>
      c.position
        ? [
            {
              id: c.id,
              x: c.position.x + NODE_WIDTH / 2,
              y: c.position.y + nodeHeight(c.label) / 2,
            },
          ]
        : [],
    ),
  };
}

/** A synthetic bundle of `count` concepts, laid out on a grid. */
export const writeSyntheticBundle = (count: number) =>
  writeBundle(String(count), makeSyntheticBundle(count));

/**
 * The built-in content as a bundle, each concept at the place the app draws it (data/layout.json),
 * so that the bare page draws the same map as the app's first screen.
 */
export async function writeBuiltInBundle(): Promise<WrittenBundle> {
  const content = await readContent();
  const graph = content.graph as Graph;
  const layout = content.layout as Layout;
  const bundle: Bundle = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    article: { title: graph.meta.title, markdown: content.markdown },
    graph: {
      ...graph,
      concepts: graph.concepts.map((c) => ({
        ...c,
        ...((c.position ?? layout.concepts[c.id])
          ? { position: c.position ?? layout.concepts[c.id] }
          : {}),
      })),
    },
    tours: content.tours as Tours,
  };
  return writeBundle('builtin', bundle);
}

export type PageBytes = {
  /** What index.html loads before the first paint: its module script, preloads and stylesheets. */
  initialGzip: number;
  /** Every JS and CSS file next to those, lazy chunks included. */
  allGzip: number;
  htmlGzip: number;
};

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
}

/** Weighs a built page (gzip, in bytes) from its index.html. */
export async function pageBytes(htmlPath: string): Promise<PageBytes> {
  const html = await readFile(htmlPath, 'utf8');
  const initial = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase();
    const src = tag.toLowerCase().startsWith('<script')
      ? attribute(tag, 'type') === 'module'
        ? attribute(tag, 'src')
        : undefined
      : rel === 'modulepreload' || rel === 'stylesheet'
        ? attribute(tag, 'href')
        : undefined;
    if (src && !/^[a-z]+:/i.test(src)) initial.add(join(dirname(htmlPath), src));
  }
  let initialGzip = 0;
  const folders = new Set<string>();
  for (const file of initial) {
    initialGzip += gzipSize(await readFile(file));
    folders.add(dirname(file));
  }
  let allGzip = 0;
  for (const folder of folders) {
    for (const name of await readdir(folder)) {
      if (/\.(js|css)$/.test(name)) allGzip += gzipSize(await readFile(join(folder, name)));
    }
  }
  return { initialGzip, allGzip, htmlGzip: gzipSize(html) };
}
