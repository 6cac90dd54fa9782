import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
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
      reason: expect.stringMatching(/^quote matches more than one place/),
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

  it('stops counting a quote’s places at the second one, so repeats cost no more than two', () => {
    const article = 'a'.repeat(1_000_000);
    const few = Array.from({ length: 10 }, () => ({ exact: 'a'.repeat(16) }));
    const many = Array.from({ length: 100 }, () => ({ exact: 'a'.repeat(16) }));
    for (const passages of [few, many]) {
      // Counted rather than timed: the number of places looked at says the cost on any machine.
      const indexOf = vi.spyOn(String.prototype, 'indexOf');
      const startsWith = vi.spyOn(String.prototype, 'startsWith');
      const results = anchorPassages(article, passages);
      expect(indexOf.mock.calls.length + startsWith.mock.calls.length).toBeLessThan(5_000);
      indexOf.mockRestore();
      startsWith.mockRestore();
      expect(results[0]).toEqual({
        ok: false,
        reason: `quote matches more than one place; add a prefix or suffix that decides: "${'a'.repeat(16)}"`,
      });
    }
  });
});
