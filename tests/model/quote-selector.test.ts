import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPassage } from '../../src/model/anchor';
import { quoteSelector } from '../../src/model/quote-selector';

const at = (text: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  return [start, start + words.length] as const;
};

describe('making a TextQuoteSelector from selected words', () => {
  const text =
    'The engine drives growth.\n\nThe chassis carries the engine.\n\nThe engine drives change.';

  it('keeps a quote that occurs once as its words alone', () => {
    expect(quoteSelector(text, ...at(text, 'chassis carries'))).toEqual({
      ok: true,
      selector: { exact: 'chassis carries' },
      start: text.indexOf('chassis'),
      end: text.indexOf('chassis') + 'chassis carries'.length,
    });
  });

  it('adds the shortest context that decides between repeats', () => {
    const second = text.lastIndexOf('The engine drives');
    const result = quoteSelector(text, second, second + 'The engine drives'.length);
    expect(result).toMatchObject({
      ok: true,
      selector: { exact: 'The engine drives', suffix: 'change.' },
    });
    const first = quoteSelector(text, 0, 'The engine drives'.length);
    expect(first).toMatchObject({
      ok: true,
      selector: { exact: 'The engine drives', suffix: 'growth.' },
    });
    const middle = text.indexOf('engine.');
    expect(quoteSelector(text, middle, middle + 'engine'.length)).toMatchObject({
      ok: true,
      selector: { exact: 'engine', suffix: '.' },
    });
  });

  it('uses a prefix when the quote ends its paragraph, and both sides when one is not enough', () => {
    const words = 'a b x c d\n\ne b x c f\n\na b x c f';
    const [start, end] = at(words, 'x', words.lastIndexOf('a b'));
    const result = quoteSelector(words, start, end);
    expect(result).toMatchObject({
      ok: true,
      selector: { exact: 'x', prefix: 'a b', suffix: 'c f' },
    });
    const ending = 'one two\n\nthree two';
    expect(quoteSelector(ending, ending.length - 3, ending.length)).toMatchObject({
      ok: true,
      selector: { exact: 'two', prefix: 'three' },
    });
  });

  it('leaves out whitespace at either end of the selection', () => {
    const [start, end] = at(text, ' chassis carries ');
    expect(quoteSelector(text, start, end)).toMatchObject({
      ok: true,
      selector: { exact: 'chassis carries' },
    });
  });

  it('says why words cannot be a passage, in plain words', () => {
    expect(quoteSelector(text, 3, 3)).toEqual({
      ok: false,
      reason: 'Select some words of the article first.',
    });
    expect(quoteSelector(text, 0, text.indexOf('chassis'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/within one paragraph/),
    });
    const twins = 'Same words here.\n\nSame words here.';
    expect(quoteSelector(twins, 0, 4)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/occur more than once/),
    });
  });

  it('anchors back to the place selected, whatever the text and the selection', () => {
    const word = fc.constantFrom('a', 'b', 'ab', 'ba', 'c.');
    const paragraph = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const article = fc.array(paragraph, { minLength: 1, maxLength: 5 }).map((p) => p.join('\n\n'));
    fc.assert(
      fc.property(article, fc.nat(), fc.nat(), (value, a, b) => {
        const result = quoteSelector(value, a % (value.length + 1), b % (value.length + 1));
        if (!result.ok) return;
        const anchored = anchorPassage(value, result.selector);
        expect(anchored).toEqual({
          ok: true,
          position: { start: result.start, end: result.end },
        });
        expect(value.slice(result.start, result.end)).toBe(result.selector.exact);
      }),
      { numRuns: 500 },
    );
  });

  it('adds nothing to a quote that occurs once, wherever it stands', () => {
    const value = 'alpha beta gamma\n\ndelta epsilon';
    expect(quoteSelector(value, 0, 5)).toMatchObject({ selector: { exact: 'alpha' } });
    expect(quoteSelector(value, value.length - 7, value.length)).toEqual({
      ok: true,
      selector: { exact: 'epsilon' },
      start: value.length - 7,
      end: value.length,
    });
  });
});
