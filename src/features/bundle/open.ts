import type { Atlas } from '../../model/derive-atlas';
import { measureSince } from '../../model/timing';
import { checkBundle, type CheckText } from './check-bundle';
import { checkInBackground } from './check-client';
import { layoutInBackground, type Progress } from './layout-client';
import {
  bundleUrl,
  fetchBundle,
  readBundleFile,
  shortAddress,
  textOf,
  type SourceText,
} from './read-source';
import { asSavedBundle, indexedDbStorage, type BundleStorage } from './saved-bundle';

export type OpenRequest =
  { kind: 'file'; file: File } | { kind: 'url'; url: string } | { kind: 'saved' };

export type OpenOutcome =
  | {
      ok: true;
      name: string;
      atlas: Atlas;
      /**
       * Keeps the bundle for the next visit, and says why it could not. Left to the caller, so that
       * the map is drawn before the browser spends time storing megabytes.
       */
      keep: () => Promise<string | null>;
      /** What the user should know about the map that opened, such as positions laid out anew. */
      notice: string | null;
    }
  | { ok: false; name: string; problems: string[]; transient?: boolean };

export type OpenOptions = {
  onProgress: Progress;
  signal?: AbortSignal;
  storage?: BundleStorage;
  /** What a relative `?bundle=` address is resolved against. */
  base?: string;
  /** Checks the bundle's text; by default in a worker, so that the page keeps answering. */
  check?: CheckText;
  /** How long a server may send nothing before opening stops. */
  timeoutMs?: number;
};

/** `decodeURIComponent`, for an address whose `%` may start no escape at all. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A short name for a bundle on the web: its file name, or else its host. */
export function nameOfUrl(value: string, base: string): string {
  const url = bundleUrl(value, base);
  if (!url) return shortAddress(value);
  return shortAddress(decoded(url.pathname.split('/').filter(Boolean).at(-1) ?? '') || url.host);
}

async function readRequest(
  request: OpenRequest,
  options: OpenOptions,
  storage: BundleStorage,
): Promise<{ name: string; source: SourceText; savedLayout?: unknown }> {
  switch (request.kind) {
    case 'file':
      return { name: request.file.name, source: readBundleFile(request.file) };
    case 'url': {
      const base = options.base ?? location.href;
      const name = nameOfUrl(request.url, base);
      const url = bundleUrl(request.url, base);
      if (!url) {
        return {
          name,
          source: {
            ok: false,
            problems: ['(address): only http and https addresses can be opened'],
          },
        };
      }
      return {
        name,
        source: await fetchBundle(url, {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        }),
      };
    }
    case 'saved': {
      const saved = asSavedBundle(await storage.read().catch(() => null));
      if (!saved) {
        return {
          name: 'your saved map',
          source: { ok: false, problems: ['(saved map): it could not be read from this browser'] },
        };
      }
      return {
        name: saved.name,
        source: { ok: true, text: saved.text },
        savedLayout: saved.layout,
      };
    }
  }
}

/**
 * Loads a bundle from a file, an address or this browser's storage: reads it within the limits,
 * checks it and lays out what has no place; `keep()` stores it for the next visit. Showing it is
 * `openBundle` in bundle-actions.
 */
export async function loadBundle(request: OpenRequest, options: OpenOptions): Promise<OpenOutcome> {
  const storage = options.storage ?? indexedDbStorage;
  const reading = performance.now();
  const { name, source, savedLayout } = await readRequest(request, options, storage);
  measureSince('bundle: read', reading);
  if (!source.ok) {
    return {
      ok: false,
      name,
      problems: source.problems,
      ...(source.transient ? { transient: true } : {}),
    };
  }
  const input = 'file' in source ? source.file : source.text;
  const checked = await checkBundle(input, {
    layOut: (graph, anchors, onProgress) =>
      layoutInBackground(graph, anchors, onProgress, options.signal),
    onProgress: options.onProgress,
    savedLayout,
    check: options.check ?? ((value) => checkInBackground(value, options.signal)),
  });
  options.signal?.throwIfAborted();
  if (!checked.ok) return { ok: false, name, problems: checked.problems };
  const keep = async () => {
    const saving = performance.now();
    try {
      const text = await textOf(input);
      if (text === null) throw new Error('the file can no longer be read');
      await storage.write({ version: 1, name, text, layout: checked.laidOut });
      return null;
    } catch (error) {
      return error instanceof DOMException && error.name === 'QuotaExceededError'
        ? `“${name}” is open, but the browser has no room to keep it for your next visit.`
        : `“${name}” is open, but this browser does not allow keeping it for your next visit.`;
    } finally {
      measureSince('bundle: keep for the next visit', saving);
    }
  };
  return { ok: true, name, atlas: checked.atlas, keep, notice: checked.notice };
}

/** Forgets the saved bundle, so that the next visit starts with the built-in article. */
export const forgetSavedBundle = (storage: BundleStorage = indexedDbStorage) =>
  storage.clear().catch(() => undefined);
