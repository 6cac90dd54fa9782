import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addContentSecurityPolicy,
  contentSecurityPolicy,
  directiveSources,
  scriptHash,
} from '../../tools/build/csp';

const page = (body: string) =>
  `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n  </head>\n  <body>${body}</body>\n</html>\n`;

function policyOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(html);
  if (!match?.[1]) throw new Error('no policy in the page');
  return match[1];
}

describe('the Content-Security-Policy', () => {
  it('runs scripts only from the app itself: no inline code, no eval', () => {
    const policy = contentSecurityPolicy();
    expect(directiveSources(policy, 'script-src')).toEqual(["'self'"]);
    expect(directiveSources(policy, 'default-src')).toEqual(["'self'"]);
    expect(directiveSources(policy, 'object-src')).toEqual(["'none'"]);
    expect(directiveSources(policy, 'base-uri')).toEqual(["'self'"]);
  });

  it('never allows unsafe-inline or unsafe-eval for scripts, whatever the script sources', () => {
    for (const policy of [contentSecurityPolicy(), contentSecurityPolicy(["'sha256-abc='"])]) {
      const scripts = directiveSources(policy, 'script-src') ?? [];
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(policy).not.toContain("'unsafe-eval'");
      expect(directiveSources(policy, 'worker-src')).not.toContain("'unsafe-inline'");
    }
  });

  it('allows what the map needs: style attributes, exported images, bundles from other servers', () => {
    const policy = contentSecurityPolicy();
    expect(directiveSources(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directiveSources(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directiveSources(policy, 'connect-src')).toEqual(["'self'", 'https:', 'http:']);
  });
});

describe('adding the policy to the built page', () => {
  it('puts it first in the head, before anything it governs', async () => {
    const html = await addContentSecurityPolicy(
      page('<script type="module" crossorigin src="./assets/index.js"></script>'),
      'forbid',
    );
    expect(html).toMatch(
      /<head>\n {4}<meta http-equiv="Content-Security-Policy" content="[^"]+" \/>\n {4}<meta charset/,
    );
    expect(directiveSources(policyOf(html), 'script-src')).toEqual(["'self'"]);
  });

  it('fails the hosted build on an inline script, which the policy would block', async () => {
    await expect(
      addContentSecurityPolicy(page('<script>alert(1)</script>'), 'forbid'),
    ).rejects.toThrow(/inline script/);
  });

  it('ignores inert JSON data in a script element', async () => {
    const data = '<script type="application/json" id="built-in-atlas">{"a":1}</script>';
    const html = await addContentSecurityPolicy(page(data), 'forbid');
    expect(directiveSources(policyOf(html), 'script-src')).toEqual(["'self'"]);
  });

  it('allows each inline script of the single file by its sha256, and nothing else', async () => {
    const code = 'console.log("one file")';
    const html = await addContentSecurityPolicy(
      page(
        `<script type="module" crossorigin>${code}</script><script type="application/json">{}</script>`,
      ),
      'hash',
    );
    const expected = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    expect(directiveSources(policyOf(html), 'script-src')).toEqual([expected]);
  });

  it('keeps self beside the hashes when a script still comes from a file', async () => {
    const html = await addContentSecurityPolicy(
      page('<script src="./a.js"></script><script>1</script>'),
      'hash',
    );
    expect(directiveSources(policyOf(html), 'script-src')).toEqual([
      "'self'",
      `'sha256-${createHash('sha256').update('1').digest('base64')}'`,
    ]);
  });

  it('hashes the text as the browser does, with line breaks normalised', async () => {
    expect(await scriptHash('a\r\nb\rc')).toBe(await scriptHash('a\nb\nc'));
  });

  it('refuses a page that has a policy already', async () => {
    const html = await addContentSecurityPolicy(page(''), 'forbid');
    await expect(addContentSecurityPolicy(html, 'forbid')).rejects.toThrow(/already/);
  });
});
