import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { defaultPreferences, type Preferences } from './slices/ui-slice';

export const PREFERENCES_KEY = 'concept-atlas:preferences';

/** The version of the saved preferences; 1 was the format before the store kept them itself. */
export const PREFERENCES_VERSION = 2;

const READ_PROBLEM = 'Your saved layout preferences could not be read, so the defaults are used.';
const UNREADABLE = 'Saved preferences cannot be read here.';

const within = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/**
 * Saved preferences with only the fields they should have, or null when they are not that.
 * Missing fields (an older save) take their defaults. Checked by hand rather than with zod: this
 * runs before the first paint, and zod stays in the chunk that checks bundles.
 */
export function asPreferences(value: unknown): Preferences | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = { ...defaultPreferences, ...(value as Record<string, unknown>) };
  const panels = v.panels;
  if (!Array.isArray(panels) || panels.length !== 3) return null;
  const [map, details, article] = panels as unknown[];
  if (!within(map, 5, 95) || !within(details, 0, 95) || !within(article, 0, 95)) return null;
  if (typeof v.showCrossLinks !== 'boolean') return null;
  if (v.textSize !== 'normal' && v.textSize !== 'large') return null;
  if (v.theme !== 'standard' && v.theme !== 'projector') return null;
  if (typeof v.audiencePreview !== 'boolean') return null;
  return {
    panels: [map, details, article],
    showCrossLinks: v.showCrossLinks,
    textSize: v.textSize,
    theme: v.theme,
    audiencePreview: v.audiencePreview,
  };
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Where `persist` keeps the preferences: the browser's storage, read and written with care. A
 * value that cannot be read, or a save the browser refuses (full or private storage), is not an
 * error but a problem said in plain words through `report`; the app goes on with what it has.
 * A save is written only when the preferences changed, not on every change of the store, and
 * never before the saved value was read: `persist` saves on every change, also those made before
 * the store is restored, which would overwrite the preferences it is about to restore.
 */
export function preferencesStorage(
  report: (problem: string) => void,
  storage: () => Storage | null = localStorageOrNull,
): PersistStorage<Preferences> {
  let lastWritten: string | null = null;
  let read = false;
  return {
    getItem: (name) => {
      read = true;
      let raw: string | null;
      try {
        raw = storage()?.getItem(name) ?? null;
      } catch {
        report(UNREADABLE);
        return null;
      }
      if (raw === null) return null;
      lastWritten = raw;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        report(READ_PROBLEM);
        return null;
      }
      if (value !== null && typeof value === 'object' && 'state' in value) {
        return value as StorageValue<Preferences>;
      }
      // The first format: the preferences themselves, with `version: 1` among them.
      return { state: value as Preferences, version: 1 };
    },
    setItem: (name, value) => {
      if (!read) return;
      const serialised = JSON.stringify(value);
      if (serialised === lastWritten) return;
      lastWritten = serialised;
      try {
        storage()?.setItem(name, serialised);
      } catch (error) {
        const full = error instanceof DOMException && error.name === 'QuotaExceededError';
        report(
          full
            ? 'Preferences could not be saved: the browser storage is full.'
            : 'Preferences could not be saved in this browser.',
        );
      }
    },
    removeItem: (name) => {
      try {
        storage()?.removeItem(name);
      } catch {
        // Nothing to forget where nothing can be stored.
      }
    },
  };
}

/** A notice that says one more problem, without saying the same one twice. */
export const withProblem = (notice: string | null, problem: string) =>
  notice === null || notice === ''
    ? problem
    : notice.includes(problem)
      ? notice
      : `${notice} ${problem}`;

/** How the store keeps its preferences across visits: which fields, checked as they come back. */
export function preferencesOptions<S extends Preferences & { notice: string | null }>(
  report: (problem: string) => void,
): PersistOptions<S, Preferences> {
  return {
    name: PREFERENCES_KEY,
    version: PREFERENCES_VERSION,
    // Restored by the entry once the URL has been read, so that a notice about the link and one
    // about the preferences both show; in tests, only where a test asks for it.
    skipHydration: true,
    storage: preferencesStorage(report),
    partialize: (state) => ({
      panels: state.panels,
      showCrossLinks: state.showCrossLinks,
      textSize: state.textSize,
      theme: state.theme,
      audiencePreview: state.audiencePreview,
    }),
    // Version 1 held the same fields beside its version number; `merge` checks them.
    migrate: (persisted) => persisted as Preferences,
    merge: (persisted, current) => {
      if (persisted === undefined) return current;
      const preferences = asPreferences(persisted);
      // Said through the state being restored, which would otherwise overwrite a report.
      if (!preferences) return { ...current, notice: withProblem(current.notice, READ_PROBLEM) };
      return { ...current, ...preferences };
    },
  };
}
