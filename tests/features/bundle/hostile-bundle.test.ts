import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/features/bundle/check-bundle';
import type { Bundle } from '../../../src/model/bundle-format';
import { problemInWords } from '../../../src/model/problem-words';
import { copy, smallBundle } from '../../fixtures/bundle-fixture';

/**
 * The checks the checking worker runs (`checkContent`), fed hostile files built from a valid one.
 * Each input must come back as a verdict, said in words, and soon: the worker's own time limit is
 * the last resort, not the plan. Runs are few and inputs small, so that the bound holds with
 * room to spare on a busy machine; the bound is wide for the same reason.
 */
const BOUND_MS = 2_000;
const RUNS = { numRuns: 30 };

/** Names of exceptions and traces of a stack: never part of what a teacher reads. */
const EXCEPTION_TEXT =
  /\b(?:Range|Type|Syntax|Reference|Eval|URI|Internal|Aggregate|Zod|Article|YAML\w*)Error\b|DOMException|\bat \S+ \(|\[object \w+\]|\bError:/;

let base: Bundle;
beforeAll(async () => {
  base = await smallBundle();
});

/** Checks the text and holds the verdict to its promises: no throw, plain sentences, in time. */
function assertVerdict(text: string) {
  const timedCheck = () => {
    const started = performance.now();
    const result = checkContent(text);
    return { result, took: performance.now() - started };
  };
  let { result, took } = timedCheck();
  // A pause of the machine (another process, a garbage collection) is not the input's cost: one
  // over the bound is measured again, and a costly input is over it both times.
  if (took >= BOUND_MS) ({ result, took } = timedCheck());
  expect(took, `checking took ${Math.round(took)} ms`).toBeLessThan(BOUND_MS);
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem).toBe('string');
    expect(problem).not.toMatch(EXCEPTION_TEXT);
    const { words } = problemInWords(problem);
    expect(words.trim()).not.toBe('');
    expect(words).not.toMatch(EXCEPTION_TEXT);
  }
}

type Edit = (bundle: Bundle) => void;
/** The bundle with an edit made to a fresh copy, as the text of a file. */
const textOf = (edit: Edit) => {
  const bundle = copy(base);
  edit(bundle);
  return JSON.stringify(bundle);
};
/** A valid bundle's text with `raw` JSON (or not-JSON) standing in for one field's value. */
const withRaw = (place: (bundle: Bundle, hole: string) => void, raw: string) => {
  const hole = '\u0000hole\u0000';
  return textOf((bundle) => place(bundle, hole)).replace(JSON.stringify(hole), () => raw);
};
const firstConcept = (bundle: Bundle) => bundle.graph.concepts[0]!;

const places = {
  label: (b: Bundle, v: unknown) => ((firstConcept(b) as Record<string, unknown>).label = v),
  summary: (b: Bundle, v: unknown) => ((firstConcept(b) as Record<string, unknown>).summary = v),
  meta: (b: Bundle, v: unknown) => ((b.graph as Record<string, unknown>).meta = v),
  passages: (b: Bundle, v: unknown) => ((firstConcept(b) as Record<string, unknown>).passages = v),
  tours: (b: Bundle, v: unknown) => ((b as Record<string, unknown>).tours = v),
  title: (b: Bundle, v: unknown) => ((b.article as Record<string, unknown>).title = v),
};
const anyPlace = fc.constantFrom(...Object.values(places));

describe('hostile bundles, checked as the worker checks them', () => {
  it('deep nesting, balanced or cut short, anywhere in the file', () => {
    fc.assert(
      fc.property(
        anyPlace,
        fc.integer({ min: 1, max: 3_000 }),
        fc.constantFrom(['[', ']'], ['{"a":', '}'], ['[{"b":[', ']}]']),
        fc.boolean(),
        (place, depth, [open, close], balanced) => {
          const raw = open.repeat(depth) + '1' + (balanced ? close.repeat(depth) : '');
          assertVerdict(withRaw(place, raw));
        },
      ),
      RUNS,
    );
  });

  it('long runs of Markdown markers in the article', () => {
    const marker = fc.constantFrom(
      '*',
      '_',
      '`',
      '**',
      '__',
      '> ',
      '>',
      '[',
      ']',
      '[a]: https://e.example\n',
      '[x][y]',
      '![',
      '\\',
      '<',
      '#',
      '~',
      '- ',
      '1. ',
      '|',
      '&#',
      '---\n',
    );
    fc.assert(
      fc.property(
        // Past 1,000 runs the linear scan refuses the article; below it, the parser must cope.
        fc.array(fc.tuple(marker, fc.integer({ min: 1, max: 1_500 })), {
          minLength: 1,
          maxLength: 2,
        }),
        fc.constantFrom('', ' ', 'a', '\n', ' word '),
        fc.constantFrom('start', 'end'),
        (runs, between, where) => {
          const run = runs.map(([m, n]) => Array.from({ length: n }, () => m).join(between));
          assertVerdict(
            textOf((bundle) => {
              const markdown = bundle.article.markdown;
              bundle.article.markdown =
                where === 'start' ? `${run.join('\n')}\n\n${markdown}` : `${markdown}\n\n${run}`;
            }),
          );
        },
      ),
      RUNS,
    );
  });

  it('huge, tiny and unrepresentable numbers where numbers go', () => {
    const number = fc.constantFrom(
      '1e400',
      '-1e400',
      '1e-400',
      '-0',
      `1${'0'.repeat(400)}`,
      `0.${'1'.repeat(500)}`,
      '9007199254740993',
      '1e308',
      '-1.7976931348623157e308',
      '5e-324',
    );
    const at = fc.constantFrom<(bundle: Bundle, hole: string) => void>(
      (b, h) => ((b as Record<string, unknown>).schemaVersion = h),
      (b, h) => ((b.graph as Record<string, unknown>).schemaVersion = h),
      (b, h) => ((firstConcept(b) as Record<string, unknown>).position = { x: h, y: 0 }),
      (b, h) => ((firstConcept(b) as Record<string, unknown>).position = { x: 0, y: h }),
      (b, h) => ((firstConcept(b) as Record<string, unknown>).tier = h),
      (b, h) => ((b.graph.sections[0] as Record<string, unknown>).order = h),
      (b, h) => ((firstConcept(b) as Record<string, unknown>).label = h),
    );
    fc.assert(
      fc.property(at, number, (place, raw) => assertVerdict(withRaw(place, raw))),
      RUNS,
    );
  });

  it('odd Unicode in ids, labels, quotes, titles and the article', () => {
    const odd = fc.constantFrom(
      '\uD800',
      '\uDFFF',
      '\uDBFF\uDFFF',
      '\u202E',
      '\u200B',
      '\uFEFF',
      'e\u0301\u0301\u0301',
      '\u0000',
      '\u2028',
      '\u{1F600}',
      '\uFFFD',
      'Ⅻ',
      'ﬀ',
    );
    const text = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(odd, { maxLength: 200 }))
      .map(([s, marks]) => s + marks.join(''));
    const at = fc.constantFrom<(bundle: Bundle, value: string) => void>(
      (b, v) => (firstConcept(b).id = v),
      (b, v) => (firstConcept(b).label = v),
      (b, v) => (firstConcept(b).passages[0]!.exact = v),
      (b, v) => (b.article.title = v),
      (b, v) => (b.article.markdown = `${v}\n\n${b.article.markdown}${v}`),
      (b, v) => (b.graph.sections[0]!.id = v),
      (b, v) => (b.graph.relations[0]!.target = v),
    );
    fc.assert(
      fc.property(at, text, (place, value) => assertVerdict(textOf((b) => place(b, value)))),
      RUNS,
    );
  });

  it('repeated quotes: passages that occur many times, and runs of quotation marks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.constantFrom('a', 'the', '"', '“', '""', '\\"', "'"),
        fc.constantFrom('article', 'passage', 'label', 'raw'),
        (times, quote, where) => {
          if (where === 'raw') {
            // Unescaped: the file stops being JSON part-way through a string.
            assertVerdict(withRaw(places.summary, `"${quote.repeat(times)}"`));
            return;
          }
          assertVerdict(
            textOf((bundle) => {
              const concept = firstConcept(bundle);
              if (where === 'article') {
                bundle.article.markdown += `\n\n${Array(times).fill(quote).join(' ')}`;
                concept.passages = [{ exact: quote }];
              } else if (where === 'passage') {
                concept.passages = Array.from({ length: Math.min(times, 300) }, () => ({
                  exact: concept.passages[0]!.exact,
                }));
              } else concept.label = quote.repeat(times);
            }),
          );
        },
      ),
      RUNS,
    );
  });

  it('ids and keys named like the properties every object inherits', () => {
    const name = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'isPrototypeOf',
    );
    const at = fc.constantFrom<(bundle: Bundle, id: string) => string>(
      (b, id) => {
        firstConcept(b).id = id;
        return JSON.stringify(b);
      },
      (b, id) => {
        const [source] = b.graph.concepts;
        b.graph.relations.push({ ...b.graph.relations[0]!, source: source!.id, target: id });
        return JSON.stringify(b);
      },
      (b, id) => {
        for (const concept of b.graph.concepts) concept.section = id;
        b.graph.sections[0]!.id = id;
        return JSON.stringify(b);
      },
      (b, id) => {
        b.tours = {
          schemaVersion: 1,
          tours: [
            {
              id,
              title: id,
              description: id,
              steps: [{ title: id, text: id, concepts: [id], notes: id }],
            },
          ],
        };
        return JSON.stringify(b);
      },
      // As a key: written into the text, since an object literal would not keep `__proto__`.
      (b, id) => JSON.stringify(b).replace('"meta":{', `"meta":{"${id}":{"polluted":true},`),
      (b, id) => JSON.stringify(b).replace('{"id":', `{"${id}":1,"id":`),
    );
    fc.assert(
      fc.property(at, name, (place, id) => {
        assertVerdict(place(copy(base), id));
        // Nothing of the file reaches the objects every other object inherits from.
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      RUNS,
    );
  });

  it('the valid file itself passes, so the properties above judge real verdicts', () => {
    expect(checkContent(JSON.stringify(base)).ok).toBe(true);
  });
});
