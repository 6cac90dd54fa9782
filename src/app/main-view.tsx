import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatRoute, type View } from '../model/route';
import { useAtlasStore } from '../store/atlas-store';
import { routeOf } from '../store/selectors';
import { ConceptMap, type MapEditing } from '../features/explorer/concept-map';
import { Legend } from '../features/explorer/legend';
import { MapToolbar } from '../features/explorer/map-toolbar';
import { StudyBadges } from '../features/study/study-badges';

// The quiz and the outline are not needed for the first paint, so they load on demand.
const QuizView = lazy(() =>
  import('../features/study/quiz-view').then((m) => ({ default: m.QuizView })),
);
const OutlineTree = lazy(() =>
  import('../features/study/outline-tree').then((m) => ({ default: m.OutlineTree })),
);

/** What the map of a draft does with a relation drawn and a concept dragged. */
const draftEditing: MapEditing = {
  onConnect: (source, target) =>
    useAtlasStore.getState().openRelationForm({ kind: 'new', source, target }),
  onPlace: (conceptId, position) =>
    void import('../features/authoring/draft-actions').then((m) =>
      m.placeConcept(conceptId, position),
    ),
};

const DraftMapHint = lazy(() =>
  import('../features/authoring/draft-map-hint').then((m) => ({ default: m.DraftMapHint })),
);

/** Where "Skip past the map" lands: the details panel's id (see ConceptDetails). */
const DETAILS_ID = 'concept-details';
const AFTER_MAP_ID = 'after-the-map';

const viewLabels: Partial<Record<View, string>> = { map: 'Map', outline: 'Outline', quiz: 'Quiz' };

/** Links to the three ways of studying the argument; the URL says which one is shown. */
function ViewSwitcher() {
  // The whole route, so that each link keeps the current selection, focus and filters.
  const route = useAtlasStore(useShallow(routeOf));
  return (
    <nav className="view-switcher" aria-label="Views">
      {(Object.keys(viewLabels) as View[]).map((v) => (
        <a
          key={v}
          className="view-switcher__link"
          href={formatRoute({ ...route, view: v })}
          aria-current={route.view === v ? 'page' : undefined}
        >
          {viewLabels[v]}
        </a>
      ))}
    </nav>
  );
}

// Each map gets its own React Flow instance, which fits the new map into view when it opens.
const mapKeys = new WeakMap<object, number>();
let mapsSeen = 0;
const mapKey = (atlas: object | null) => {
  if (!atlas) return 0;
  if (!mapKeys.has(atlas)) mapKeys.set(atlas, (mapsSeen += 1));
  return mapKeys.get(atlas);
};

/**
 * The first stop of the map for the keyboard: it jumps past the map's concepts to the details
 * panel (or, where it is not beside the map, to what follows the map). A button, not a link: the
 * address's hash says what is selected, and a jump must not change it.
 */
function SkipPastMap() {
  return (
    <button
      type="button"
      className="skip-link"
      onClick={() => {
        const details = document.getElementById(DETAILS_ID);
        const target = details ?? document.getElementById(AFTER_MAP_ID);
        target?.focus();
      }}
    >
      Skip past the map
    </button>
  );
}

function recordAnswer(conceptIds: string[]) {
  useAtlasStore.getState().markQuizzed(conceptIds);
}

/**
 * The map, the outline or the quiz, with the view switcher and (on the map) its toolbar. On a
 * narrow screen (`narrow`) the tabs switch the views and the header's menu holds the map's
 * options, so the view has the whole height.
 */
export function MainView({ toggles, narrow }: { toggles?: React.ReactNode; narrow?: boolean }) {
  const view = useAtlasStore((s) => s.view);
  // Which map this is, not the map itself, which a key typed into a draft changes.
  const atlasKey = useAtlasStore((s) => (s.source.kind === 'draft' ? 0 : mapKey(s.atlas)));
  // A new draft's map is empty: it says what to do first instead.
  const emptyDraft = useAtlasStore(
    (s) => s.source.kind === 'draft' && s.atlas?.graph.concepts.length === 0,
  );
  // A draft's map is drawn again with every change: it stays the same map, camera and all.
  const draftId = useAtlasStore((s) => (s.source.kind === 'draft' ? s.draft?.id : undefined));
  return (
    <div className="map-pane">
      {narrow ? null : view === 'map' ? (
        <MapToolbar>
          <ViewSwitcher />
          {toggles}
        </MapToolbar>
      ) : (
        <div className="map-toolbar">
          <ViewSwitcher />
          {toggles}
        </div>
      )}
      <div className="map-pane__canvas">
        {view === 'map' ? (
          <>
            {emptyDraft ? (
              <Suspense fallback={null}>
                <DraftMapHint />
              </Suspense>
            ) : (
              <>
                <SkipPastMap />
                {draftId === undefined ? (
                  <ConceptMap key={atlasKey} />
                ) : (
                  <ConceptMap key={draftId} editing={draftEditing} />
                )}
                <span id={AFTER_MAP_ID} tabIndex={-1} />
                <Legend />
              </>
            )}
          </>
        ) : null}
        {view === 'outline' ? (
          <Suspense fallback={<p className="loading">Loading the outline…</p>}>
            <OutlineTree renderBadges={(id) => <StudyBadges conceptId={id} />} />
          </Suspense>
        ) : null}
        {view === 'quiz' ? (
          <Suspense fallback={<p className="loading">Loading the quiz…</p>}>
            <QuizView onAnswered={recordAnswer} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
