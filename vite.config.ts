/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtInAtlas } from './tools/build/built-in-atlas.ts';
import { chunkBudget } from './tools/build/chunk-budget.ts';
import { cjkFont } from './tools/build/cjk-font.ts';
import { contentSecurityPolicyPlugin } from './tools/build/csp.ts';
import { pwa } from './tools/build/pwa.ts';
import { singleFile } from './tools/build/single-file.ts';
import { workerEntities } from './tools/build/worker-entities.ts';

/** The layout engine's modules: see build.chunkSizeWarningLimit. */
const elkjs = /[\\/]node_modules[\\/]elkjs[\\/]/;

export default defineConfig(({ mode }) => {
  // `vite build --mode single`: one self-contained index.html in dist-single/, for file://.
  const single = mode === 'single';
  return {
    // Relative asset URLs so that dist/ works under any path of any static host.
    base: './',
    plugins: [
      react(),
      builtInAtlas({ example: single ? 'inline' : 'file' }),
      // The one file carries the Chinese subset font inline, as a data: URL.
      cjkFont({ inline: single }),
      single ? singleFile() : pwa(),
      chunkBudget({ limit: 500, exempt: elkjs }),
      // Last, so that it sees the final HTML (in the single file, the inlined scripts it hashes).
      contentSecurityPolicyPlugin({ inlineScripts: single ? 'hash' : 'forbid' }),
    ],
    // Workers have no DOM: see worker-entities.ts.
    worker: { plugins: () => [workerEntities()] },
    // The single file carries its icon inline and needs nothing from public/.
    ...(single ? { publicDir: false as const } : {}),
    build: {
      ...(single ? { outDir: 'dist-single' } : {}),
      // ELK, the layout engine, is one compiled file of 1.47 MB that cannot be split. It is loaded
      // only to lay out a bundle without positions: in a worker, or on the page where no worker
      // can start. Its two chunks are allowed that much; chunkBudget keeps every other chunk to
      // Vite's usual 500 kB. A new version of elkjs may need a new number here.
      chunkSizeWarningLimit: 1500,
    },
    server: { fs: { allow: ['.'] } },
    preview: { port: 4173, strictPort: false },
    test: {
      restoreMocks: true,
      // A test that takes 2 s on an idle machine (the first lint in layers.test.ts, a component
      // test that loads chunks on demand) can take over 5 s, the default limit, on a busy one.
      // Longer than the waits (20 s: expect.poll here, Testing Library in tests/setup.dom.ts), so
      // that a test that does fail says what it waited for.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      expect: { poll: { timeout: 20_000 } },
      // Pure code runs in Node, which starts in milliseconds; only what renders or needs a
      // browser API gets jsdom (`*.test.tsx`, or `*.dom.test.ts` for a module without JSX).
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['tests/**/*.test.ts'],
            exclude: ['tests/**/*.dom.test.ts', 'tests/e2e/**'],
            setupFiles: ['tests/setup.store.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['tests/**/*.test.tsx', 'tests/**/*.dom.test.ts'],
            exclude: ['tests/e2e/**'],
            setupFiles: ['tests/setup.dom.ts', 'tests/setup.store.ts'],
          },
        },
      ],
    },
  };
});
