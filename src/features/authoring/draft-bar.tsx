import { Redo2, Route, Undo2 } from 'lucide-react';
import { useStore } from 'zustand';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';
import { useAtlasStore } from '../../store/atlas-store';
import { exportDraft, redoDraft, undoDraft } from './draft-actions';
import './authoring.css';

const isUndo = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z';

/**
 * Undo and redo, while a draft is open. Not while typing in a field: there the browser's own undo
 * takes back the letters typed.
 */
const draftKeys: KeyGroup = {
  title: 'Making a map',
  precedence: 1,
  keys: [
    {
      keys: ['Ctrl+Z'],
      does: 'Undo the last change to the draft',
      test: (event) => isUndo(event) && !event.shiftKey,
      perform: undoDraft,
    },
    {
      keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
      does: 'Redo the change undone',
      test: (event) =>
        (isUndo(event) && event.shiftKey) ||
        ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'y'),
      perform: redoDraft,
    },
  ],
};

function SavingState() {
  const saving = useAtlasStore((s) => s.draftSaving);
  if (saving.state === 'failed') {
    return (
      <div className="draft-bar__saving draft-bar__saving--failed" role="alert">
        Not saved: {saving.problem} Your work is still here while this page stays open.{' '}
        <button type="button" className="button" onClick={exportDraft}>
          Export now
        </button>
      </div>
    );
  }
  return (
    <p className="draft-bar__saving">
      {saving.state === 'pending' ? 'Saving…' : 'Saved in this browser'}
    </p>
  );
}

/** The Tours button's id: closing the tours editor brings the focus back to it. */
export const TOURS_TOGGLE = 'draft-tours-toggle';

/** Shows the tours editor in the details panel, or the concept's form again. */
function ToursToggle() {
  const panel = useAtlasStore((s) => s.draftPanel);
  const setPanel = useAtlasStore((s) => s.setDraftPanel);
  const setNarrowTab = useAtlasStore((s) => s.setNarrowTab);
  const count = useAtlasStore((s) => s.draft?.tours?.length ?? 0);
  return (
    <button
      type="button"
      id={TOURS_TOGGLE}
      className="button"
      aria-pressed={panel === 'tours'}
      onClick={() => {
        setPanel(panel === 'tours' ? 'concept' : 'tours');
        setNarrowTab('details');
      }}
    >
      <Route className="draft-bar__icon" size={16} aria-hidden="true" />
      Tours{count > 0 ? ` (${count})` : ''}
    </button>
  );
}

/** The drafts kept in this browser, to open another, rename or delete. */
function DraftsButton() {
  const setDraftsOpen = useAtlasStore((s) => s.setDraftsOpen);
  return (
    <button type="button" className="button" onClick={() => setDraftsOpen(true)}>
      Drafts…
    </button>
  );
}

/**
 * The draft's own bar above the map: whose draft this is and whether it is saved, with undo,
 * redo, the tours, the export, the other drafts and the way out. `onLeave` returns to the
 * built-in map.
 */
export function DraftBar({ onLeave }: { onLeave: () => void }) {
  const name = useAtlasStore((s) => s.draft?.name);
  const canUndo = useStore(useAtlasStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useAtlasStore.temporal, (s) => s.futureStates.length > 0);
  usePageKeys(draftKeys);
  if (name === undefined) return null;
  return (
    <section className="draft-bar" aria-label="Draft">
      <p className="draft-bar__name">
        <span className="draft-bar__badge">Draft</span>
        {name}
      </p>
      <SavingState />
      <div className="draft-bar__actions">
        <button
          type="button"
          className="button"
          onClick={undoDraft}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
        >
          <Undo2 size={16} aria-hidden="true" />
          <span className="draft-bar__wide">Undo</span>
        </button>
        <button
          type="button"
          className="button"
          onClick={redoDraft}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          <Redo2 size={16} aria-hidden="true" />
          <span className="draft-bar__wide">Redo</span>
        </button>
        <ToursToggle />
        <button type="button" className="button" onClick={exportDraft}>
          Export <span className="draft-bar__wide">bundle</span>
        </button>
        <DraftsButton />
        <button type="button" className="button button--quiet" onClick={onLeave}>
          Leave <span className="draft-bar__wide">the draft</span>
        </button>
      </div>
    </section>
  );
}
