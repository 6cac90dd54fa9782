import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the production build, as a `<meta>` in index.html so that it
 * holds on any static host, even one whose headers the school cannot set. Scripts run only from the
 * app's own files (or, in the single-file build, only the exact inline code that was built): no
 * 'unsafe-inline', no 'unsafe-eval' (zod runs jitless, see src/shared/zod-setup.ts).
 */
export function contentSecurityPolicy(scriptSources: readonly string[] = ["'self'"]): string {
  const directives: [string, readonly string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSources],
    // React Flow positions every node and edge label with a style attribute.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // The image export draws the map into data: and blob: URLs.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    // A teacher can open a map bundle from another server with ?bundle=<url>.
    ['connect-src', ["'self'", 'https:', 'http:']],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The sources of one directive of a policy, or undefined when the policy does not name it. */
export function directiveSources(policy: string, name: string): string[] | undefined {
  for (const part of policy.split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive === name) return sources;
  }
  return undefined;
}

const scriptPattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(
    `(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?`,
    'i',
  ).exec(attributes);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

/** Whether the browser runs the script, and so whether script-src applies: JSON data is inert. */
function isExecutable(type: string | undefined): boolean {
  if (type === undefined) return true;
  const t = type.trim().toLowerCase();
  return (
    t === '' ||
    t === 'module' ||
    t === 'importmap' ||
    /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(t)
  );
}

type Scripts = { external: number; inline: string[] };

export function findScripts(html: string): Scripts {
  const scripts: Scripts = { external: 0, inline: [] };
  for (const [, attributes = '', code = ''] of html.matchAll(scriptPattern)) {
    if (!isExecutable(attribute(attributes, 'type'))) continue;
    if (attribute(attributes, 'src') !== undefined) scripts.external += 1;
    else scripts.inline.push(code);
  }
  return scripts;
}

/** The CSP source that allows exactly this inline script, as the browser hashes its text. */
export async function scriptHash(code: string): Promise<string> {
  // The HTML parser turns CRLF and CR into LF before the script's text is hashed.
  const text = code.replace(/\r\n?/g, '\n');
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  );
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

export type InlineScripts = 'forbid' | 'hash';

/**
 * index.html with the policy as the first element of its head. `forbid`: scripts must be files
 * (script-src 'self'), and an inline script fails the build rather than the page. `hash`: each
 * inline script is allowed by its sha256, for the single file opened from disk, where 'self'
 * means nothing.
 */
export async function addContentSecurityPolicy(
  html: string,
  inlineScripts: InlineScripts,
): Promise<string> {
  if (/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
    throw new Error('index.html already has a Content-Security-Policy meta element');
  }
  const scripts = findScripts(html);
  let sources = ["'self'"];
  if (inlineScripts === 'forbid' && scripts.inline.length > 0) {
    throw new Error(
      `index.html has ${scripts.inline.length} inline script(s), which script-src 'self' blocks; load them from files`,
    );
  }
  if (inlineScripts === 'hash' && scripts.inline.length > 0) {
    const hashes = [...new Set(await Promise.all(scripts.inline.map(scriptHash)))];
    sources = scripts.external > 0 ? ["'self'", ...hashes] : hashes;
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(sources)}" />`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('index.html has no <head> for the Content-Security-Policy');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

/**
 * Adds the policy to the built HTML. It runs after every other plugin, once the HTML is final
 * (in the single-file build, after the scripts were inlined), and never in dev, where Vite injects
 * inline scripts of its own.
 */
export function contentSecurityPolicyPlugin(options: { inlineScripts: InlineScripts }): Plugin {
  return {
    name: 'concept-atlas:content-security-policy',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html =
            typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          try {
            file.source = await addContentSecurityPolicy(html, options.inlineScripts);
          } catch (error) {
            this.error(`${file.fileName}: ${(error as Error).message}`);
          }
        }
      },
    },
  };
}
