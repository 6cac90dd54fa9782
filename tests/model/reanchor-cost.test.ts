import { readFileSync } from 'node:fs';
import type approxSearch from 'approx-string-match';
import { describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../../src/model/article';
import { maxErrorsFor, reanchorPassages, SEARCH_REACH } from '../../src/model/reanchor';
import type { Passage } from '../../src/model/schema';

/** Every close search made: how much text it read and how many differences it allowed. */
const searches = vi.hoisted(() => [] as { length: number; pattern: string; maxErrors: number }[]);

vi.mock('approx-string-match', async (importOriginal) => {
  const actual = await importOriginal<{ default: typeof approxSearch }>();
  return {
    default: (text: string, pattern: string, maxErrors: number) => {
      searches.push({ length: text.length, pattern, maxErrors });
      return actual.default(text, pattern, maxErrors);
    },
  };
});

/** About 5 MB of the built-in article's paragraphs, each numbered so that quotes can be told apart. */
function longArticle(): string {
  const paragraphs = parseArticle(readFileSync('data/article.md', 'utf8')).text.split('\n\n');
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < 5_000_000; i += 1) {
    const paragraph = `(${i}) ${paragraphs[(i * 7) % paragraphs.length] ?? ''}`;
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

describe('the cost of re-anchoring a long article', () => {
  it('reads a bounded stretch of text for each changed passage, even when every line changed', () => {
    const oldText = longArticle();
    // 150 passages spread through the text, each a few words at a paragraph's start.
    const passages: Passage[] = [];
    for (let n = 0; n < 150; n += 1) {
      const start = oldText.indexOf(`(${n * 109}) `);
      const end = oldText.indexOf(' ', start + 40);
      passages.push({ exact: oldText.slice(start, end) });
    }
    // A change everywhere: no passage and none of its surroundings is found as it was.
    const newText = oldText.replaceAll('e', 'é');

    const results = reanchorPassages(passages, oldText, newText);

    expect(results.filter((result) => result.status === 'fuzzy').length).toBeGreaterThan(100);
    expect(searches.length).toBeGreaterThan(0);
    const longestQuote = Math.max(...passages.map((passage) => passage.exact.length));
    const quotes = new Set(passages.map((passage) => passage.exact));
    for (const search of searches) {
      expect(search.length).toBeLessThanOrEqual(2 * SEARCH_REACH + longestQuote);
      // The searches for a passage's words; the others compare 32 characters around a candidate.
      if (quotes.has(search.pattern)) {
        expect(search.maxErrors).toBeLessThanOrEqual(maxErrorsFor(search.pattern.length));
      } else expect(search.length).toBeLessThanOrEqual(32);
    }
  }, 120_000);
});
