/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtInAtlas } from './src/build/built-in-atlas';
import { contentSecurityPolicyPlugin } from './src/build/csp';
import { pwa } from './src/build/pwa';

export default defineConfig({
  // Relative asset URLs so that dist/ works under any path of any static host.
  base: './',
  plugins: [
    react(),
    builtInAtlas(),
    pwa(),
    // Last, so that it sees the final HTML.
    contentSecurityPolicyPlugin({ inlineScripts: 'forbid' }),
  ],
  server: { fs: { allow: ['.'] } },
  preview: { port: 4173, strictPort: false },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
});
