import { describe, expect, it } from 'vitest';
import { safeHref } from '../../src/shared/safe-href';

describe('links from content', () => {
  it('keeps web and e-mail addresses', () => {
    for (const href of ['https://example.org/a?b=1', 'http://example.org', 'mailto:a@b.org']) {
      expect(safeHref(href)).toBe(href);
    }
  });

  it('drops every other scheme, relative and broken addresses', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      '/relative',
      'not a url',
      '',
      undefined,
    ]) {
      expect(safeHref(href)).toBeUndefined();
    }
  });
});
