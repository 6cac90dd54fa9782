import { Redo2, Undo2 } from 'lucide-react';
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

/** The drafts kept in this browser, to open another, rename or delete. */
function DraftsButton() {
  const setDraftsOpen = useAtlasStore((s) => s.setDraftsOpen);
  return (
    <button type="button" className="button" onClick={() => setDraftsOpen(true)}>
      Your drafts…
    </button>
  );
}

/**
 * The draft's own bar above the map: whose draft this is and whether it is saved, with undo,
 * redo, the export and the way out. `onLeave` returns to the built-in map.
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
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={redoDraft}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          <Redo2 size={16} aria-hidden="true" />
          Redo
        </button>
        <button type="button" className="button" onClick={exportDraft}>
          Export bundle
        </button>
        <DraftsButton />
        <button type="button" className="button button--quiet" onClick={onLeave}>
          Leave the draft
        </button>
      </div>
    </section>
  );
}
