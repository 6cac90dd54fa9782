import { describe, expect, it } from 'vitest';
import { moveWordCursor, selectedWords, wordSpans } from '../../src/model/words';

const words = (text: string) => wordSpans(text).map(({ start, end }) => text.slice(start, end));

describe('the words of a paragraph', () => {
  it('are its words, without the spaces and punctuation around them', () => {
    expect(words('Rivers carry water, to the towns. “The river” is a road.')).toEqual([
      'Rivers',
      'carry',
      'water',
      'to',
      'the',
      'towns',
      'The',
      'river',
      'is',
      'a',
      'road',
    ]);
    expect(words('  ')).toEqual([]);
  });

  it('keeps a number with its letters whole, and cuts Chinese into words', () => {
    expect(words('the 15th plan')).toEqual(['the', '15th', 'plan']);
    expect(words('新质生产力').length).toBeGreaterThan(1);
  });
});

describe('the word cursor', () => {
  it('moves by a word, stopping at the first and last', () => {
    const at = { anchor: 1, focus: 1 };
    expect(moveWordCursor(at, 'next', false, 3)).toEqual({ anchor: 2, focus: 2 });
    expect(moveWordCursor({ anchor: 2, focus: 2 }, 'next', false, 3)).toEqual({
      anchor: 2,
      focus: 2,
    });
    expect(moveWordCursor({ anchor: 0, focus: 0 }, 'previous', false, 3)).toEqual({
      anchor: 0,
      focus: 0,
    });
    expect(moveWordCursor(at, 'last', false, 3)).toEqual({ anchor: 2, focus: 2 });
  });

  it('extends from its anchor and shrinks back, either way', () => {
    let cursor = { anchor: 2, focus: 2 };
    cursor = moveWordCursor(cursor, 'previous', true, 5);
    cursor = moveWordCursor(cursor, 'previous', true, 5);
    expect(selectedWords(cursor)).toEqual({ first: 0, last: 2 });
    cursor = moveWordCursor(cursor, 'previous', true, 5);
    expect(selectedWords(cursor)).toEqual({ first: 0, last: 2 });
    cursor = moveWordCursor(cursor, 'next', true, 5);
    expect(selectedWords(cursor)).toEqual({ first: 1, last: 2 });
    cursor = moveWordCursor(cursor, 'last', true, 5);
    expect(selectedWords(cursor)).toEqual({ first: 2, last: 4 });
  });
});
