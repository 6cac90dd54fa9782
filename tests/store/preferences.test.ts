import { afterEach, describe, expect, it } from 'vitest';
import { useAtlasStore } from '../../src/store/atlas-store';
import {
  PREFERENCES_KEY,
  PREFERENCES_VERSION,
  asPreferences,
  preferencesStorage,
} from '../../src/store/preferences';
import { defaultPreferences } from '../../src/store/slices/ui-slice';
import { memoryStorage } from '../fixtures/memory-storage';

const standardOptions = useAtlasStore.persist.getOptions();

/** Points the store's preferences at `storage` and reads them back, as a new visit would. */
async function visitWith(storage: Storage) {
  useAtlasStore.persist.setOptions({
    storage: preferencesStorage(
      (notice) => useAtlasStore.setState({ notice }),
      () => storage,
    ),
  });
  await useAtlasStore.persist.rehydrate();
  return useAtlasStore.getState();
}

const full = () => {
  const storage = memoryStorage();
  storage.setItem = () => {
    throw new DOMException('full', 'QuotaExceededError');
  };
  return storage;
};

afterEach(() => useAtlasStore.persist.setOptions(standardOptions));

describe('preferences', () => {
  it('are kept for the next visit, and only they', async () => {
    const storage = memoryStorage();
    await visitWith(storage);
    useAtlasStore.getState().setPanels([60, 15, 25]);
    useAtlasStore.getState().setTextSize('large');
    useAtlasStore.getState().setAudiencePreview(false);
    useAtlasStore.getState().select(null);
    const saved = JSON.parse(storage.getItem(PREFERENCES_KEY) ?? '{}');
    expect(saved).toEqual({
      version: PREFERENCES_VERSION,
      state: {
        ...defaultPreferences,
        panels: [60, 15, 25],
        textSize: 'large',
        audiencePreview: false,
      },
    });

    const nextVisit = memoryStorage({ [PREFERENCES_KEY]: storage.getItem(PREFERENCES_KEY) ?? '' });
    useAtlasStore.setState(useAtlasStore.getInitialState(), true);
    expect(await visitWith(nextVisit)).toMatchObject({
      panels: [60, 15, 25],
      textSize: 'large',
      audiencePreview: false,
    });
  });

  it('are never overwritten by changes made before they were restored', async () => {
    const saved = JSON.stringify({ version: PREFERENCES_VERSION, state: { theme: 'projector' } });
    const storage = memoryStorage({ [PREFERENCES_KEY]: saved });
    useAtlasStore.persist.setOptions({
      storage: preferencesStorage(
        () => {},
        () => storage,
      ),
    });
    useAtlasStore.getState().setNotice('The page is starting.');
    expect(storage.getItem(PREFERENCES_KEY)).toBe(saved);
    await useAtlasStore.persist.rehydrate();
    expect(useAtlasStore.getState().theme).toBe('projector');
  });

  it('use the defaults silently on a first visit', async () => {
    const state = await visitWith(memoryStorage());
    expect(state).toMatchObject({ ...defaultPreferences, notice: null });
  });

  it('read the format saved before the store kept them, missing fields taking defaults', async () => {
    const old = JSON.stringify({ version: 1, panels: [40, 30, 30], theme: 'projector' });
    const state = await visitWith(memoryStorage({ [PREFERENCES_KEY]: old }));
    expect(state).toMatchObject({ panels: [40, 30, 30], theme: 'projector', textSize: 'normal' });
    expect(state.notice).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['a foreign value', '{"version":1,"panels":"wide"}'],
    ['out-of-range sizes', `{"version":${PREFERENCES_VERSION},"state":{"panels":[500,-1,3]}}`],
    ['a bare number', '42'],
  ])('discard %s with a message and fall back to the defaults', async (_, raw) => {
    const state = await visitWith(memoryStorage({ [PREFERENCES_KEY]: raw }));
    expect(state).toMatchObject(defaultPreferences);
    expect(state.notice).toMatch(/could not be read/);
  });

  it('say when the browser refuses to save, and keep the choice on screen', async () => {
    await visitWith(full());
    useAtlasStore.getState().setTextSize('large');
    expect(useAtlasStore.getState().notice).toMatch(/storage is full/);
    expect(useAtlasStore.getState().textSize).toBe('large');
  });

  it('accept only the fields they should have', () => {
    expect(asPreferences({ ...defaultPreferences, extra: 'x' })).toEqual(defaultPreferences);
    expect(asPreferences({ ...defaultPreferences, textSize: 'huge' })).toBeNull();
    expect(asPreferences({ ...defaultPreferences, audiencePreview: 'no' })).toBeNull();
    expect(asPreferences([])).toBeNull();
  });
});
