/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtInAtlas } from './src/build/built-in-atlas';
import { contentSecurityPolicyPlugin } from './src/build/csp';
import { pwa } from './src/build/pwa';
import { singleFile } from './src/build/single-file';

export default defineConfig(({ mode }) => {
  // `vite build --mode single`: one self-contained index.html in dist-single/, for file://.
  const single = mode === 'single';
  return {
    // Relative asset URLs so that dist/ works under any path of any static host.
    base: './',
    plugins: [
      react(),
      builtInAtlas(),
      single ? singleFile() : pwa(),
      // Last, so that it sees the final HTML (in the single file, the inlined scripts it hashes).
      contentSecurityPolicyPlugin({ inlineScripts: single ? 'hash' : 'forbid' }),
    ],
    // The single file carries its icon inline and needs nothing from public/.
    ...(single ? { publicDir: false as const, build: { outDir: 'dist-single' } } : {}),
    server: { fs: { allow: ['.'] } },
    preview: { port: 4173, strictPort: false },
    test: {
      environment: 'jsdom',
      include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
      setupFiles: ['tests/setup.ts'],
      restoreMocks: true,
    },
  };
});
