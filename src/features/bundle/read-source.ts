import { MAX_BUNDLE_BYTES } from '../../model/bundle-format';
import { overLimit } from '../../model/untrusted-json';

/**
 * Text read from a server or this browser, or a chosen file whose text the checker reads where it
 * checks it (so that the page never decodes megabytes), or why it could not be read.
 */
export type SourceText =
  | { ok: true; text: string }
  | { ok: true; file: Blob }
  | {
      ok: false;
      problems: string[];
      /** The fault may pass (a network or a slow server): trying again may work. */
      transient?: boolean;
    };

const tooLarge = (bytes: number, atLeast = false) => ({
  ok: false as const,
  problems: [`(file): ${overLimit(bytes, MAX_BUNDLE_BYTES, atLeast)}`],
});

/**
 * A chosen or dropped file, to be read where it is checked; one over the size limit is refused
 * before anything reads it.
 */
export function readBundleFile(file: Blob): SourceText {
  return file.size > MAX_BUNDLE_BYTES ? tooLarge(file.size) : { ok: true, file };
}

/** What checking says of a file that could not be read (removed, or no longer allowed). */
export const UNREADABLE_FILE = '(file): the file could not be read';

/** The text of a bundle, read from its file if need be; null when the file cannot be read. */
export async function textOf(input: string | Blob): Promise<string | null> {
  if (typeof input === 'string') return input;
  try {
    return await input.text();
  } catch {
    return null;
  }
}

/** Resolves `?bundle=` against the page; only http and https addresses are fetched. */
export function bundleUrl(value: string, base: string): URL | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Addresses longer than this are shortened in messages, so that one line stays one line. */
const SHOWN_ADDRESS = 80;

/** An address as a message shows it: the start and the end of a long one, with "…" between. */
export function shortAddress(address: string, most = SHOWN_ADDRESS): string {
  const chars = [...address];
  if (chars.length <= most) return address;
  const head = Math.ceil((most - 1) * 0.6);
  const tail = most - 1 - head;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** How long a server may send nothing before opening stops: it answers, or it is down. */
export const FETCH_TIMEOUT_MS = 30_000;

export type FetchOptions = { signal?: AbortSignal; timeoutMs?: number };

/**
 * Fetches a bundle, stopping as soon as it passes the size limit, so that a huge or endless
 * response never fills the memory, and when the server sends nothing for `timeoutMs`, so that a
 * server that never finishes cannot leave the page waiting. Every failure is said in words.
 */
export async function fetchBundle(url: URL, options: FetchOptions = {}): Promise<SourceText> {
  const { signal, timeoutMs = FETCH_TIMEOUT_MS } = options;
  const where = shortAddress(url.href);
  const seconds = Math.round(timeoutMs / 1000);
  const stalled = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitAgain = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled.abort(), timeoutMs);
  };
  const stop = () => stalled.abort();
  signal?.addEventListener('abort', stop);
  const failed = (problem: string): SourceText => {
    // Cancelling is not a problem of the file: the caller says it was cancelled.
    signal?.throwIfAborted();
    return { ok: false, transient: true, problems: [`(address): ${problem}`] };
  };
  const timedOut = () =>
    failed(`${where} sent nothing for ${seconds} seconds, so opening it was stopped; try again`);
  waitAgain();
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: stalled.signal, credentials: 'omit' });
    } catch {
      if (stalled.signal.aborted) return signal?.aborted ? failed('') : timedOut();
      return failed(
        `${where} could not be reached; check the address, the network, and that the server allows other sites to read it (CORS)`,
      );
    }
    if (!response.ok) {
      return {
        ok: false,
        problems: [`(address): ${where} answered ${response.status} ${response.statusText}`.trim()],
        transient: response.status >= 500 || response.status === 408 || response.status === 429,
      };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_BUNDLE_BYTES) return tooLarge(declared);
    const reader = response.body?.getReader();
    if (!reader) return { ok: true, text: await response.text() };
    const chunks: Uint8Array[] = [];
    let received = 0;
    try {
      for (;;) {
        waitAgain();
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > MAX_BUNDLE_BYTES) {
          await reader.cancel().catch(() => undefined);
          return tooLarge(received, true);
        }
        chunks.push(value);
      }
    } catch {
      if (stalled.signal.aborted && !signal?.aborted) return timedOut();
      return failed(`${where} stopped sending the map before its end; try again`);
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { ok: true, text: new TextDecoder().decode(bytes) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}
