import { describe, expect, it } from 'vitest';
import { bundleSchema } from '../../src/model/bundle-schema';
import { formatIssues } from '../../src/model/validate';
import { makeSyntheticBundle } from '../../tools/synthetic-bundle';
import { copy, realBundle, smallBundle } from '../fixtures/bundle-fixture';

const problems = (value: unknown) => {
  const parsed = bundleSchema.safeParse(value);
  return parsed.success ? [] : formatIssues(parsed.error, value);
};

describe('the bundle schema', () => {
  it('takes the bundles that the tools write', async () => {
    expect(problems(realBundle())).toEqual([]);
    expect(problems(await smallBundle())).toEqual([]);
    expect(problems(makeSyntheticBundle(40))).toEqual([]);
  });

  it('says what is wrong with the article', async () => {
    const bundle = copy(await smallBundle());
    bundle.article.title = ' ';
    bundle.article.source = 'javascript:alert(1)';
    expect(problems(bundle)).toEqual([
      'article.title: must not be empty',
      'article.source: must be an http or https address',
    ]);
  });

  it('holds the graph and tours to their own schemas, and nothing more', async () => {
    const bundle = { ...(await smallBundle()), graph: {}, extra: true };
    expect(problems(bundle).some((p) => p.startsWith('graph.'))).toBe(true);
    expect(problems(bundle)).toContainEqual(expect.stringContaining('extra'));
  });
});
