import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The bare React Flow page that `npm run bench` measures the app against. Built after the app into
 * dist/bench/bare/, so that `vite preview` serves both from one origin. Only that folder is emptied;
 * the app's files around it stay.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./tools/bench/bare', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/bench/bare', import.meta.url)),
    emptyOutDir: true,
  },
});
