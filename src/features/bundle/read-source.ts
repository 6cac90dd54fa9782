import { MAX_BUNDLE_BYTES } from '../../model/bundle-format';
import { describeSize } from '../../model/untrusted-json';

/** Text read from a file or a server, or why it could not be read. */
export type SourceText = { ok: true; text: string } | { ok: false; problems: string[] };

const tooLarge = (bytes: number) => ({
  ok: false as const,
  problems: [
    `(file): the file is ${describeSize(bytes)}; the limit is ${describeSize(MAX_BUNDLE_BYTES)}`,
  ],
});

/** Reads a chosen or dropped file; one over the size limit is refused before it is read. */
export async function readBundleFile(file: Blob): Promise<SourceText> {
  if (file.size > MAX_BUNDLE_BYTES) return tooLarge(file.size);
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, problems: ['(file): the file could not be read'] };
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

/**
 * Fetches a bundle, stopping as soon as it passes the size limit, so that a huge or endless
 * response never fills the memory.
 */
export async function fetchBundle(url: URL, signal?: AbortSignal): Promise<SourceText> {
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null, credentials: 'omit' });
  } catch (error) {
    if (signal?.aborted) throw error;
    return {
      ok: false,
      problems: [
        `(address): ${url.href} could not be reached; check the address, the network, and that the server allows other sites to read it (CORS)`,
      ],
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      problems: [
        `(address): ${url.href} answered ${response.status} ${response.statusText}`.trim(),
      ],
    };
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BUNDLE_BYTES) return tooLarge(declared);
  if (!response.body) return { ok: true, text: await response.text() };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_BUNDLE_BYTES) {
      await reader.cancel();
      return tooLarge(received);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}
