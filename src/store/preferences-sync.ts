import { useAtlasStore } from './atlas-store';
import { loadPreferences, savePreferences, type Preferences } from './preferences';

/** Restores the saved preferences into the store and saves them whenever they change. */
export function startPreferencesSync(storage?: Storage | null): () => void {
  const store = useAtlasStore;
  const { preferences, problem } = loadPreferences(storage);
  store.setState({
    panels: preferences.panels,
    showCrossLinks: preferences.showCrossLinks,
    textSize: preferences.textSize,
    theme: preferences.theme,
    ...(problem ? { notice: [store.getState().notice, problem].filter(Boolean).join(' ') } : {}),
  });
  let lastSaved = JSON.stringify(preferences);
  return store.subscribe((state) => {
    const next: Preferences = {
      version: 1,
      panels: state.panels,
      showCrossLinks: state.showCrossLinks,
      textSize: state.textSize,
      theme: state.theme,
    };
    const serialised = JSON.stringify(next);
    if (serialised === lastSaved) return;
    lastSaved = serialised;
    const failure = savePreferences(next, storage);
    if (failure) store.setState({ notice: failure });
  });
}
