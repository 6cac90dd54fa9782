import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { checkBundle, type LayOut } from '../../../src/features/bundle/check-bundle';
import type { Bundle } from '../../../src/model/bundle-format';
import { computeLayout } from '../../../src/model/layout';
import { problemInWords } from '../../../src/model/problem-words';
import type { Concept } from '../../../src/model/schema';
import { copy, realBundle, smallBundle } from '../../fixtures/bundle-fixture';
import { loadRealAtlas } from '../../fixtures/real-atlas';

/** zod's own phrasing, which a teacher must never read. */
const ZOD_PHRASING =
  /Invalid (?:input|option|URL|ISO|string|number|union|key|element)|Too (?:small|big)|Unrecognized key|expected (?:string|number|array|object|one of|\d)|received (?:undefined|string|number|null|array|object)|to have [<>]=/;
/** A problem without the values it quotes from the file (“…”), which may hold any words. */
const unquoted = (problem: string) => problem.replace(/“.*”/s, '“…”');

const noLayout: LayOut = () => Promise.reject(new Error('nothing should need laying out'));
const check = (value: unknown, layOut = noLayout) =>
  checkBundle(typeof value === 'string' ? value : JSON.stringify(value), { layOut });

describe('checking a bundle', () => {
  it('opens the built-in content as a bundle, with the same map', async () => {
    const result = await check(realBundle());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const real = loadRealAtlas();
    expect(result.atlas.article.text).toBe(real.article.text);
    expect(result.atlas.article.meta.title).toBe(real.article.meta.title);
    expect(result.atlas.graph.concepts.map((c) => c.id)).toEqual(
      real.graph.concepts.map((c) => c.id),
    );
    expect(result.atlas.tours).toEqual(real.tours);
    expect(result.laidOut).toBeNull();
    const node = result.atlas.nodes.find((n) => n.id === real.graph.concepts[0]?.id);
    expect(node?.position).toBeDefined();
  });

  it('lists every problem with its place from the bundle’s root, not only the first', async () => {
    const bundle = copy(await smallBundle());
    const [first, second] = bundle.graph.concepts;
    if (!first || !second) throw new Error('fixture too small');
    second.id = first.id;
    bundle.graph.relations.push({
      id: 'dangling',
      source: first.id,
      target: 'nowhere',
      label: 'leads to',
      kind: 'supports',
    });
    const result = await check(bundle);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        `graph.concepts: id "${first.id}" repeats`,
        'graph.relations[3] (dangling).target: unknown concept "nowhere"',
      ]),
    );
  });

  describe('the graph’s rules, over the parts that pass its schema', () => {
    /** The fixture with one concept's label taken away: a problem of the schema. */
    const withoutLabel = async () => {
      const bundle = copy(await smallBundle());
      delete (bundle.graph.concepts[0] as Partial<Concept>).label;
      return bundle;
    };
    const problemsOf = async (bundle: unknown) => {
      const result = await check(bundle);
      return result.ok ? [] : result.problems;
    };

    it('lists a quote not in the article, an unknown concept and section, and repeated ids beside a missing label', async () => {
      const bundle = await withoutLabel();
      const [, pipes, veins, rain] = bundle.graph.concepts;
      pipes!.passages = [{ exact: 'Snow fills the reservoir.' }];
      veins!.section = 'snow';
      rain!.id = 'pipes';
      bundle.graph.relations[0]!.target = 'nowhere';
      expect(await problemsOf(bundle)).toEqual([
        'graph.concepts[0] (water).label: is missing',
        'graph.concepts: id "pipes" repeats',
        'graph.concepts[1] (pipes).passages[0]: quote not found in the article: "Snow fills the reservoir."',
        'graph.concepts[2] (veins).section: unknown section "snow"',
        'graph.relations[0] (r-pipes-water).target: unknown concept "nowhere"',
        'graph.relations[2] (r-rain-water).source: unknown concept "rain"',
      ]);
    });

    it('still looks for the quotes of the concept whose schema fails', async () => {
      const bundle = await withoutLabel();
      bundle.graph.concepts[0]!.passages.push({ exact: 'Snow fills the reservoir.' });
      expect(await problemsOf(bundle)).toEqual([
        'graph.concepts[0] (water).label: is missing',
        'graph.concepts[0] (water).passages[1]: quote not found in the article: "Snow fills the reservoir."',
      ]);
    });

    it('never blames a relation, a speaker or a tour for naming a concept that is there but broken', async () => {
      const bundle = await withoutLabel();
      bundle.graph.concepts[1]!.passages[0]!.speaker = 'water';
      bundle.tours = {
        schemaVersion: 1,
        tours: [
          {
            id: 'walk',
            title: 'A walk',
            description: 'Through the map.',
            steps: [
              { title: 'One', text: 'Water first.', concepts: ['water'], notes: 'Why?' },
              { title: 'Two', text: 'Then pipes.', concepts: ['pipes', 'ghost'], notes: 'Why?' },
            ],
          },
        ],
      };
      expect(await problemsOf(bundle)).toEqual([
        'graph.concepts[0] (water).label: is missing',
        'tours.tours[0] (walk).steps[1].concepts[1]: unknown concept "ghost"',
      ]);
    });

    it('runs the rules that need no article when the article cannot be read', async () => {
      const bundle = copy(await smallBundle());
      (bundle.article as { markdown: unknown }).markdown = 42;
      bundle.graph.concepts[0]!.passages = [{ exact: 'Not checked without an article.' }];
      bundle.graph.relations[1]!.source = 'nowhere';
      const problems = await problemsOf(bundle);
      expect(problems).toContain(
        'graph.relations[1] (r-veins-pipes).source: unknown concept "nowhere"',
      );
      expect(problems.some((problem) => problem.includes('quote'))).toBe(false);
    });

    it('checks each tour that passes its schema, beside one that does not', async () => {
      const bundle = copy(await smallBundle());
      const step = (concepts: string[]) => ({
        title: 'A step',
        text: 'Read.',
        concepts,
        notes: 'Why?',
      });
      const tour = (id: string, concepts: string[]) => ({
        id,
        title: id,
        description: `The tour ${id}.`,
        steps: [step(['water']), step(concepts)],
      });
      bundle.tours = {
        schemaVersion: 1,
        tours: [
          { ...tour('broken', ['water']), title: '' },
          tour('ghostly', ['pipes', 'ghost', 'pipes']),
          tour('ghostly', ['rain']),
        ],
      };
      expect(await problemsOf(bundle)).toEqual([
        'tours.tours[0] (broken).title: must not be empty',
        'tours.tours: id "ghostly" repeats',
        'tours.tours[1] (ghostly).steps[1].concepts[1]: unknown concept "ghost"',
        'tours.tours[1] (ghostly).steps[1].concepts[2]: concept "pipes" repeats concepts[0]',
      ]);
    });
  });

  it('refuses what is not a bundle, says where, and never throws', async () => {
    expect(await check('not json')).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^\(file\): not valid JSON/)],
    });
    const wrong = await check({ schemaVersion: 2, article: { title: '' }, extra: 1 });
    expect(!wrong.ok && wrong.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schemaVersion:/),
        'article.title: must not be empty',
        expect.stringMatching(/^article.markdown:/),
        'graph: is missing',
        '(root): has a field this format does not have: “extra”; remove it, or check its spelling',
      ]),
    );
  });

  describe('every problem of a schema, said in words', () => {
    type Edit = (bundle: Record<string, unknown> & Bundle) => void;
    const concept = (bundle: Bundle) => bundle.graph.concepts[0] as Record<string, unknown>;
    const wordsOf = async (value: unknown) => {
      const result = await check(value);
      return result.ok ? [] : result.problems.map((problem) => problemInWords(problem).words);
    };
    const edited = async (edit: Edit) => {
      const bundle = copy(await smallBundle()) as Record<string, unknown> & Bundle;
      edit(bundle);
      return wordsOf(bundle);
    };

    it('says that a file is no map file, whatever it holds', async () => {
      const notAMap =
        'This is not a Concept Atlas map file: it has no article and no map. “Download the built-in map as an example file”, under “Open map…”, shows what one holds';
      for (const value of [{}, [], null, 42, '"text"', { schemaVersion: 1 }]) {
        expect(await wordsOf(value), JSON.stringify(value)).toEqual([notAMap]);
      }
      expect(await wordsOf({ schemaVersion: 1, meta: {}, sections: [], concepts: [] })).toEqual([
        'This is the graph of a map alone, without its article: a Concept Atlas map file holds the article, its graph and its tours together',
      ]);
    });

    const cases: [string, Edit, string[]][] = [
      [
        'a file without its format version',
        (b) => delete (b as Partial<Bundle>).schemaVersion,
        [
          'The file’s format version: is missing, so this is not a Concept Atlas map file, or it was made by a newer version of Concept Atlas',
        ],
      ],
      [
        'a file of a newer format',
        (b) => (b.schemaVersion = 2 as 1),
        [
          'The file’s format version: is 2, so it was made by a newer version of Concept Atlas; this one reads format 1',
        ],
      ],
      [
        'a format version that is no number',
        (b) => (b.schemaVersion = '1' as unknown as 1),
        [
          'The file’s format version: should be 1, so this is not a Concept Atlas map file, or it was changed by hand',
        ],
      ],
      [
        'a graph of a newer format, and tours without one',
        (b) => {
          b.graph.schemaVersion = 3 as 1;
          b.tours = { tours: [] } as unknown as Bundle['tours'];
        },
        [
          'The map’s format version: is 3, so it was made by a newer version of Concept Atlas; this one reads format 1',
          'The tours’ format version: is missing, so this is not Concept Atlas tours, or it was made by a newer version of Concept Atlas',
          'The tours: there must be at least one tour',
        ],
      ],
      [
        'an unknown kind of concept and of relation',
        (b) => {
          concept(b).kind = 'villain';
          (b.graph.relations[0] as Record<string, unknown>).kind = 'hates';
        },
        [
          'Concept 1 (“water”), kind: is “villain”, which is not one of those allowed here: thesis, keyword, pillar, pair, pole, principle, direction, leap, metaphor, example, policy, history, idea or source',
          'Relation 1 (“r-pipes-water”), kind: is “hates”, which is not one of those allowed here: part-of, supports, enables, contrasts-with, pole-of, evolves-into, likened-to, example-of, precedes, drives, responds-to, echoes or states',
        ],
      ],
      [
        'a missing kind, a tier out of range and a position that is text',
        (b) => {
          delete concept(b).kind;
          concept(b).tier = 4;
          concept(b).position = { x: 'left' };
        },
        [
          'Concept 1 (“water”), kind: is missing; it should be one of: thesis, keyword, pillar, pair, pole, principle, direction, leap, metaphor, example, policy, history, idea or source',
          'Concept 1 (“water”), tier: is 4, which is not one of those allowed here: 1, 2 or 3',
          'Concept 1 (“water”), position, x: should be a number, not a text',
          'Concept 1 (“water”), position, y: is missing',
        ],
      ],
      [
        'a section order that is not a whole number, an empty prefix and no former ids',
        (b) => {
          (b.graph.sections[1] as Record<string, unknown>).order = 1.5;
          concept(b).passages = [{ exact: 'Cities need water.', prefix: '' }];
          concept(b).formerIds = [];
        },
        [
          'Section 2 (“pipes”), order: should be a whole number, not 1.5',
          'Concept 1 (“water”), passage 1, words before the quote: must not be empty',
          'Concept 1 (“water”), former ids: must not be empty: list at least one',
        ],
      ],
      [
        'a concept that is null, and a field the format does not have',
        (b) => {
          (b.graph.concepts as unknown[])[1] = null;
          concept(b).colour = 'red';
        },
        [
          'Concept 1 (“water”): has a field this format does not have: “colour”; remove it, or check its spelling',
          'Concept 2: should be a group of fields, not null (nothing)',
        ],
      ],
      [
        'no concepts, and an address and a date as nobody writes them',
        (b) => {
          b.graph.concepts = [];
          b.graph.relations = [];
          b.graph.meta.source = { url: 'ftp://example.org', published: 'last spring' };
        },
        [
          'The address of the article’s source: must be an http or https address',
          'The date the article was published: should be a date written as year-month-day, such as 2026-03-23',
          'The concepts: a map needs at least one concept',
        ],
      ],
      [
        'a step with too long a title, one with no concept, and an unknown concept',
        (b) => {
          b.tours = {
            schemaVersion: 1,
            tours: [
              {
                id: 'walk',
                title: 'A walk',
                description: 'Through the map.',
                steps: [
                  { title: 'x'.repeat(51), text: 'Water.', concepts: ['water'], notes: 'Why?' },
                  { title: 'Two', text: 'Pipes.', concepts: [], notes: 'Why?' },
                ],
              },
              {
                id: 'stroll',
                title: 'A stroll',
                description: 'Through the map.',
                steps: [
                  { title: 'One', text: 'Water.', concepts: ['water'], notes: 'Why?' },
                  { title: 'Two', text: 'Pipes.', concepts: ['pipes', 'ghost'], notes: 'Why?' },
                ],
              },
            ],
          };
        },
        [
          'Tour 1 (“walk”), step 1, title: must be at most 50 characters',
          'Tour 1 (“walk”), step 2, concepts: a step needs at least one concept',
          'Tour 2 (“stroll”), step 2, concept 2: unknown concept "ghost"',
        ],
      ],
    ];
    it.each(cases)('says %s in words', async (_, edit, words) => {
      expect(await edited(edit)).toEqual(words);
    });
  });

  it('reads a file where it checks it, and says so when the file cannot be read', async () => {
    const file = new Blob([JSON.stringify(await smallBundle())]);
    expect((await checkBundle(file, { layOut: noLayout })).ok).toBe(true);
    const gone = new Blob(['{}']);
    gone.text = () => Promise.reject(new DOMException('The file was removed.', 'NotFoundError'));
    expect(await checkBundle(gone, { layOut: noLayout })).toEqual({
      ok: false,
      problems: ['(file): the file could not be read'],
    });
  });

  it('refuses links other than http and https', async () => {
    const bundle = copy(await smallBundle());
    bundle.article.source = 'javascript:alert(1)';
    const result = await check(bundle);
    expect(!result.ok && result.problems).toEqual([
      'article.source: must be an http or https address',
    ]);
  });

  it('refuses __proto__ keys, deep nesting and huge strings before checking anything else', async () => {
    const text = JSON.stringify(await smallBundle()).replace(
      '"schemaVersion":1',
      '"__proto__":{"polluted":true},"schemaVersion":1',
    );
    const result = await check(text);
    expect(!result.ok && result.problems).toEqual(['__proto__: this key is not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = await check('['.repeat(100_000));
    expect(!deep.ok && deep.problems[0]).toMatch(/nesting is deeper than/);
    const bundle = copy(await smallBundle());
    bundle.graph.concepts[0]!.summary = 'x'.repeat(300_000);
    const long = await check(bundle);
    expect(!long.ok && long.problems).toEqual([
      'graph.concepts[0] (water).summary: must be at most 5000 characters',
    ]);
    const huge = await check(JSON.stringify(bundle).replace('x'.repeat(300_000), 'x'.repeat(6e6)));
    expect(!huge.ok && huge.problems[0]).toMatch(/graph.concepts\[0\].summary: the text is/);
  });

  it('keeps hostile text as text: it is data, never markup', async () => {
    const bundle = copy(await smallBundle());
    const label = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    bundle.graph.concepts[0]!.label = label;
    bundle.article.markdown +=
      '\n\n<script>alert(3)</script>\n\nWords <b>bold</b> <img src=x onerror=alert(4)>\n';
    const result = await check(bundle);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.atlas.graph.concepts[0]?.label).toBe(label);
    // Raw HTML blocks are dropped, and inline tags stay literal text.
    expect(result.atlas.article.text).not.toContain('alert(3)');
    expect(result.atlas.article.text).toContain('Words <b>bold</b> <img src=x onerror=alert(4)>');
  });

  it('lays out concepts without positions, reporting progress, and keeps pinned ones', async () => {
    const bundle = copy(await smallBundle());
    const pinned = bundle.graph.concepts[0]!;
    pinned.position = { x: -500, y: -500 };
    for (const concept of bundle.graph.concepts.slice(1)) delete concept.position;
    const layOut = vi.fn<LayOut>((graph, anchors, onProgress) =>
      computeLayout(graph, anchors, onProgress),
    );
    const onProgress = vi.fn();
    const result = await checkBundle(JSON.stringify(bundle), { layOut, onProgress });
    expect(layOut).toHaveBeenCalledOnce();
    expect(onProgress).toHaveBeenLastCalledWith(
      bundle.graph.sections.length,
      bundle.graph.sections.length,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.laidOut).not.toBeNull();
    expect(result.atlas.layout.concepts[pinned.id]).toEqual({ x: -500, y: -500 });
    // Opening it again with the layout kept from the first time lays out nothing.
    const again = await checkBundle(JSON.stringify(bundle), {
      layOut: noLayout,
      savedLayout: result.laidOut,
    });
    expect(again.ok).toBe(true);
  });

  it('never throws, whatever text it is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const result = await check(text);
        expect(result.ok === false && result.problems.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws when any part of a valid bundle is replaced by any JSON value', async () => {
    const base = await smallBundle();
    const paths = [
      ['article'],
      ['article', 'title'],
      ['graph', 'concepts'],
      ['graph', 'concepts', 0],
      ['graph', 'concepts', 0, 'passages'],
      ['graph', 'concepts', 0, 'kind'],
      ['graph', 'concepts', 0, 'tier'],
      ['graph', 'concepts', 0, 'position'],
      ['graph', 'concepts', 0, 'passages', 0],
      ['graph', 'relations', 0],
      ['graph', 'relations', 0, 'kind'],
      ['graph', 'sections'],
      ['graph', 'sections', 0, 'order'],
      ['graph', 'meta'],
      ['graph', 'meta', 'source', 'published'],
      ['graph', 'schemaVersion'],
      ['schemaVersion'],
      ['tours'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.jsonValue({ maxDepth: 3 }),
        async (path, value) => {
          const bundle = copy(base) as unknown as Record<PropertyKey, unknown>;
          let node = bundle;
          for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
          node[path[path.length - 1]!] = value;
          const result = await check(bundle);
          if (result.ok) return;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems)
            expect(unquoted(problem)).not.toMatch(ZOD_PHRASING);
        },
      ),
      { numRuns: 300 },
    );
  });
});
