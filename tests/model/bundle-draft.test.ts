import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/features/bundle/check-bundle';
import { loadAtlas } from '../../src/model/atlas';
import { parseArticle } from '../../src/model/article';
import type { Bundle } from '../../src/model/bundle-format';
import { draftAtlas, draftBundle, draftSchema } from '../../src/model/draft';
import {
  articleMarkdown,
  bundleFromContent,
  bundleToDraft,
  copyName,
  mapBundle,
} from '../../src/model/bundle-draft';

const markdown = readFileSync('data/article.md', 'utf8');
const loaded = loadAtlas(
  markdown,
  JSON.parse(readFileSync('data/graph.json', 'utf8')),
  JSON.parse(readFileSync('data/layout.json', 'utf8')),
  JSON.parse(readFileSync('data/tours.json', 'utf8')),
);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const { atlas } = loaded;

/** The bundle's map as "Open map…" opens it, or its problems thrown. */
function opened(bundle: Bundle) {
  const checked = checkContent(JSON.stringify(bundle));
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return checked;
}

/** What a map holds that the round trip must keep: concepts, quoted words, relations, tours. */
function held(bundle: Bundle) {
  const { graph, tours } = opened(bundle);
  return {
    concepts: graph.concepts,
    relations: graph.relations,
    sections: graph.sections,
    title: graph.meta.title,
    byline: graph.meta.byline,
    corrections: graph.corrections,
    tours,
  };
}

describe('a bundle made into a draft', () => {
  it('keeps every concept, passage, relation and tour of the built-in map', () => {
    const bundle = bundleFromContent(markdown, atlas);
    const { draft, lost } = bundleToDraft(bundle, { id: 'd1', name: 'Copy' });
    expect(lost).toEqual([]);
    expect(draftSchema.safeParse(draft).success).toBe(true);
    expect(draft.meta).toEqual({
      title: atlas.article.meta.title,
      author: atlas.article.meta.author,
      source: atlas.article.meta.source,
      published: atlas.article.meta.published,
    });
    const again = draftBundle(draft);
    expect(held(again)).toEqual(held(bundle));
    expect(opened(again).article.text).toBe(atlas.article.text);
    expect(again.graph.concepts.some((c) => c.passages.some((p) => p.speaker))).toBe(true);
    expect(again.graph.meta.source).toEqual(bundle.graph.meta.source);
    // The draft draws every concept where the bundle placed it, each passage anchored.
    const shown = draftAtlas(draft);
    for (const concept of bundle.graph.concepts) {
      expect(shown.anchors.get(concept.id)).toHaveLength(concept.passages.length);
    }
  });

  it('keeps the built-in map from the screen, its article written again from its text', () => {
    const bundle = mapBundle(atlas);
    if (!bundle) throw new Error('the article could not be written again');
    const started = performance.now();
    const { draft, lost } = bundleToDraft(bundle, { id: 'd1', name: 'Copy' });
    const again = draftBundle(draft);
    const took = performance.now() - started;
    expect(lost).toEqual([]);
    expect(opened(again).article.text).toBe(atlas.article.text);
    expect(opened(again).article.meta).toEqual(atlas.article.meta);
    expect(held(again)).toEqual(held(bundleFromContent(markdown, atlas)));
    expect(took).toBeLessThan(5000);
  });

  it('writes plain text that looks like Markdown so that it reads back as the same words', () => {
    const article = parseArticle(
      String.raw`1\. Not a list, \*nor\* \_emphasis\_, \[a link\](x) \<b> \& \\ \# | ~ \`code\``,
      { title: 'Marks' },
    );
    expect(article.text).toBe('1. Not a list, *nor* _emphasis_, [a link](x) <b> & \\ # | ~ `code`');
    const written = articleMarkdown(article);
    if (written === null) throw new Error('not written');
    expect(parseArticle(written, { title: 'Marks' }).text).toBe(article.text);
  });
});

/** A small bundle: a passage whose words repeat, told apart by its prefix; a pinned concept. */
const small = (overrides: Partial<Bundle['article']> = {}, graph: Partial<Bundle['graph']> = {}) =>
  ({
    schemaVersion: 1,
    article: {
      title: 'Rivers',
      markdown:
        '---\nauthor: "Ann"\npublished: "2024-05-01"\n---\n\nRivers carry water.\n\n## Trade\n\nBoats carry goods. Carts carry goods too.\n',
      ...overrides,
    },
    graph: {
      schemaVersion: 1,
      meta: { title: 'Rivers' },
      sections: [
        { id: 'introduction', title: 'Introduction', order: 0 },
        { id: 'trade', title: 'Trade', order: 1 },
      ],
      concepts: [
        {
          id: 'carts',
          label: 'Carts',
          kind: 'example',
          section: 'trade',
          summary: 'Carts move goods on land.',
          passages: [{ exact: 'carry goods', prefix: 'Carts' }],
          position: { x: 120, y: -40 },
        },
        {
          id: 'rivers',
          label: 'Rivers',
          kind: 'idea',
          section: 'introduction',
          summary: 'Water moves.',
          passages: [{ exact: 'Rivers carry water.' }],
        },
      ],
      relations: [
        {
          id: 'r-carts-rivers',
          source: 'carts',
          target: 'rivers',
          label: 'contrasts with',
          kind: 'contrasts-with',
        },
      ],
      ...graph,
    },
    tours: {
      schemaVersion: 1,
      tours: [
        {
          id: 'ways',
          title: 'Two ways',
          description: 'Water and land.',
          steps: [
            { title: 'Water', text: 'Rivers.', concepts: ['rivers'], notes: 'Ask why.' },
            { title: 'Land', text: 'Carts.', concepts: ['carts', 'rivers'], notes: 'Compare.' },
          ],
        },
      ],
    },
  }) satisfies Bundle;

describe('a small bundle made into a draft', () => {
  it('round-trips a repeated passage with its prefix and a pinned concept', () => {
    const bundle = small();
    const { draft, lost } = bundleToDraft(bundle, { id: 'd2', name: 'Rivers (copy)' });
    expect(lost).toEqual([]);
    expect(draft.meta).toEqual({ title: 'Rivers', author: 'Ann', published: '2024-05-01' });
    expect(draft.markdown.startsWith('Rivers carry water.')).toBe(true);
    expect(draft.concepts[0]?.position).toEqual({ x: 120, y: -40 });
    expect(draft.tours?.[0]?.steps.map((step) => step.id)).toEqual(['step', 'step-2']);
    const again = draftBundle(draft);
    expect(again.graph.concepts[0]?.passages).toEqual([{ exact: 'carry goods', prefix: 'Carts' }]);
    expect(held(again)).toEqual(held(bundle));
    const carts = opened(again).anchors.get('carts')?.[0];
    expect(opened(again).article.text.slice(carts?.start, carts?.end)).toBe('carry goods');
    expect(opened(again).article.text.slice((carts?.start ?? 0) - 6, carts?.start)).toBe('Carts ');
    expect(opened(again).article.meta).toEqual(opened(bundle).article.meta);
  });

  it('says in words what the draft cannot keep, and keeps the rest', () => {
    const bundle = small(
      {
        source: 'https://example.org/rivers',
        markdown:
          '---\ntitle: "Rivers, an essay"\nlicense: "CC BY"\n---\n\nRivers carry water.\n\n## Trade\n\nBoats carry goods. Carts carry goods too.\n',
      },
      {
        meta: {
          title: 'Rivers and towns',
          source: { url: 'https://example.org/other', published: '2024-05-01' },
        },
      },
    );
    const { draft, lost } = bundleToDraft(bundle, { id: 'd3', name: 'Rivers (copy)' });
    expect(lost).toEqual([
      'The map names its source as https://example.org/other and its article as https://example.org/rivers: the copy keeps https://example.org/rivers.',
      "The article's front matter titles it “Rivers, an essay”: the copy is titled “Rivers”, as the map is.",
      "The article's front matter says license: “CC BY”, which a draft does not keep.",
    ]);
    expect(draft.meta).toEqual({
      title: 'Rivers',
      source: 'https://example.org/rivers',
      published: '2024-05-01',
    });
    expect(held(draftBundle(draft))).toMatchObject({
      concepts: held(bundle).concepts,
      relations: held(bundle).relations,
      tours: held(bundle).tours,
    });
  });

  it('names the copy after the map, never as another draft is named', () => {
    expect(copyName('Rivers', new Set())).toBe('Rivers (copy)');
    expect(copyName('Rivers', new Set(['Rivers (copy)', 'Rivers (copy 2)']))).toBe(
      'Rivers (copy 3)',
    );
  });
});
