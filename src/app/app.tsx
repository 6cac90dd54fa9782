import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { backToBuiltIn, openBundle } from '../features/bundle/bundle-actions';
import { headlineOf } from '../model/text';
import { safeHref } from '../shared/safe-href';
import { listenToPageKeys, usePageKeys, type KeyGroup } from '../shared/page-keys';
import { useFileDrop } from './use-file-drop';
import { useMediaQuery } from '../shared/use-media-query';
import { ConceptMap } from '../features/explorer/concept-map';
import { ExportStepImage } from '../features/explorer/export-step';
import { focusMap } from '../features/explorer/map/focus-map';
import { useAtlasStore } from '../store/atlas-store';
import type { DraftLayOut } from '../store/draft-layout';
import { selectTextScale } from '../store/selectors';
import { BundleStatus } from '../features/bundle/bundle-status';
import { DataProblems } from './data-problems';
import { HeaderMenu } from './header-menu';
import { NarrowLayout, WideLayout } from './panels';
import { MapToolbar } from '../features/explorer/map-toolbar';
import { SearchBox } from '../features/explorer/search-box';
import { StatusRegion } from './status-region';

// Presenting is not needed for the first paint, so its views load on demand.
const TourStage = lazy(() =>
  import('../features/presentation/tour-stage').then((m) => ({ default: m.TourStage })),
);
const PresenterView = lazy(() =>
  import('../features/presentation/presenter-view').then((m) => ({ default: m.PresenterView })),
);

const openDroppedFile = (file: File) => void openBundle({ kind: 'file', file });

// Dialogs and the handout load on demand; once opened, a dialog stays mounted so that closing it
// returns focus where it was.
const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog').then((m) => ({ default: m.ShortcutsDialog })),
);
const OpenMapDialog = lazy(() =>
  import('../features/bundle/open-map-dialog').then((m) => ({ default: m.OpenMapDialog })),
);
const NewMapDialog = lazy(() =>
  import('../features/authoring/new-map-dialog').then((m) => ({ default: m.NewMapDialog })),
);
const EditMapDialog = lazy(() =>
  import('../features/authoring/edit-map-dialog').then((m) => ({ default: m.EditMapDialog })),
);
const DraftsDialog = lazy(() =>
  import('../features/authoring/drafts-dialog').then((m) => ({ default: m.DraftsDialog })),
);
// Making a map loads only once a draft is open.
const DraftBar = lazy(() =>
  import('../features/authoring/draft-bar').then((m) => ({ default: m.DraftBar })),
);
const SelectionToolbar = lazy(() =>
  import('../features/authoring/selection-toolbar').then((m) => ({
    default: m.SelectionToolbar,
  })),
);
const RelationDialog = lazy(() =>
  import('../features/authoring/relation-dialog').then((m) => ({ default: m.RelationDialog })),
);
const DraftLayout = lazy(() =>
  import('../features/authoring/draft-layout').then((m) => ({ default: m.DraftLayout })),
);

/** A draft is laid out by the same engine as a bundle: ELK, in a worker where one can start. */
const layOutDraft: DraftLayOut = (graph, anchors, signal) =>
  import('../features/bundle/layout-client').then((m) =>
    m.layoutInBackground(graph, anchors, () => undefined, signal),
  );

const TourPicker = lazy(() =>
  import('../features/presentation/tour-picker').then((m) => ({ default: m.TourPicker })),
);
const PrintDialog = lazy(() =>
  import('../features/study/print-dialog').then((m) => ({ default: m.PrintDialog })),
);
const PrintHandout = lazy(() =>
  import('../features/study/print-handout').then((m) => ({ default: m.PrintHandout })),
);

/** True from the first time `value` is true. */
function useOnceTrue(value: boolean): boolean {
  const [seen, setSeen] = useState(value);
  if (value && !seen) setSeen(true);
  return seen || value;
}

/** The keys of the map and the page; `?` lists these and those of whatever else is on screen. */
const mapKeys: KeyGroup = {
  title: 'Exploring the map',
  keys: [
    {
      keys: ['Tab'],
      does: 'Move to the next control or concept (concepts come in the order of the argument)',
    },
    { keys: ['Enter'], does: 'Select the focused concept' },
    { keys: ['←', '↑', '→', '↓'], does: 'Move to a connected concept in that direction' },
    {
      keys: ['Esc'],
      does: 'Clear the selection, or close a menu',
      test: (e) => e.key === 'Escape',
      perform: () => {
        const store = useAtlasStore.getState();
        // The focus goes back to the map, rather than falling to the page with the details.
        focusMap(store.selectedId);
        store.select(null);
      },
    },
    {
      keys: ['?'],
      does: 'Show this list',
      test: (e) => e.key === '?',
      perform: () => useAtlasStore.getState().setShortcutsOpen(true),
      inDialog: true,
    },
  ],
};

/** The page's one key listener, and the keys of the map. */
function usePageKeyboard() {
  useEffect(() => listenToPageKeys(), []);
  usePageKeys(mapKeys);
}

/**
 * Large text and the projector theme enlarge every reading text: the page's root size, which all
 * rem sizes follow, and `--text-scale` for the map's labels, whose sizes are set in pixels.
 */
function useTextScale() {
  const scale = useAtlasStore(selectTextScale);
  useEffect(() => {
    const root = document.documentElement;
    root.style.fontSize = scale === 1 ? '' : `${scale * 100}%`;
    root.style.setProperty('--text-scale', String(scale));
    return () => {
      root.style.fontSize = '';
      root.style.removeProperty('--text-scale');
    };
  }, [scale]);
}

const APP_NAME = 'Concept Atlas';

/** The browser tab and history name the map on screen, as the header does. */
function useDocumentTitle(mapTitle: string | undefined, startup: boolean) {
  const title = mapTitle ? headlineOf(mapTitle) : startup ? 'Opening a map…' : undefined;
  useEffect(() => {
    document.title = title ? `${title} — ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/**
 * The open-map dialog, mounted the first time it opens. It reads its own flag, so that opening and
 * closing it re-renders the dialog alone rather than the whole app and its map: closing it starts
 * the checking of a file, and the page should answer throughout.
 */
function OpenMapDialogOnceOpened() {
  const mounted = useOnceTrue(useAtlasStore((s) => s.openMapOpen));
  return mounted ? <OpenMapDialog /> : null;
}

/** The new-map dialog, mounted the first time it opens, as the open-map dialog is. */
function NewMapDialogOnceOpened() {
  const mounted = useOnceTrue(useAtlasStore((s) => s.newMapOpen));
  return mounted ? <NewMapDialog /> : null;
}

/** The list of drafts kept in this browser, mounted the first time it opens. */
function DraftsDialogOnceOpened() {
  const mounted = useOnceTrue(useAtlasStore((s) => s.draftsOpen));
  return mounted ? <DraftsDialog onLeave={backToBuiltIn} /> : null;
}

/** Turns the projector theme on and off: in the header, and in a tour's tools while presenting. */
function ProjectorThemeButton() {
  const theme = useAtlasStore((s) => s.theme);
  const setTheme = useAtlasStore((s) => s.setTheme);
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-pressed={theme === 'projector'}
      onClick={() => setTheme(theme === 'projector' ? 'standard' : 'projector')}
    >
      Projector <span className="app-header__word">theme</span>
    </button>
  );
}

export function App() {
  // The map's article and whether it has tours, not the map itself: a key typed into a draft
  // changes the map, and the whole page would be drawn again for it.
  const article = useAtlasStore((s) => s.atlas?.article ?? null);
  const hasTours = useAtlasStore((s) => (s.atlas?.tours.length ?? 0) > 0);
  const problems = useAtlasStore((s) => s.problems);
  const textSize = useAtlasStore((s) => s.textSize);
  const setTextSize = useAtlasStore((s) => s.setTextSize);
  const setShortcutsOpen = useAtlasStore((s) => s.setShortcutsOpen);
  const narrow = useMediaQuery('(max-width: 899px)');
  const view = useAtlasStore((s) => s.view);
  const theme = useAtlasStore((s) => s.theme);
  const picking = useAtlasStore((s) => s.tourPickerOpen);
  const setPicking = useAtlasStore((s) => s.setTourPickerOpen);
  const shortcutsOpen = useAtlasStore((s) => s.shortcutsOpen);
  const shortcutsMounted = useOnceTrue(shortcutsOpen);
  const pickerMounted = useOnceTrue(picking);
  const printOpen = useAtlasStore((s) => s.printOpen);
  const printMounted = useOnceTrue(printOpen);
  const setOpenMapOpen = useAtlasStore((s) => s.setOpenMapOpen);
  const setNewMapOpen = useAtlasStore((s) => s.setNewMapOpen);
  const drafting = useAtlasStore((s) => s.source.kind === 'draft');
  const [copying, setCopying] = useState(false);
  const copyMounted = useOnceTrue(copying);
  const stopCopying = useCallback(() => setCopying(false), []);
  const dragging = useFileDrop(openDroppedFile);
  // A map opened as the page starts (named in the address, or kept from the last visit) is waited
  // for: nothing of the built-in map is shown meanwhile, neither its title nor its panels, only
  // the banner that says what is being opened.
  const startup = useAtlasStore((s) => s.opening?.startup === true);
  const shown = startup ? null : article;
  const sourceHref = safeHref(shown?.meta.source);
  usePageKeyboard();
  useTextScale();
  useDocumentTitle(shown?.meta.title, startup);
  const actions = (
    <>
      <button type="button" className="button button--quiet" onClick={() => setNewMapOpen(true)}>
        New map…
      </button>
      {shown && !drafting ? (
        <button
          type="button"
          className="button button--quiet"
          aria-busy={copying}
          onClick={() => setCopying(true)}
        >
          Edit this map
        </button>
      ) : null}
      <button type="button" className="button button--quiet" onClick={() => setOpenMapOpen(true)}>
        Open map…
      </button>
      {shown && hasTours ? (
        <button type="button" className="button button--quiet" onClick={() => setPicking(true)}>
          Present
        </button>
      ) : null}
      <ProjectorThemeButton />
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={textSize === 'large'}
        onClick={() => setTextSize(textSize === 'large' ? 'normal' : 'large')}
      >
        Large text
      </button>
      <button
        type="button"
        className="button button--quiet app-header__shortcuts"
        aria-keyshortcuts="?"
        onClick={() => setShortcutsOpen(true)}
      >
        <span className="app-header__word">Shortcuts</span> <kbd>?</kbd>
      </button>
      {sourceHref ? (
        <a className="app-header__source" href={sourceHref} rel="noreferrer" target="_blank">
          Source article
        </a>
      ) : null}
    </>
  );
  const presenting = shown !== null && (view === 'tour' || view === 'presenter');
  const editing = shown !== null && drafting && !presenting;
  let main = null;
  if (shown && view === 'tour') {
    main = (
      <TourStage
        map={<ConceptMap />}
        themeToggle={<ProjectorThemeButton />}
        exportStep={<ExportStepImage />}
      />
    );
  } else if (shown && view === 'presenter')
    main = <PresenterView exportStep={<ExportStepImage />} />;
  else if (shown) main = narrow ? <NarrowLayout /> : <WideLayout />;
  return (
    <div
      className={`app app--text-${textSize} theme-${theme}${presenting ? ' is-presenting' : ''}${editing ? ' is-drafting' : ''}`}
    >
      {presenting ? (
        // While presenting, the step takes the screen: the header gives way, its title kept for
        // assistive technology.
        <h1 className="visually-hidden">{shown ? headlineOf(shown.meta.title) : ''}</h1>
      ) : null}
      <header className="app-header" hidden={presenting}>
        <p className="app-header__brand">{APP_NAME}</p>
        <h1 className="app-header__title" title={shown?.meta.title}>
          {shown ? headlineOf(shown.meta.title) : startup ? 'Opening a map…' : 'Concept map'}
        </h1>
        {shown ? <SearchBox /> : null}
        {narrow ? (
          <HeaderMenu>
            <div className="app-header__actions">{actions}</div>
            {shown && view === 'map' ? <MapToolbar /> : null}
          </HeaderMenu>
        ) : (
          <div className="app-header__actions">{actions}</div>
        )}
      </header>
      <StatusRegion />
      {editing ? (
        <Suspense fallback={<div />}>
          <DraftBar onLeave={backToBuiltIn} />
          <SelectionToolbar />
          <RelationDialog />
          <DraftLayout layOut={layOutDraft} />
        </Suspense>
      ) : null}
      <main className="app-main">
        {problems.length > 0 ? <DataProblems problems={problems} /> : null}
        <BundleStatus />
        <Suspense fallback={<p className="loading">Loading…</p>}>{main}</Suspense>
      </main>
      <Suspense fallback={null}>
        {shortcutsMounted ? <ShortcutsDialog /> : null}
        <OpenMapDialogOnceOpened />
        <NewMapDialogOnceOpened />
        <DraftsDialogOnceOpened />
        {copyMounted ? <EditMapDialog open={copying} onClose={stopCopying} /> : null}
        {pickerMounted ? <TourPicker /> : null}
        {printMounted ? <PrintDialog /> : null}
        {shown ? <PrintHandout /> : null}
      </Suspense>
      {dragging ? (
        <div className="file-drop" aria-hidden="true">
          Drop the map file to open it
        </div>
      ) : null}
    </div>
  );
}
