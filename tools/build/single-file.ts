import { readFileSync } from 'node:fs';
import type { Plugin, PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** The icon as a data: URL, so that the single file shows it with no file beside it. */
function inlineFavicon(): Plugin {
  return {
    name: 'concept-atlas:inline-favicon',
    apply: 'build',
    transformIndexHtml(html) {
      const svg = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
      const dataUrl = `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;
      return html.replace('href="./favicon.svg"', `href="${dataUrl}"`);
    },
  };
}

/**
 * `vite build --mode single`: the whole app in one index.html that works from file://, for a USB
 * stick or an email attachment. Every script and style is inlined, and the lazy chunks (quiz,
 * image export) are bundled in, since a file opened from disk cannot load another.
 */
export function singleFile(): PluginOption[] {
  // codeSplitting: false (set by the plugin) inlines the dynamic imports into the one script.
  return [viteSingleFile(), inlineFavicon()];
}
