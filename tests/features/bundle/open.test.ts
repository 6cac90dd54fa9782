import { describe, expect, it } from 'vitest';
import { nameOfUrl, loadBundle } from '../../../src/features/bundle/open';
import { copy, memoryBundleStorage, smallBundle } from '../../fixtures/bundle-fixture';

const progress = () => undefined;
const file = (value: unknown, name = 'reading.json') =>
  new File([JSON.stringify(value)], name, { type: 'application/json' });

describe('opening a bundle and keeping it for the next visit', () => {
  it('keeps an opened bundle, and opens it again from storage', async () => {
    const storage = memoryBundleStorage();
    const bundle = await smallBundle();
    const opened = await loadBundle(
      { kind: 'file', file: file(bundle) },
      { onProgress: progress, storage },
    );
    expect(opened).toMatchObject({ ok: true, name: 'reading.json' });
    // Kept only when asked, once the map is drawn.
    expect(storage.value()).toBeUndefined();
    expect(opened.ok && (await opened.keep())).toBeNull();
    expect(storage.value()).toMatchObject({ version: 1, name: 'reading.json', layout: null });
    const again = await loadBundle({ kind: 'saved' }, { onProgress: progress, storage });
    expect(again.ok && again.atlas.article.meta.title).toBe(bundle.article.title);
  });

  it('says so when the browser has no room to keep it, and still opens it', async () => {
    const full = new DOMException('full', 'QuotaExceededError');
    const storage = memoryBundleStorage(undefined, full);
    const opened = await loadBundle(
      { kind: 'file', file: file(await smallBundle()) },
      { onProgress: progress, storage },
    );
    expect(opened.ok).toBe(true);
    expect(opened.ok && (await opened.keep())).toBe(
      '“reading.json” is open, but the browser has no room to keep it for your next visit.',
    );
  });

  it('reports a corrupt saved bundle instead of failing, and re-checks what was saved', async () => {
    for (const saved of [undefined, 'garbage', { version: 9 }]) {
      const result = await loadBundle(
        { kind: 'saved' },
        { onProgress: progress, storage: memoryBundleStorage(saved) },
      );
      expect(result).toEqual({
        ok: false,
        name: 'your saved map',
        problems: ['(saved map): it could not be read from this browser'],
      });
    }
    const broken = copy(await smallBundle());
    broken.graph.relations = [{ ...broken.graph.relations[0]!, target: 'nowhere' }];
    const tampered = memoryBundleStorage({
      version: 1,
      name: 'old.json',
      text: JSON.stringify(broken),
      layout: null,
    });
    const result = await loadBundle({ kind: 'saved' }, { onProgress: progress, storage: tampered });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(
      /^graph.relations\[0\] \([a-z0-9-]+\)\.target: unknown concept "nowhere"/,
    );
  });

  it('fetches only http and https addresses and names them by their file', async () => {
    const result = await loadBundle(
      { kind: 'url', url: 'data:application/json,{}' },
      { onProgress: progress, storage: memoryBundleStorage(), base: 'https://school.example/' },
    );
    expect(!result.ok && result.problems).toEqual([
      '(address): only http and https addresses can be opened',
    ]);
    expect(nameOfUrl('maps/reading%201.json?x=1', 'https://school.example/atlas/')).toBe(
      'reading 1.json',
    );
    expect(nameOfUrl('https://school.example/', 'https://other.example/')).toBe('school.example');
  });
});
