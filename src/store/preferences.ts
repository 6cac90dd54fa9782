const STORAGE_KEY = 'concept-atlas:preferences';

export type Preferences = {
  version: 1;
  /** Panel widths in percent: map, details, article. */
  panels: [number, number, number];
  showCrossLinks: boolean;
  textSize: 'normal' | 'large';
  theme: 'standard' | 'projector';
};

const within = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/**
 * Saved preferences with only the fields they should have, or null when they are not that.
 * Checked by hand rather than with zod: this runs before the first paint.
 */
export function asPreferences(value: unknown): Preferences | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const panels = v.panels;
  if (v.version !== 1 || !Array.isArray(panels) || panels.length !== 3) return null;
  const [map, details, article] = panels as unknown[];
  if (!within(map, 5, 95) || !within(details, 0, 95) || !within(article, 0, 95)) return null;
  if (typeof v.showCrossLinks !== 'boolean') return null;
  if (v.textSize !== 'normal' && v.textSize !== 'large') return null;
  if (v.theme !== 'standard' && v.theme !== 'projector') return null;
  return {
    version: 1,
    panels: [map, details, article],
    showCrossLinks: v.showCrossLinks,
    textSize: v.textSize,
    theme: v.theme,
  };
}

export const defaultPreferences: Preferences = {
  version: 1,
  panels: [50, 22, 28],
  showCrossLinks: false,
  textSize: 'normal',
  theme: 'standard',
};

export type LoadedPreferences = { preferences: Preferences; problem: string | null };

/**
 * Reads the saved preferences, validated: a corrupt or foreign value is discarded, with a message,
 * and the defaults are used instead.
 */
export function loadPreferences(storage: Storage | null = safeStorage()): LoadedPreferences {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { preferences: defaultPreferences, problem: 'Saved preferences cannot be read here.' };
  }
  if (raw === null) return { preferences: defaultPreferences, problem: null };
  try {
    const value: unknown = JSON.parse(raw);
    // Missing fields (an older save) take their defaults; anything else must be valid.
    const parsed =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? asPreferences({ ...defaultPreferences, ...value })
        : asPreferences(value);
    if (parsed) return { preferences: parsed, problem: null };
  } catch {
    // Not JSON: handled below like any other unreadable value.
  }
  return {
    preferences: defaultPreferences,
    problem: 'Your saved layout preferences could not be read, so the defaults are used.',
  };
}

/** Saves the preferences; says why when the browser refuses (full or private storage). */
export function savePreferences(
  preferences: Preferences,
  storage: Storage | null = safeStorage(),
): string | null {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
    return null;
  } catch (error) {
    const full = error instanceof DOMException && error.name === 'QuotaExceededError';
    return full
      ? 'Preferences could not be saved: the browser storage is full.'
      : 'Preferences could not be saved in this browser.';
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
