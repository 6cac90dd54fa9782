import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES } from '../../src/model/bundle-format';
import {
  DEFAULT_JSON_LIMITS,
  describeSize,
  parseUntrustedJson,
} from '../../src/model/untrusted-json';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

function problemsOf(text: string, limits: Parameters<typeof parseUntrustedJson>[1] = {}) {
  const result = parseUntrustedJson(text, limits);
  return result.ok ? [] : result.problems;
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** Keys plus items over a whole value, as maxKeys counts them. */
function entriesOf(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + 1 + entriesOf(v), 0);
  if (value !== null && typeof value === 'object') {
    return Object.values(value).reduce((sum: number, v) => sum + 1 + entriesOf(v), 0);
  }
  return 0;
}

function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => FORBIDDEN.includes(k) || hasForbiddenKey(v));
  }
  return false;
}

describe('describeSize', () => {
  it('writes bytes, kilobytes and megabytes in binary units', () => {
    expect(describeSize(MAX_BUNDLE_BYTES)).toBe('20 MB');
    expect(describeSize(512 * 1024)).toBe('512 kB');
    expect(describeSize(734)).toBe('734 bytes');
    expect(describeSize(1)).toBe('1 byte');
    expect(describeSize(Math.round(23.4 * 1024 * 1024))).toBe('23.4 MB');
    expect(describeSize(1024 * 1024 - 1)).toBe('1 MB');
  });
});

describe('parseUntrustedJson', () => {
  it('uses the bundle size limit by default', () => {
    expect(DEFAULT_JSON_LIMITS).toEqual({
      maxBytes: MAX_BUNDLE_BYTES,
      maxDepth: 32,
      maxStringLength: 5_000_000,
      maxKeys: 2_000_000,
    });
  });

  it('returns valid JSON unchanged', () => {
    const value = { schemaVersion: 1, graph: { concepts: [{ id: 'a', tags: ['x', 2, null] }] } };
    expect(parseUntrustedJson(JSON.stringify(value))).toEqual({ ok: true, value });
    expect(parseUntrustedJson('"just text"')).toEqual({ ok: true, value: 'just text' });
    expect(parseUntrustedJson(' 42 ')).toEqual({ ok: true, value: 42 });
  });

  it('refuses a file over the size limit, before reading it', () => {
    // Deeply nested and invalid too, but the size is the one problem reported.
    expect(problemsOf('['.repeat(3000), { maxBytes: 2048 })).toEqual([
      '(file): the file is 2.9 kB; the limit is 2 kB',
    ]);
    expect(problemsOf('[1, 2]', { maxBytes: 5 })).toEqual([
      '(file): the file is 6 bytes; the limit is 5 bytes',
    ]);
    expect(parseUntrustedJson('[1, 2]', { maxBytes: 6 }).ok).toBe(true);
  });

  it('gives exact byte counts when the rounded sizes would read the same', () => {
    const text = `"${'a'.repeat(2048 - 2)}" `;
    expect(problemsOf(text, { maxBytes: 2048 })).toEqual([
      '(file): the file is 2,049 bytes; the limit is 2,048 bytes (2 kB)',
    ]);
  });

  it('refuses a real file over 20 MB quickly', () => {
    const text = `[${'0,'.repeat(12 * 1024 * 1024)}0]`;
    const { result, ms } = timed(() => parseUntrustedJson(text));
    expect(result).toEqual({
      ok: false,
      problems: ['(file): the file is 24 MB; the limit is 20 MB'],
    });
    expect(ms).toBeLessThan(1000);
  });

  it('counts multibyte characters as UTF-8 bytes', () => {
    // "é" is 2 bytes, "€" 3, "😀" 4 (one surrogate pair): 2 quotes + 9 bytes.
    const text = '"é€😀"';
    expect(text.length).toBe(6);
    expect(parseUntrustedJson(text, { maxBytes: 11 })).toEqual({ ok: true, value: 'é€😀' });
    expect(problemsOf(text, { maxBytes: 10 })).toEqual([
      '(file): the file is 11 bytes; the limit is 10 bytes',
    ]);
  });

  it('refuses deep nesting quickly, before parsing', () => {
    for (const text of ['['.repeat(100_000), '{"a":'.repeat(100_000), '['.repeat(5_000_000)]) {
      const { result, ms } = timed(() => parseUntrustedJson(text));
      expect(result).toEqual({ ok: false, problems: ['(file): nesting is deeper than 32 levels'] });
      expect(ms).toBeLessThan(500);
    }
  });

  it('ignores brackets inside strings, honouring escapes', () => {
    const brackets = '[{'.repeat(50);
    const text = JSON.stringify({ a: [brackets, `\\"${brackets}`, '\\'] });
    expect(parseUntrustedJson(text, { maxDepth: 2 }).ok).toBe(true);
    expect(problemsOf(text, { maxDepth: 1 })).toEqual(['(file): nesting is deeper than 1 level']);
  });

  it('refuses a string that is too long, naming its place', () => {
    expect(problemsOf(JSON.stringify('x'.repeat(5_000_001)))).toEqual([
      '(root): the text is 5,000,001 characters; the limit is 5,000,000',
    ]);
    const concepts = [{}, {}, {}, { id: 'c', summary: 'y'.repeat(250_000) }];
    expect(
      parseUntrustedJson(JSON.stringify({ graph: { concepts } }), { maxStringLength: 200_000 }),
    ).toEqual({
      ok: false,
      problems: ['graph.concepts[3].summary: the text is 250,000 characters; the limit is 200,000'],
    });
  });

  it('measures strings once their escapes are decoded', () => {
    // Raw literal of 6 × 10 characters, 10 characters once decoded.
    const text = `"${'\\u0041'.repeat(10)}"`;
    expect(parseUntrustedJson(text, { maxStringLength: 10 })).toEqual({
      ok: true,
      value: 'A'.repeat(10),
    });
    expect(problemsOf(text, { maxStringLength: 9 })).toEqual([
      '(root): the text is 10 characters; the limit is 9',
    ]);
  });

  it('refuses keys that reach prototypes, naming their places inside arrays', () => {
    const text =
      '{"graph":{"concepts":[{"id":"a"},{"id":"b","__proto__":{"polluted":true}}]},' +
      '"tours":[[{"constructor":{"prototype":1}}]]}';
    expect(problemsOf(text)).toEqual([
      'graph.concepts[1].__proto__: this key is not allowed',
      'tours[0][0].constructor: this key is not allowed',
      'tours[0][0].constructor.prototype: this key is not allowed',
    ]);
    expect(problemsOf('{"__proto__": 1}')).toEqual(['__proto__: this key is not allowed']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('quotes keys that are not plain names, and cuts long ones short', () => {
    const long = 'k'.repeat(50);
    const text = JSON.stringify({
      'two\nlines': { [long]: 'z'.repeat(20) },
      '3': { '': 'z'.repeat(46) },
    });
    expect(problemsOf(text, { maxStringLength: 45 })).toEqual([
      `["3"][""]: the text is 46 characters; the limit is 45`,
      `["two\\nlines"]["${'k'.repeat(40)}…"]: the key is 50 characters; the limit is 45`,
    ]);
  });

  it('reports every problem, in the order of the file', () => {
    const text = `{"a":[{"prototype":1},"${'s'.repeat(30)}"],"b":{"c":{"__proto__":"${'t'.repeat(40)}"}}}`;
    expect(problemsOf(text, { maxStringLength: 20 })).toEqual([
      'a[0].prototype: this key is not allowed',
      'a[1]: the text is 30 characters; the limit is 20',
      'b.c.__proto__: this key is not allowed',
      'b.c.__proto__: the text is 40 characters; the limit is 20',
    ]);
  });

  it('lists at most 50 problems and counts the rest', () => {
    const text = `[${Array.from({ length: 60 }, () => '{"constructor":1}').join(',')}]`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(51);
    expect(problems[0]).toBe('[0].constructor: this key is not allowed');
    expect(problems[49]).toBe('[49].constructor: this key is not allowed');
    expect(problems[50]).toBe('…and 10 more problems');
    expect(problemsOf(text.replace('[', '[{"constructor":1},')).at(-1)).toBe(
      '…and 11 more problems',
    );
    const fiftyOne = `[${Array.from({ length: 51 }, () => '{"constructor":1}').join(',')}]`;
    expect(problemsOf(fiftyOne).at(-1)).toBe('…and 1 more problem');
  });

  it('refuses too many keys and array items, before parsing', () => {
    // 4 items + 2 keys = 6; whitespace and empty containers count nothing.
    const text = '[ 1, 2, [ ], { "a": 1, "b": { } } ]';
    expect(parseUntrustedJson(text, { maxKeys: 6 }).ok).toBe(true);
    expect(problemsOf(text, { maxKeys: 5 })).toEqual([
      '(file): the file holds 6 keys and array items; the limit is 5',
    ]);
    const colons = JSON.stringify({ 'a:b,c': ['x,y:z'] });
    expect(parseUntrustedJson(colons, { maxKeys: 2 }).ok).toBe(true);
  });

  it('says where invalid JSON goes wrong, in words rather than the engine’s message', () => {
    const said = 'not valid JSON, the form a map file is written in';
    expect(problemsOf('{\n  "a": 1,\n}')).toEqual([
      `(file): ${said}: something is wrong at line 3, column 1`,
    ]);
    expect(problemsOf('{"a": [1, 2')).toEqual([
      `(file): ${said}: it ends before it is complete, as if it were cut short`,
    ]);
    expect(problemsOf('Dear colleagues,')).toEqual([
      `(file): ${said}: it does not begin as JSON does, with { or [`,
    ]);
  });

  it('reports an empty file', () => {
    for (const text of ['', ' \n\t\r ', '\ufeff']) {
      expect(problemsOf(text)).toEqual(['(file): the file is empty']);
    }
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseUntrustedJson('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

/** A tree of arrays and objects written as JSON text, so keys like `__proto__` survive. */
type Tree =
  | { kind: 'leaf'; json: string }
  | { kind: 'array'; items: Tree[] }
  | { kind: 'object'; entries: [string, Tree][] };

const plainKey = fc
  .stringMatching(/^[a-z_][a-zA-Z0-9_]{0,5}$/)
  .filter((key) => !FORBIDDEN.includes(key));

const { tree } = fc.letrec<{ tree: Tree; leaf: Tree; array: Tree; object: Tree }>((tie) => ({
  tree: fc.oneof({ maxDepth: 5, depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
  leaf: fc
    .oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))
    .map((v) => ({ kind: 'leaf' as const, json: JSON.stringify(v) })),
  array: fc
    .array(tie('tree'), { maxLength: 4 })
    .map((items) => ({ kind: 'array' as const, items })),
  object: fc
    .uniqueArray(fc.tuple(plainKey, tie('tree')), { maxLength: 4, selector: ([key]) => key })
    .map((entries) => ({ kind: 'object' as const, entries })),
}));

type Place = { node: Extract<Tree, { kind: 'object' }>; path: string };

function objectsOf(root: Tree): Place[] {
  const found: Place[] = [];
  const stack: { node: Tree; path: string }[] = [{ node: root, path: '' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, path } = next;
    if (node.kind === 'object') {
      found.push({ node, path });
      for (const [key, child] of node.entries) {
        stack.push({ node: child, path: path ? `${path}.${key}` : key });
      }
    } else if (node.kind === 'array') {
      node.items.forEach((child, index) => stack.push({ node: child, path: `${path}[${index}]` }));
    }
  }
  return found;
}

function render(node: Tree, extra: Map<Tree, { at: number; json: string }>): string {
  if (node.kind === 'leaf') return node.json;
  if (node.kind === 'array') return `[${node.items.map((item) => render(item, extra)).join(',')}]`;
  const parts = node.entries.map(
    ([key, child]) => `${JSON.stringify(key)}:${render(child, extra)}`,
  );
  const added = extra.get(node);
  if (added) parts.splice(added.at % (parts.length + 1), 0, `"__proto__":${added.json}`);
  return `{${parts.join(',')}}`;
}

describe('parseUntrustedJson properties', () => {
  it('accepts any JSON value without forbidden keys and returns it unchanged', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 10 }),
          fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
        ),
        fc.boolean(),
        (value, pretty) => {
          fc.pre(!hasForbiddenKey(value));
          const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
          expect(parseUntrustedJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts keys and items exactly, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6, stringUnit: 'binary' }), (value) => {
        fc.pre(!hasForbiddenKey(value));
        const text = JSON.stringify(value, null, 1);
        const entries = entriesOf(JSON.parse(text));
        expect(parseUntrustedJson(text, { maxKeys: entries }).ok).toBe(true);
        if (entries > 0) {
          expect(problemsOf(text, { maxKeys: entries - 1 })).toEqual([
            `(file): the file holds ${entries.toLocaleString('en-US')} keys and array items; the limit is ${(entries - 1).toLocaleString('en-US')}`,
          ]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, and agrees with JSON.parse, for any text', () => {
    const jsonish = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      '"',
      '\\',
      ':',
      ',',
      '0',
      'a',
      ' ',
      '\ud800',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'binary-ascii' }),
          fc.string({ unit: jsonish, maxLength: 60 }),
          fc.json(),
        ),
        (text) => {
          const result = parseUntrustedJson(text, { maxDepth: 3 });
          if (result.ok) {
            expect(result.value).toEqual(JSON.parse(text.replace(/^\ufeff/, '')));
          } else {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const line of result.problems) expect(line).toMatch(/^\S.*: \S/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts bytes as TextEncoder does, lone surrogates included', () => {
    // Size comes first, so the text need not be JSON; a lone surrogate is encoded as U+FFFD.
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'),
    );
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        const bytes = new TextEncoder().encode(text).length;
        const sizeProblem = (limit: number) =>
          problemsOf(text, { maxBytes: limit }).some((line) =>
            /^\(file\): the file is .*; the limit is /.test(line),
          );
        expect(sizeProblem(bytes)).toBe(false);
        expect(sizeProblem(bytes - 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  // Depth counts arrays and objects inside one another: `[]` is 1 level, `[[]]` 2, `0` none.
  it('accepts nesting exactly up to maxDepth levels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 64 }),
        (levels, maxDepth) => {
          const open = levels.map((isArray) => (isArray ? '[ ' : '{"k]" : ')).join('');
          const close = levels
            .map((isArray) => (isArray ? ']' : '}'))
            .reverse()
            .join('');
          const text = `${open}"[{\\"["${close}`;
          const result = parseUntrustedJson(text, { maxDepth });
          if (levels.length <= maxDepth) {
            expect(result).toEqual({ ok: true, value: JSON.parse(text) });
          } else {
            expect(result).toEqual({
              ok: false,
              problems: [
                `(file): nesting is deeper than ${maxDepth} level${maxDepth === 1 ? '' : 's'}`,
              ],
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a __proto__ key wherever it is put in an object tree', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (root, pick, at, v) => {
        const objects = objectsOf(root);
        fc.pre(objects.length > 0);
        const target = objects[pick % objects.length];
        if (!target) return;
        const text = render(root, new Map([[target.node, { at, json: JSON.stringify(v) }]]));
        const place = target.path ? `${target.path}.__proto__` : '__proto__';
        expect(problemsOf(text)).toContain(`${place}: this key is not allowed`);
      }),
      { numRuns: 300 },
    );
  });
});
