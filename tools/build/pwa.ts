import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

/**
 * The service worker and web app manifest of the hosted build. Every file of dist/ is precached,
 * so after one visit the app opens with no network: in a classroom whose Wi-Fi fails, on a train.
 * A new deployment waits until the user accepts it (src/components/update-prompt.tsx), so a lesson
 * never reloads under the teacher. All URLs are relative, like the build's `base: './'`, so the
 * worker and the manifest work under any path of any static host.
 */
export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  // Registered by src/lib/service-worker.ts, loaded lazily after the first render.
  injectRegister: false,
  // The icon is precached by the glob below already.
  includeManifestIcons: false,
  manifest: {
    name: 'Concept Atlas',
    short_name: 'Atlas',
    description:
      'An interactive concept map of an argumentative article, for students and teachers.',
    lang: 'en',
    // The app's accent and paper colours (src/styles.css).
    theme_color: '#1d4ed8',
    background_color: '#ffffff',
    display: 'standalone',
    start_url: './',
    scope: './',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    // Everything the app needs, including the downloadable example bundle (a .json file) and the
    // Chinese subset font.
    globPatterns: ['**/*.{js,css,html,json,svg,png,ico,webmanifest,woff2}'],
    maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
    // Any address inside the app (a shared #/concept/… link, ?bundle=…) opens the cached page.
    navigateFallback: 'index.html',
  },
};

export function pwa() {
  return VitePWA(pwaOptions);
}
