import { describe, expect, it } from 'vitest';
import { CJK_UNICODE_RANGE, cjkCharacters, isCjk, missingCjkCharacters } from '../../src/model/cjk';

/** Whether a code point falls in a CSS unicode-range such as `U+3000-303F, U+4E00-9FFF`. */
function inRange(range: string, char: string): boolean {
  const codePoint = char.codePointAt(0) ?? -1;
  return range.split(',').some((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/, '').split('-');
    return codePoint >= Number.parseInt(from, 16) && codePoint <= Number.parseInt(to, 16);
  });
}

describe('CJK characters', () => {
  it('finds ideographs and CJK punctuation, once each, in code point order', () => {
    expect(cjkCharacters('制造强国、质量强国')).toEqual(['、', '制', '国', '强', '质', '造', '量']);
  });

  it('leaves Latin letters, digits and the quotes Latin fonts draw to the page’s own fonts', () => {
    expect(cjkCharacters('5G和千兆光网')).toEqual(['兆', '光', '千', '和', '网']);
    expect(cjkCharacters('“十五五”规划')).toEqual(['五', '划', '十', '规']);
    expect(cjkCharacters('Traditional industries, é, ü')).toEqual([]);
  });

  it('counts characters outside the first plane as one', () => {
    expect(cjkCharacters('𠀀a𠀀')).toEqual(['𠀀']);
    expect(isCjk('𠀀')).toBe(true);
  });

  it('gives the font a unicode-range that holds every character it finds and no Latin', () => {
    for (const char of ['、', '，', '｜', '中', '㐀', '𠀀', '豈']) {
      expect(isCjk(char), char).toBe(true);
      expect(inRange(CJK_UNICODE_RANGE, char), char).toBe(true);
    }
    for (const char of ['a', '5', '“', '—', 'é']) {
      expect(isCjk(char), char).toBe(false);
      expect(inRange(CJK_UNICODE_RANGE, char), char).toBe(false);
    }
  });
});

describe('missing CJK characters', () => {
  const covered = new Set(['传', '统']);

  it('are those neither the subset font nor the device can draw', () => {
    const device = new Set(['产']);
    expect(missingCjkCharacters('传统产业', covered, (char) => device.has(char))).toEqual(['业']);
  });

  it('are none when the subset font has them all: the device is not asked', () => {
    expect(
      missingCjkCharacters('传统', covered, () => {
        throw new Error('asked');
      }),
    ).toEqual([]);
  });

  it('are none where the device cannot be asked, and never the Latin part of a term', () => {
    expect(missingCjkCharacters('5G业', covered, () => undefined)).toEqual([]);
    expect(missingCjkCharacters('5G', covered, () => false)).toEqual([]);
  });
});
