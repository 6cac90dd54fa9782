import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import { UpdatePrompt } from './update-prompt';
import { loadBuiltInAtlas } from '../features/bundle/built-in';
import { openStartupBundle } from '../features/bundle/bundle-actions';
import { startStudySync } from '../store/study-sync';
import { startUrlSync } from '../store/url-sync';
import { openDraftId } from '../store/draft-flag';
import { useAtlasStore } from '../store/atlas-store';

// Read before the address is made to fit the built-in map: a draft or a bundle opened as the
// page starts shows what it names (a tour of its own, say).
const startHash = location.hash;
const loaded = loadBuiltInAtlas();
if (loaded.ok) useAtlasStore.getState().setAtlas(loaded.atlas);
else useAtlasStore.getState().setProblems(loaded.problems);
startUrlSync();
void useAtlasStore.persist.rehydrate();
startStudySync();
// A draft open at the end of the last visit opens again, unless a link names a map to open.
const draftId = new URLSearchParams(location.search).has('bundle') ? null : openDraftId();
if (draftId === null) openStartupBundle(window, startHash);
else {
  useAtlasStore.getState().setOpening({ name: 'your draft', done: 0, total: 0, startup: true });
  void import('../features/authoring/draft-actions').then((m) =>
    m.restoreStartupDraft(draftId, startHash),
  );
}

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
  void import('./service-worker').then((m) => m.registerServiceWorker());
}
