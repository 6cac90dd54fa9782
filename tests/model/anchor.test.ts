import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPassage, anchorPassages } from '../../src/model/anchor';

describe('anchoring quotes in the article', () => {
  const text = 'The engine drives. The chassis carries. The engine drives again.';

  it('finds a quote once, with a prefix or suffix deciding between repeats', () => {
    expect(anchorPassage(text, { exact: 'chassis carries' })).toEqual({
      ok: true,
      position: { start: text.indexOf('chassis'), end: text.indexOf('chassis') + 15 },
    });
    expect(anchorPassage(text, { exact: 'The engine drives' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^quote matches 2 places/),
    });
    expect(anchorPassage(text, { exact: 'The engine drives', suffix: 'again' })).toEqual({
      ok: true,
      position: { start: text.lastIndexOf('The engine'), end: text.lastIndexOf('The engine') + 17 },
    });
    expect(anchorPassage(text, { exact: 'The engine drives', prefix: 'carries.' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a quote that is only emphasis markers, instead of searching forever', () => {
    expect(anchorPassage(text, { exact: '**' })).toEqual({
      ok: false,
      reason: 'quote is empty once its emphasis markers are left out',
    });
  });

  it('answers the same for many quotes at once as for each alone', () => {
    // Few letters, so that quotes repeat and prefixes and suffixes have work to do.
    const words = fc.constantFrom('ab', 'ba', 'abab', 'b', 'a a', 'aab', 'ba b');
    const textOf = fc.array(words, { minLength: 1, maxLength: 120 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        textOf,
        fc.array(
          fc.record(
            {
              exact: fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
              prefix: words,
              suffix: words,
            },
            { requiredKeys: ['exact'] },
          ),
          { minLength: 32, maxLength: 60 },
        ),
        (article, passages) => {
          expect(anchorPassages(article, passages)).toEqual(
            passages.map((passage) => anchorPassage(article, passage)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
