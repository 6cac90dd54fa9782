import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
 * The layout and the checking of a bundle, and a tour step's close-up, run on the page: each
 * worker module is swapped for a stand-in that starts none, so that no worker file (ELK again,
 * 1.47 MB; the checker) is written beside index.html. From disk the browser would refuse to start them anyway.
 */
function layoutOnThePage(): Plugin {
  const standIn = (name: string) =>
    fileURLToPath(new URL(`../../src/features/${name}.single.ts`, import.meta.url));
  const layout = standIn('bundle/start-layout-worker');
  const check = standIn('bundle/start-check-worker');
  const step = standIn('explorer/map/start-step-layout-worker');
  return {
    name: 'concept-atlas:layout-on-the-page',
    enforce: 'pre',
    resolveId(source) {
      if (/[\\/]start-layout-worker(\.ts)?$/.test(source)) return layout;
      if (/[\\/]start-check-worker(\.ts)?$/.test(source)) return check;
      if (/[\\/]start-step-layout-worker(\.ts)?$/.test(source)) return step;
      return null;
    },
  };
}

/**
 * `vite build --mode single`: the whole app in one index.html that works from file://, for a USB
 * stick or an email attachment. Every script and style is inlined, and the lazy chunks (quiz,
 * image export) are bundled in, since a file opened from disk cannot load another; the layout
 * runs without a worker and the example bundle travels inside the page (see builtInAtlas).
 */
export function singleFile(): PluginOption[] {
  // codeSplitting: false (set by the plugin) inlines the dynamic imports into the one script.
  return [viteSingleFile(), inlineFavicon(), layoutOnThePage()];
}
