import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/model/article';
import { loadAtlas } from '../../src/model/atlas';
import type { Bundle } from '../../src/model/bundle-format';
import { computeLayout } from '../../src/model/layout';
import { checkGraph } from '../../src/model/validate';
import { layoutProblems } from '../../tools/layout-check';
import { runUnbundle, type Console } from '../../tools/unbundle';
import { copy, realBundle, smallBundle } from '../fixtures/bundle-fixture';

const NAMES = ['article.md', 'graph.json', 'tours.json', 'layout.json'] as const;

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'unbundle-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** What the command printed, and its exit code. */
async function unbundle(bundle: Bundle | string, out = join(folder, 'out')) {
  const file = join(folder, 'bundle.json');
  // As `npm run bundle` writes a bundle.
  await writeFile(
    file,
    typeof bundle === 'string' ? bundle : `${JSON.stringify(bundle, null, 1)}\n`,
  );
  const printed: string[] = [];
  const io: Console = { log: (line) => printed.push(line), error: (line) => printed.push(line) };
  const code = await runUnbundle([file, '--out', out], 'data', io);
  return { code, printed: printed.join('\n'), out };
}

/** The small fixture map as a bundle, with the tour that data/ needs at least one of. */
async function smallMap(): Promise<Bundle> {
  const bundle = copy(await smallBundle());
  const [first, second] = bundle.graph.concepts.map((concept) => concept.id);
  const step = (title: string, id: string | undefined) => ({
    title,
    text: `A look at ${id}.`,
    concepts: [id ?? ''],
    notes: 'What does it say?',
  });
  bundle.tours = {
    schemaVersion: 1,
    tours: [
      {
        id: 'walk',
        title: 'A walk',
        description: 'Two steps through the map.',
        steps: [step('First', first), step('Second', second)],
      },
    ],
  };
  return bundle;
}

const readAll = async (at: string) =>
  Object.fromEntries(
    await Promise.all(NAMES.map(async (name) => [name, await readFile(join(at, name), 'utf8')])),
  ) as Record<(typeof NAMES)[number], string>;

/** What `npm run validate` checks, on the files of a folder. */
async function validate(at: string): Promise<string[]> {
  const files = await readAll(at);
  const loaded = loadAtlas(
    files['article.md'],
    JSON.parse(files['graph.json']),
    JSON.parse(files['layout.json']),
    JSON.parse(files['tours.json']),
  );
  return loaded.ok ? layoutProblems(loaded.atlas.graph, loaded.atlas.layout) : loaded.problems;
}

describe('npm run unbundle', () => {
  it('writes the built-in content back byte for byte', async () => {
    const { code, out } = await unbundle(realBundle());
    expect(code).toBe(0);
    const written = await readAll(out);
    const original = await readAll('data');
    for (const name of NAMES) expect(written[name], name).toBe(original[name]);
  }, 60_000);

  it('refuses an invalid bundle with its problems in words, and writes nothing', async () => {
    const bundle = await smallMap();
    bundle.graph.concepts[0]!.passages = [{ exact: 'words the article never had' }];
    const { code, printed, out } = await unbundle(bundle);
    expect(code).toBe(1);
    expect(printed).toMatch(
      /cannot be written back to the content files, so nothing was written. 1 problem\(s\):\n {2}graph\.concepts\[0\] \(\w+\)\.passages\[0\]: quote not found in the article: "words the article never had"$/,
    );
    expect(existsSync(out)).toBe(false);

    const untitled = await smallMap();
    untitled.graph.concepts[1]!.label = ' ';
    expect((await unbundle(untitled)).printed).toMatch(
      /graph\.concepts\[1\].*label: must not be empty/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a bundle without tours, since data/ holds at least one', async () => {
    const { code, printed, out } = await unbundle(await smallBundle());
    expect(code).toBe(1);
    expect(printed).toMatch(/tours: there must be at least one tour/);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing folder as it was when it refuses', async () => {
    await writeFile(join(folder, 'graph.json'), 'kept');
    const { code, printed } = await unbundle('{ "schemaVersion": 1, ', folder);
    expect(code).toBe(1);
    expect(printed).toMatch(/\(file\): not valid JSON/);
    expect(await readdir(folder)).toEqual(['bundle.json', 'graph.json']);
    expect(await readFile(join(folder, 'graph.json'), 'utf8')).toBe('kept');
  });

  it('lays out a bundle without positions with ELK, as npm run layout does', async () => {
    const bundle = await smallMap();
    for (const concept of bundle.graph.concepts) delete concept.position;
    const { code, out } = await unbundle(bundle);
    expect(code).toBe(0);
    const written = await readAll(out);
    const checked = checkGraph(bundle.graph, parseArticle(bundle.article.markdown));
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const layout = await computeLayout(checked.graph, checked.anchors);
    expect(written['layout.json']).toBe(`${JSON.stringify(layout, null, 1)}\n`);
    expect(written['graph.json']).not.toContain('"position"');
    expect(await validate(out)).toEqual([]);
  });

  it('keeps as a pin only a position the layout would not give', async () => {
    const bundle = await smallMap();
    const [dragged, ...others] = bundle.graph.concepts;
    dragged!.position = { x: -500, y: 1234.5 };
    const { code, out } = await unbundle(bundle);
    expect(code).toBe(0);
    const graph = JSON.parse((await readAll(out))['graph.json']) as Bundle['graph'];
    expect(graph.concepts[0]?.position).toEqual({ x: -500, y: 1234.5 });
    expect(others.length).toBeGreaterThan(0);
    expect(graph.concepts.slice(1).filter((concept) => concept.position)).toEqual([]);
    expect(await validate(out)).toEqual([]);
  });

  it('gives an article without front matter one, and the bundle title wins over its own', async () => {
    const bundle = await smallMap();
    bundle.article.markdown = bundle.article.markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '');
    const bare = await unbundle(bundle);
    expect(bare.code).toBe(0);
    expect((await readAll(bare.out))['article.md']).toMatch(
      /^---\ntitle: "A small argument"\nsource: "https:\/\/example.org\/argument"\npublished: "2026-01-02"\n---\n\n# A small argument\n/,
    );

    const renamed = await smallMap();
    renamed.article.title = 'A "renamed" argument';
    const again = await unbundle(renamed, join(folder, 'renamed'));
    expect(again.code).toBe(0);
    const article = (await readAll(again.out))['article.md'];
    expect(article).toMatch(/^---\ntitle: "A \\"renamed\\" argument"\n/);
    expect(parseArticle(article).meta).toMatchObject({
      title: 'A "renamed" argument',
      published: '2026-01-02',
    });
    expect(await validate(again.out)).toEqual([]);
  });

  it('says how it is used when the file is missing', async () => {
    const printed: string[] = [];
    const io: Console = { log: (line) => printed.push(line), error: (line) => printed.push(line) };
    expect(await runUnbundle([], 'data', io)).toBe(2);
    expect(await runUnbundle([join(folder, 'none.json')], folder, io)).toBe(1);
    expect(printed.join('\n')).toMatch(
      /Usage: npm run unbundle -- file\.json \[--out folder\][\s\S]*could not be read/,
    );
  });
});
