import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/model/article';
import { sectionedMarkdown } from '../../src/model/draft';
import { markdownOfHtml, PASTE_LIMITS, pastedHtmlTooLarge } from '../../src/model/pasted-html';

/** The HTML as the browser's clipboard gives it, parsed as the New map dialog parses it. */
const body = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

function markdownOf(html: string): string {
  const result = markdownOfHtml(body(html));
  if (result.kind !== 'markdown') throw new Error(`not converted: ${JSON.stringify(result)}`);
  return result.markdown;
}

const page = `<html><head><title>Rivers</title><style>p { color: red }</style></head><body>
<!--StartFragment--><h1>Rivers</h1>
<p>Rivers carry <em>water</em> to the <strong>towns</strong>, as <a href="https://example.org/r">the survey</a> shows.</p>
<h2>Water</h2><p>The river is a road.</p>
<h2>Trade</h2><ul><li>Boats carry goods.</li><li>Ports grow.</li></ul>
<blockquote><p>A river is a road that moves.</p></blockquote>
<h3>Tolls</h3><p>Tolls pay for the locks.</p><!--EndFragment--></body></html>`;

describe('markdownOfHtml', () => {
  it('keeps the headings, so that the article parser makes them sections', () => {
    const markdown = markdownOf(page);
    expect(markdown).toMatch(/^# Rivers$/m);
    expect(markdown).toMatch(/^## Water$/m);
    expect(markdown).toMatch(/^### Tolls$/m);
    const { markdown: sectioned, title } = sectionedMarkdown(markdown);
    expect(title).toBe('Rivers');
    const article = parseArticle(sectioned, { title: 'Rivers' });
    expect(article.sectionCount).toBe(3);
    expect(article.blocks.filter((b) => b.type === 'section').map((b) => b.text)).toEqual([
      'Water',
      'Trade',
    ]);
  });

  it('keeps emphasis and links, and lists and quotations as paragraphs the parser keeps', () => {
    const markdown = markdownOf(page);
    expect(markdown).toContain(
      'Rivers carry _water_ to the **towns**, as [the survey](https://example.org/r) shows.',
    );
    const words = parseArticle(markdown, { title: 'Rivers' }).blocks.map((b) => b.text);
    expect(words).toContain('Rivers carry water to the towns, as the survey shows.');
    expect(words).toContain('Boats carry goods.');
    expect(words).toContain('Ports grow.');
    expect(words).toContain('A river is a road that moves.');
    expect(words).toContain('Tolls pay for the locks.');
  });

  it('drops scripts, styles, frames, forms, images, comments and raw HTML, leaving no tag', () => {
    const markdown = markdownOf(`<p>Before.<script>alert("owned")</script></p>
<style>.x{}</style><iframe src="https://evil.example"></iframe><!-- a secret note -->
<form><label>Name <input value="x"></label><button>Send</button></form>
<p><img src="x.png" alt="A picture" onerror="alert(1)"><span style="color:red">After</span>.</p>
<p>Written as text: &lt;script&gt;alert(2)&lt;/script&gt; and &amp;lt;b&amp;gt;.</p>
<p><a href="javascript:alert(3)">a link</a> and <a href="/relative">another</a>.</p>
<noscript><p>Turn on JavaScript</p></noscript><svg><text>drawn</text></svg>`);
    expect(markdown).not.toMatch(/(?<!\\)<[a-z!/]/i);
    for (const gone of ['alert("owned")', 'secret', 'Send', 'Name', 'picture', 'x.png']) {
      expect(markdown).not.toContain(gone);
    }
    expect(markdown).not.toMatch(/javascript|relative|Turn on|drawn|evil/);
    const words = parseArticle(markdown, { title: 'T' }).blocks.map((b) => b.text);
    expect(words).toEqual([
      'Before.',
      'After.',
      'Written as text: <script>alert(2)</script> and &lt;b&gt;.',
      'a link and another.',
    ]);
  });

  it('makes each row of a table one paragraph, its cells apart, never a paragraph a cell', () => {
    const markdown = markdownOf(`<h2>Ports</h2><p>The ports of the river.</p>
      <table><caption>Ports and their goods</caption>
      <thead><tr><th>Port</th><th>Goods</th></tr></thead>
      <tbody><tr><td>Upton</td><td><p>grain</p><p>wool</p></td></tr>
      <tr><td>Downey</td><td></td></tr></tbody></table>`);
    expect(markdown.split('\n\n')).toEqual([
      '## Ports',
      'The ports of the river.',
      'Ports and their goods',
      'Port; Goods',
      'Upton; grain wool',
      'Downey',
    ]);
  });

  it('joins no words across a line break, and keeps a code block as a paragraph', () => {
    const markdown = markdownOf(
      '<p>One line<br>the next</p><pre><code>  # not a heading\nx = 1</code></pre>',
    );
    const words = parseArticle(markdown, { title: 'T' }).blocks.map((b) => b.text);
    expect(words).toEqual(['One line the next', '# not a heading x = 1']);
  });

  it('leaves HTML without headings, paragraphs, lists or quotations to be pasted as plain text', () => {
    expect(markdownOfHtml(body('<div><span>## Water</span></div><div>x</div>'))).toEqual({
      kind: 'plain',
    });
    expect(markdownOfHtml(body('<p><img src="x.png"></p>'))).toEqual({ kind: 'plain' });
  });

  it('refuses a hostile paste before converting it: deep nesting, too many elements, too long', () => {
    const deep = body(`${'<div>'.repeat(PASTE_LIMITS.depth + 10)}<p>deep</p>`);
    expect(markdownOfHtml(deep)).toEqual({
      kind: 'too-large',
      reason: `it nests elements more than ${PASTE_LIMITS.depth} deep`,
    });
    const many = body('<p>a</p>'.repeat(PASTE_LIMITS.elements + 1));
    expect(markdownOfHtml(many)).toMatchObject({
      kind: 'too-large',
      reason: /more than 20,000 elements/,
    });
    expect(pastedHtmlTooLarge('x'.repeat(PASTE_LIMITS.htmlChars + 1))).toMatch(/at most 2,000,000/);
    expect(pastedHtmlTooLarge('<p>x</p>')).toBeNull();
    const emphasis = body(`<p>${'<em>a</em> '.repeat(1_200)}</p>`);
    expect(markdownOfHtml(emphasis)).toMatchObject({ kind: 'too-large', reason: /emphasis/ });
  });

  it('converts a long article with its sections', () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) =>
        `${i % 10 === 0 ? `<h2>Part ${i / 10}</h2>` : ''}<p>Paragraph ${i} with <em>some</em> words.</p>`,
    ).join('');
    const markdown = markdownOf(paragraphs);
    expect(parseArticle(sectionedMarkdown(markdown).markdown, { title: 'T' }).sectionCount).toBe(
      41,
    );
  });
});
