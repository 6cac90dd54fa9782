import type { Slice } from './types';

export type Theme = 'standard' | 'projector';

export type TextSize = 'normal' | 'large';

export type NarrowTab = 'map' | 'details' | 'article';

/** The app's chrome: preferences, the narrow screen's tab, the open dialogs and the notice. */
export type UiState = {
  theme: Theme;
  textSize: TextSize;
  /** Panel widths in percent: map, details, article (the panel group reports them). */
  panels: [number, number, number];
  /** Links between sections cross the whole map; by default only the selection's are drawn. */
  showCrossLinks: boolean;
  /** The presenter view shows a live preview of the class's screen (a weak laptop may not want it). */
  audiencePreview: boolean;
  /**
   * What a narrow screen shows, where the panels cannot sit side by side: the main view (`map`:
   * the map, the outline or the quiz, as `view` says), the details or the article.
   */
  narrowTab: NarrowTab;
  shortcutsOpen: boolean;
  openMapOpen: boolean;
  /** The dialog that starts a new map from an article. */
  newMapOpen: boolean;
  /** The list of the drafts kept in this browser, to open, rename or delete. */
  draftsOpen: boolean;
  tourPickerOpen: boolean;
  /** The dialog that prints the handout. */
  printOpen: boolean;
  /** Whether the printed handout carries the student's own notes. */
  handoutNotes: boolean;
  /** A message for the status region, such as an unknown concept in a shared link. */
  notice: string | null;
  /**
   * What screen readers are told of a change made (a relation saved): the page shows the change
   * itself. Counted, so that the same words said twice are announced twice.
   */
  announcement: { text: string; count: number } | null;
};

export type UiActions = {
  setTheme: (theme: Theme) => void;
  setTextSize: (size: TextSize) => void;
  setPanels: (panels: [number, number, number]) => void;
  setShowCrossLinks: (show: boolean) => void;
  setAudiencePreview: (show: boolean) => void;
  setNarrowTab: (tab: NarrowTab) => void;
  setShortcutsOpen: (open: boolean) => void;
  setOpenMapOpen: (open: boolean) => void;
  setNewMapOpen: (open: boolean) => void;
  setDraftsOpen: (open: boolean) => void;
  setTourPickerOpen: (open: boolean) => void;
  setPrintOpen: (open: boolean) => void;
  setHandoutNotes: (include: boolean) => void;
  setNotice: (notice: string | null) => void;
  announce: (text: string) => void;
};

/** The preferences kept for the next visit (see preferences.ts). */
export type Preferences = Pick<
  UiState,
  'panels' | 'showCrossLinks' | 'textSize' | 'theme' | 'audiencePreview'
>;

export const defaultPreferences: Preferences = {
  panels: [50, 22, 28],
  showCrossLinks: false,
  textSize: 'normal',
  theme: 'standard',
  audiencePreview: true,
};

export const createUiSlice: Slice<UiState & UiActions> = (set) => ({
  ...defaultPreferences,
  narrowTab: 'map',
  shortcutsOpen: false,
  openMapOpen: false,
  newMapOpen: false,
  draftsOpen: false,
  tourPickerOpen: false,
  printOpen: false,
  handoutNotes: false,
  notice: null,
  announcement: null,
  setTheme: (theme) => set({ theme }),
  setTextSize: (textSize) => set({ textSize }),
  setPanels: (panels) => set({ panels }),
  setShowCrossLinks: (showCrossLinks) => set({ showCrossLinks }),
  setAudiencePreview: (audiencePreview) => set({ audiencePreview }),
  setNarrowTab: (narrowTab) => set({ narrowTab }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setOpenMapOpen: (openMapOpen) => set({ openMapOpen }),
  setNewMapOpen: (newMapOpen) => set({ newMapOpen }),
  setDraftsOpen: (draftsOpen) => set({ draftsOpen }),
  setTourPickerOpen: (tourPickerOpen) => set({ tourPickerOpen }),
  setPrintOpen: (printOpen) => set({ printOpen }),
  setHandoutNotes: (handoutNotes) => set({ handoutNotes }),
  setNotice: (notice) => set({ notice }),
  announce: (text) =>
    set((state) => ({ announcement: { text, count: (state.announcement?.count ?? 0) + 1 } })),
});
