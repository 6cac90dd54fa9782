import type { OpenOutcome, OpenRequest } from './open';
import { loadBuiltInAtlas } from './built-in';
import { useAtlasStore } from '../../store/atlas-store';
import { faultInWords } from '../../model/failure';
import { parseHash } from '../../model/route';
import { shortAddress } from './read-source';
import { dropBundleParam } from '../../store/url-sync';

/** Set while a bundle is open, so that the next visit knows to reopen it before reading storage. */
export const OPEN_BUNDLE_KEY = 'concept-atlas:open-bundle';

const loadOpener = () => import('./open');

let running: AbortController | null = null;
/** The last bundle that could not be opened for a reason that may pass, for "Try again". */
let retryable: { request: OpenRequest; atStartup: boolean; hash: string } | null = null;

function flag(name: string | null) {
  try {
    if (name === null) localStorage.removeItem(OPEN_BUNDLE_KEY);
    else localStorage.setItem(OPEN_BUNDLE_KEY, name);
  } catch {
    // Without storage the bundle is simply not reopened next time.
  }
}

/** The name of the bundle open at the end of the last visit, if any. */
export function savedBundleName(): string | null {
  try {
    return localStorage.getItem(OPEN_BUNDLE_KEY);
  } catch {
    return null;
  }
}

/** A friendly name for what is being opened, shown while it loads. */
function requestName(request: OpenRequest): string {
  if (request.kind === 'file') return request.file.name;
  if (request.kind === 'saved') return savedBundleName() ?? 'your saved map';
  return shortAddress(request.url);
}

/**
 * Opens a bundle while the current map stays on screen. On success the new map replaces it and is
 * kept for the next visit; on failure every problem is listed and the current map stays.
 * `atStartup`: the page waits for this map rather than drawing the built-in one first, and the
 * link's concept or view applies to it: the one in `startHash`, the address the page was opened
 * at, before it was made to fit the built-in map (which has none of the bundle's tours).
 */
export async function openBundle(
  request: OpenRequest,
  atStartup = false,
  startHash?: string,
): Promise<void> {
  const store = useAtlasStore.getState();
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const hash = startHash ?? window.location.hash;
  store.setOpenProblems(null);
  const name = requestName(request);
  store.setOpening({ name, done: 0, total: 0, startup: atStartup });
  let outcome: OpenOutcome;
  try {
    const opener = await loadOpener();
    outcome = await opener.loadBundle(request, {
      signal: controller.signal,
      onProgress: (done, total) => {
        if (running === controller) store.setOpening({ name, done, total, startup: atStartup });
      },
    });
  } catch (error) {
    if (running !== controller) return;
    running = null;
    store.setOpening(null);
    if (controller.signal.aborted) store.setNotice('Opening the map was cancelled.');
    else {
      // The page's own fault, not the file's: said in words, the details kept for a report.
      console.warn('Opening a map failed:', error);
      retryable = { request, atStartup, hash };
      store.setOpenProblems({
        name,
        problems: [`(map): it could not be opened: ${faultInWords(error)}`],
        canRetry: true,
      });
    }
    return;
  }
  if (running !== controller) return;
  running = null;
  if (!outcome.ok) {
    store.setOpening(null);
    retryable = outcome.transient ? { request, atStartup, hash } : null;
    store.setOpenProblems({
      name: outcome.name,
      problems: outcome.problems,
      ...(outcome.transient ? { canRetry: true } : {}),
    });
    if (request.kind === 'saved') flag(null);
    return;
  }
  store.openAtlas(outcome.atlas, { kind: 'bundle', name: outcome.name });
  if (atStartup) useAtlasStore.getState().applyRoute(parseHash(hash));
  // Stored for the next visit while the map is drawn, not before: writing megabytes would hold it
  // up. The page says "Opened" once it is stored, and only then is it reopened on the next visit.
  flag(null);
  const problem = await outcome.keep();
  if (!problem) flag(outcome.name);
  const now = useAtlasStore.getState();
  if (now.atlas === outcome.atlas) {
    const opened = `Opened “${outcome.atlas.article.meta.title}”.`;
    now.setNotice(problem ?? (outcome.notice ? `${opened} ${outcome.notice}` : opened));
  }
}

/** Opens again the bundle that could not be opened for a reason that may have passed. */
export function retryOpening(): void {
  const last = retryable;
  retryable = null;
  if (last) void openBundle(last.request, last.atStartup, last.hash);
}

/** Stops opening a bundle; the current map stays. */
export function cancelOpening(): void {
  running?.abort();
}

/** Returns to the built-in article and forgets the opened bundle. */
export function backToBuiltIn(): void {
  const loaded = loadBuiltInAtlas();
  const store = useAtlasStore.getState();
  if (!loaded.ok) {
    store.setProblems(loaded.problems);
    return;
  }
  flag(null);
  void loadOpener().then((opener) => opener.forgetSavedBundle());
  dropBundleParam();
  store.openAtlas(loaded.atlas, { kind: 'built-in' });
  store.setNotice(`Back to “${loaded.atlas.article.meta.title}”.`);
}

/**
 * At start-up: opens the bundle named in `?bundle=`, or else the one open at the end of the last
 * visit. The page waits for it instead of drawing the built-in map first, which would only delay
 * it; the built-in map shows if it cannot be opened.
 */
export function openStartupBundle(win: Window = window, startHash = win.location.hash): void {
  const url = new URLSearchParams(win.location.search).get('bundle');
  if (url) void openBundle({ kind: 'url', url }, true, startHash);
  else if (savedBundleName() !== null) void openBundle({ kind: 'saved' }, true, startHash);
}
