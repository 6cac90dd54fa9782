import { describe, expect, it } from 'vitest';
import { defaultPreferences, loadPreferences, savePreferences } from '../../src/store/preferences';
import { startPreferencesSync } from '../../src/store/preferences-sync';
import { useAtlasStore } from '../../src/store/atlas-store';
import { memoryStorage } from '../fixtures/memory-storage';

const KEY = 'concept-atlas:preferences';

describe('preferences', () => {
  it('round-trips what was saved', () => {
    const storage = memoryStorage();
    const mine = {
      ...defaultPreferences,
      panels: [60, 15, 25] as [number, number, number],
      textSize: 'large' as const,
    };
    expect(savePreferences(mine, storage)).toBeNull();
    expect(loadPreferences(storage)).toEqual({ preferences: mine, problem: null });
  });

  it('uses the defaults silently on a first visit', () => {
    expect(loadPreferences(memoryStorage())).toEqual({
      preferences: defaultPreferences,
      problem: null,
    });
  });

  it.each([
    ['not JSON', '{oops'],
    ['a foreign value', '{"version":2,"panels":"wide"}'],
    ['out-of-range sizes', '{"version":1,"panels":[500,-1,3]}'],
    ['a bare number', '42'],
  ])('discards %s with a message and falls back to the defaults', (_, raw) => {
    const loaded = loadPreferences(memoryStorage({ [KEY]: raw }));
    expect(loaded.preferences).toEqual(defaultPreferences);
    expect(loaded.problem).toMatch(/could not be read/);
  });

  it('says when the browser refuses to save', () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(savePreferences(defaultPreferences, full)).toMatch(/storage is full/);
  });

  it('restores into the store, saves changes, and reports a corrupt value in the notice', () => {
    const storage = memoryStorage({ [KEY]: 'garbage' });
    const stop = startPreferencesSync(storage);
    expect(useAtlasStore.getState().notice).toMatch(/could not be read/);
    useAtlasStore.getState().setShowCrossLinks(true);
    expect(JSON.parse(storage.getItem(KEY) ?? '{}')).toMatchObject({ showCrossLinks: true });
    stop();
  });

  it('reports a failed save in the notice', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const stop = startPreferencesSync(storage);
    useAtlasStore.getState().setTextSize('large');
    expect(useAtlasStore.getState().notice).toMatch(/storage is full/);
    expect(useAtlasStore.getState().textSize).toBe('large');
    stop();
  });
});
