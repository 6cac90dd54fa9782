import './lib/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import { App } from './components/app';
import { ErrorBoundary } from './components/error-boundary';
import { loadBuiltInAtlas } from './content';
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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
