import { formatRoute, parseHash } from '../model/route';
import { useAtlasStore } from './atlas-store';
import { routeOf } from './selectors';

/**
 * The one module that writes the page's address. The hash says what is shown (the store follows
 * it); `?bundle=` names a map to open at start-up.
 */

/**
 * Keeps the URL hash and the store in step. The hash is the source of truth: a reload or a shared
 * link restores the view, and each new selection is a history entry so Back and Forward step
 * through selections. Other view changes replace the current entry.
 */
export function startUrlSync(win: Window = window): () => void {
  const store = useAtlasStore;
  let applying = false;
  const apply = () => {
    applying = true;
    store.getState().applyRoute(parseHash(win.location.hash));
    applying = false;
    // An unknown concept in the link is dropped from the URL, but the notice says what happened.
    const canonical = formatRoute(routeOf(store.getState()));
    if (canonical !== win.location.hash && win.location.hash !== '') {
      win.history.replaceState(win.history.state, '', canonical);
    }
  };
  apply();
  const unsubscribe = store.subscribe((state, previous) => {
    if (applying) return;
    const hash = formatRoute(routeOf(state));
    const current = win.location.hash || '#/';
    if (hash === current) return;
    // A new selection, view or tour step is a history entry; Back returns to the one before.
    const step =
      state.view !== previous.view ||
      state.tour?.id !== previous.tour?.id ||
      state.tour?.step !== previous.tour?.step;
    if (state.selectedId !== previous.selectedId || step) win.history.pushState(null, '', hash);
    else win.history.replaceState(win.history.state, '', hash);
  });
  win.addEventListener('hashchange', apply);
  win.addEventListener('popstate', apply);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', apply);
    win.removeEventListener('popstate', apply);
  };
}

/** Shows the whole map: the hash says so, and the store follows it once the sync reads it. */
export function showWholeMap(win: Window = window): void {
  win.location.hash = '#/';
}

/** Drops `?bundle=` from the address, so that a reload opens the built-in map. */
export function dropBundleParam(win: Window = window): void {
  const url = new URL(win.location.href);
  if (!url.searchParams.has('bundle')) return;
  url.searchParams.delete('bundle');
  win.history.replaceState(win.history.state, '', url);
}

/** Reloads the page on the whole built-in map, without `?bundle=` or the view of the last one. */
export function reloadWithoutBundle(win: Window = window): void {
  const url = new URL(win.location.href);
  url.searchParams.delete('bundle');
  url.hash = '#/';
  win.location.replace(url.href);
}
