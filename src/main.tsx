import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import { App } from './components/app';
import { ErrorBoundary } from './components/error-boundary';
import { UpdatePrompt } from './components/update-prompt';
import { loadBuiltInAtlas } from './content';
import { openStartupBundle } from './lib/bundle-actions';
import { startPreferencesSync } from './lib/preferences-sync';
import { startStudySync } from './lib/study-sync';
import { startUrlSync } from './lib/url-sync';
import { useAtlasStore } from './store/atlas-store';

const loaded = loadBuiltInAtlas();
if (loaded.ok) useAtlasStore.getState().setAtlas(loaded.atlas);
else useAtlasStore.getState().setProblems(loaded.problems);
startUrlSync();
startPreferencesSync();
startStudySync();
openStartupBundle();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <UpdatePrompt />
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

// The offline copy is for the hosted build only: dev, tests and the single file never load it.
if (import.meta.env.PROD && import.meta.env.MODE !== 'single') {
  void import('./lib/service-worker').then((m) => m.registerServiceWorker());
}
