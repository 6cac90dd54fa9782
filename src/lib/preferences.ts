import * as z from 'zod/mini';

const STORAGE_KEY = 'concept-atlas:preferences';

export const preferencesSchema = z.object({
  version: z.literal(1),
  /** Panel widths in percent: map, details, article. */
  panels: z.tuple([
    z.number().check(z.minimum(5), z.maximum(95)),
    z.number().check(z.minimum(0), z.maximum(95)),
    z.number().check(z.minimum(0), z.maximum(95)),
  ]),
  showCrossLinks: z.boolean(),
  textSize: z.enum(['normal', 'large']),
  theme: z.enum(['standard', 'projector']),
});

export type Preferences = z.infer<typeof preferencesSchema>;

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
        ? preferencesSchema.safeParse({ ...defaultPreferences, ...value })
        : preferencesSchema.safeParse(value);
    if (parsed.success) return { preferences: parsed.data, problem: null };
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
