import { Workbox } from 'workbox-window';
import { offerUpdate } from './update-signal';

type Page = { production: boolean; protocol: string; hasServiceWorkers: boolean };

function thisPage(): Page {
  return {
    production: import.meta.env.PROD,
    protocol: window.location.protocol,
    hasServiceWorkers: 'serviceWorker' in navigator,
  };
}

/**
 * Whether this page should have a service worker: only the hosted production build, in a browser
 * that offers them (only on https or localhost), and never the single file opened from disk.
 */
export function shouldRegisterServiceWorker(page: Page = thisPage()): boolean {
  return page.production && page.protocol !== 'file:' && page.hasServiceWorkers;
}

/** Lets the waiting version take over, then reloads into it. */
async function activateWaitingVersion() {
  const registration = await navigator.serviceWorker.getRegistration();
  const waiting = registration?.waiting;
  if (!waiting) {
    // Another tab already switched to the new version: this page only needs a reload.
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  // The generated worker calls skipWaiting() on this message (registerType: 'prompt').
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/**
 * Registers the worker that vite-plugin-pwa generates next to index.html (src/build/pwa.ts), and
 * offers a new version when one is waiting instead of switching under the user.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!shouldRegisterServiceWorker()) return;
  // Relative to the page, so that the app works under any path of a static host.
  const workbox = new Workbox('./sw.js', { scope: './' });
  workbox.addEventListener('waiting', () => offerUpdate(() => void activateWaitingVersion()));
  try {
    await workbox.register();
  } catch (error) {
    // Without a worker the app still works; it only does not work offline.
    console.warn('Concept Atlas could not install its offline copy:', error);
  }
}
