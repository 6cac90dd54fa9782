import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ArticleError,
  MARKDOWN_LIMITS,
  markdownTooCostly,
  parseArticle,
} from '../../src/model/article';
import { fixtureMarkdown } from '../fixtures/atlas-fixture';

describe('parseArticle', () => {
  it('reads front matter, headings and paragraphs as plain-text blocks', () => {
    const article = parseArticle(fixtureMarkdown);
    expect(article.meta).toEqual({
      title: 'A small argument',
      source: 'https://example.org/argument',
      published: '2026-01-02',
    });
    expect(article.blocks.map((b) => [b.type, b.sectionIndex])).toEqual([
      ['title', 0],
      ['paragraph', 0],
      ['section', 1],
      ['paragraph', 1],
      ['section', 2],
      ['paragraph', 2],
    ]);
    expect(article.sectionCount).toBe(3);
    for (const block of article.blocks) {
      expect(article.text.slice(block.start, block.end)).toBe(block.text);
    }
  });

  it('drops emphasis markup and keeps raw HTML as literal text', () => {
    const article = parseArticle('---\ntitle: T\n---\n\nA **bold** and _quiet_ <b>tag</b>.\n');
    expect(article.blocks[0]?.text).toBe('A bold and quiet <b>tag</b>.');
  });

  it('says what is wrong with invalid front matter', () => {
    expect(() =>
      parseArticle('---\ntitle: T\nsource: "javascript:alert(1)"\n---\n\nText.\n'),
    ).toThrow(ArticleError);
  });

  describe('the cost of the Markdown, bounded by counting before parsing', () => {
    it('refuses more formatting marks in all than it can read, though each paragraph is within its limit', () => {
      // 400 paragraphs of 900 emphasis runs: each under the 1,000 of a paragraph, and seconds to parse.
      const markdown = `${'*a_'.repeat(450)}\n\n`.repeat(400);
      expect(markdownTooCostly(markdown)).toBe(
        'it has 360,000 runs of formatting marks (* _ ` [ ] ( ) < & !) in all; at most 100,000 can be read',
      );
      expect(() => parseArticle(markdown)).toThrow(/too costly to read: it has 360,000 runs/);
    });

    it('counts links, code and entities as marks, a run of one mark once, and plain prose not at all', () => {
      const link = '[a](https://example.org) `code` &amp; ![b](c.png) <d> **e** __f__\n\n';
      // [ ] ( ) ` ` & ! [ ] ( ) < ** ** __ __: 17 runs.
      expect(markdownTooCostly(link.repeat(Math.floor(MARKDOWN_LIMITS.marks / 17)))).toBeNull();
      expect(markdownTooCostly(link.repeat(Math.floor(MARKDOWN_LIMITS.marks / 17) + 1))).toMatch(
        /100,0\d\d runs of formatting marks/,
      );
      expect(markdownTooCostly('Plain words, and more of them. '.repeat(150_000))).toBeNull();
    });

    it('passes the real article, far under every limit', () => {
      expect(markdownTooCostly(readFileSync('data/article.md', 'utf8'))).toBeNull();
    });
  });

  describe('the real article', () => {
    const article = parseArticle(readFileSync('data/article.md', 'utf8'));

    it('has the introduction and seven sections, with the source in the front matter', () => {
      expect(article.sectionCount).toBe(8);
      expect(article.meta.source).toMatch(/^https:\/\//);
      expect(article.meta.published).toBe('2026-03-23');
      expect(article.blocks.filter((b) => b.type === 'section')).toHaveLength(7);
    });

    it('leaves out the web page trailer and keeps the author line', () => {
      expect(article.text).not.toMatch(/Related Stocks|Related News/);
      expect(article.blocks.at(-1)?.text).toMatch(/^\(The author is the director/);
    });

    it('keeps the words of the source verbatim', () => {
      const source = readFileSync('tests/fixtures/source-article.txt', 'utf8');
      const words = (s: string) => s.replace(/[*_#\\]/g, '').replace(/\s+/g, ' ');
      const body = words(
        source.slice(source.indexOf('--- # Deep') + 4, source.indexOf('### Related')),
      );
      expect(words(article.blocks.map((b) => b.text).join(' ')).trim()).toBe(body.trim());
    });
  });
});
