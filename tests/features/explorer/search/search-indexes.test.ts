import { describe, expect, it } from 'vitest';
import {
  loadSearchIndex,
  markRehearsed,
  needsRehearsal,
} from '../../../../src/features/explorer/search/search-indexes';
import { fixtureAtlas } from '../../../fixtures/load-fixture';

const going = () => new AbortController().signal;

describe('the search indexes', () => {
  it('builds a map’s index once and hands out the same one after', async () => {
    const atlas = await fixtureAtlas();
    const first = await loadSearchIndex(atlas, going());
    expect(first?.atlas).toBe(atlas);
    expect(first?.index.lookup('pipes', 8, 50).ids).toContain('pipes');
    expect(first?.rehearsal).not.toBe('');
    const again = await loadSearchIndex(atlas, going());
    expect(again?.index).toBe(first?.index);
  });

  it('keeps one index per map', async () => {
    const [one, other] = await Promise.all([fixtureAtlas(), fixtureAtlas()]);
    const a = await loadSearchIndex(one, going());
    const b = await loadSearchIndex(other, going());
    expect(a?.index).not.toBe(b?.index);
  });

  it('gives nothing once the request is aborted', async () => {
    const atlas = await fixtureAtlas();
    const stop = new AbortController();
    stop.abort();
    expect(await loadSearchIndex(atlas, stop.signal)).toBeNull();
  });

  it('rehearses each map’s list once, and only a map it has indexed', async () => {
    const atlas = await fixtureAtlas();
    expect(needsRehearsal(atlas)).toBe(false);
    await loadSearchIndex(atlas, going());
    expect(needsRehearsal(atlas)).toBe(true);
    markRehearsed(atlas);
    expect(needsRehearsal(atlas)).toBe(false);
  });
});
