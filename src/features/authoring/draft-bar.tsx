import { FilePenLine, Redo2, Route, TriangleExclamationPoint, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';
import { useAtlasStore } from '../../store/atlas-store';
import { ArticleEditorDialog, EDIT_ARTICLE_BUTTON } from './article-editor-dialog';
import { exportDraft, redoDraft, undoDraft } from './draft-actions';
import { PASSAGES_TOGGLE, usePassagesToFix } from './passages-to-fix';
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

/** Opens the editor of the draft's article, its passages found again once the edit is applied. */
function EditArticleButton() {
  const open = useAtlasStore((s) => s.articleEditorOpen);
  const setOpen = useAtlasStore((s) => s.setArticleEditorOpen);
  // The editor is mounted the first time it opens, and then stays, so that closing it returns
  // the focus here.
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  return (
    <>
      <button
        type="button"
        id={EDIT_ARTICLE_BUTTON}
        className="button"
        onClick={() => setOpen(true)}
      >
        <FilePenLine className="draft-bar__icon" size={16} aria-hidden="true" />
        <span className="draft-bar__wide">Edit article</span>
        <span className="draft-bar__narrow" aria-hidden="true">
          Article
        </span>
      </button>
      {mounted ? <ArticleEditorDialog /> : null}
    </>
  );
}

/** Shows the passages the article no longer holds, with their count, while there are any. */
function PassagesToggle() {
  const count = usePassagesToFix().length;
  const panel = useAtlasStore((s) => s.draftPanel);
  const setPanel = useAtlasStore((s) => s.setDraftPanel);
  const setNarrowTab = useAtlasStore((s) => s.setNarrowTab);
  if (count === 0 && panel !== 'passages') return null;
  return (
    <button
      type="button"
      id={PASSAGES_TOGGLE}
      className="button draft-bar__to-fix"
      aria-pressed={panel === 'passages'}
      onClick={() => {
        setPanel(panel === 'passages' ? 'concept' : 'passages');
        setNarrowTab('details');
      }}
    >
      <TriangleExclamationPoint className="draft-bar__icon" size={16} aria-hidden="true" />
      <span className="draft-bar__wide">Passages to fix</span>
      <span className="draft-bar__narrow" aria-hidden="true">
        To fix
      </span>{' '}
      ({count})
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
        <EditArticleButton />
        <PassagesToggle />
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
