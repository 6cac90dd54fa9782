import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Draft } from '../../model/draft';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** When a draft was last changed, as the reader's own clock and language write it. */
function LastChange({ savedAt, capital }: { savedAt: number | null; capital?: boolean }) {
  if (savedAt === null) return <>{capital ? 'L' : 'l'}ast change not recorded</>;
  const when = new Date(savedAt);
  return (
    <>
      {capital ? 'L' : 'l'}ast changed{' '}
      <time dateTime={when.toISOString()}>
        {when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
      </time>
    </>
  );
}

type KeptProps = {
  draft: Draft;
  savedAt: number | null;
  /** It is the draft on screen now. */
  open: boolean;
  onOpen: () => void;
  /** Renames it; resolves to what went wrong, in words, or null. */
  onRename: (name: string) => Promise<string | null>;
  onDelete: (returnFocus: HTMLElement | null) => void;
};

/** One draft of the list: its name, its article, what it holds and when it last changed. */
export function KeptDraftItem({ draft, savedAt, open, onOpen, onRename, onDelete }: KeptProps) {
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(draft.name);
  const [problem, setProblem] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const tours = draft.tours?.length ?? 0;
  const called = draft.name || 'Untitled draft';

  const refocus = useRef(false);
  // The Rename button comes back once the form is gone, and takes the focus back.
  useEffect(() => {
    if (renaming || !refocus.current) return;
    refocus.current = false;
    renameButton.current?.focus();
  });

  function stopRenaming() {
    refocus.current = true;
    setRenaming(false);
    setProblem(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const outcome = await onRename(name);
    if (outcome === null) stopRenaming();
    else {
      setProblem(outcome);
      document.getElementById(`${id}-name`)?.focus();
    }
  }

  return (
    <li className="drafts-list__item">
      <h3 id={`${id}-heading`} className="drafts-list__name">
        {called}
        {open ? <span className="drafts-list__badge"> (open now)</span> : null}
      </h3>
      <p className="drafts-list__facts">
        Article: “{draft.meta.title || 'untitled'}”;{' '}
        {count(draft.concepts.length, 'concept', 'concepts')}
        {tours > 0 ? `, ${count(tours, 'tour', 'tours')}` : ''}; <LastChange savedAt={savedAt} />.
      </p>
      {renaming ? (
        <form className="drafts-list__rename" noValidate onSubmit={(event) => void save(event)}>
          <label className="new-map__label" htmlFor={`${id}-name`}>
            New name for “{called}”
          </label>
          <div className="drafts-list__row">
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the field the Rename button asked for
              autoFocus
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                // Escape leaves the renaming, not the whole list.
                event.preventDefault();
                event.stopPropagation();
                stopRenaming();
              }}
              {...(problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {})}
            />
            <button type="submit" className="button button--primary">
              Save the name
            </button>
            <button type="button" className="button button--quiet" onClick={stopRenaming}>
              Cancel
            </button>
          </div>
          {problem ? (
            <p id={`${id}-problem`} className="form-problem">
              {problem}
            </p>
          ) : null}
        </form>
      ) : (
        <div className="drafts-list__row">
          {open ? null : (
            <button type="button" className="button button--primary" onClick={onOpen}>
              Open <span className="visually-hidden">“{called}”</span>
            </button>
          )}
          <button
            ref={renameButton}
            type="button"
            className="button"
            onClick={() => {
              setName(draft.name);
              setRenaming(true);
            }}
          >
            Rename <span className="visually-hidden">“{called}”</span>
          </button>
          <button
            ref={deleteButton}
            type="button"
            className="button"
            onClick={() => onDelete(deleteButton.current)}
          >
            Delete <span className="visually-hidden">“{called}”</span>
          </button>
        </div>
      )}
    </li>
  );
}

type DamagedProps = {
  name: string | null;
  savedAt: number | null;
  problem: string;
  onDownload: () => void;
  onDelete: (returnFocus: HTMLElement | null) => void;
};

/** A draft that cannot be read: what is wrong with it, a copy of it as kept, and its deletion. */
export function DamagedDraftItem({ name, savedAt, problem, onDownload, onDelete }: DamagedProps) {
  const deleteButton = useRef<HTMLButtonElement>(null);
  const called = name ? `“${name}”` : 'A draft';
  return (
    <li className="drafts-list__item drafts-list__item--damaged">
      <h3 className="drafts-list__name">{name ?? 'A draft without a name'} (cannot be opened)</h3>
      <p className="drafts-list__facts">
        {called} cannot be opened: {problem} The other drafts are not affected.{' '}
        {savedAt === null ? null : (
          <>
            <LastChange savedAt={savedAt} capital />.
          </>
        )}
      </p>
      <div className="drafts-list__row">
        <button type="button" className="button" onClick={onDownload}>
          Download it as it is kept
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="button"
          onClick={() => onDelete(deleteButton.current)}
        >
          Delete <span className="visually-hidden">{called}</span>
        </button>
      </div>
    </li>
  );
}
