import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { useAtlasStore } from '../../store/atlas-store';
import type { KeptRead } from '../../store/draft-storage';
import { ConfirmDialog } from './confirm-dialog';
import {
  continueDraft,
  deleteDraft,
  downloadKept,
  listDrafts,
  renameDraft,
  type KeptDrafts,
} from './draft-actions';
import { DamagedDraftItem, KeptDraftItem } from './kept-draft-item';
import './authoring.css';

/** What the list shows: the open draft as it is on screen, which may be newer than its copy. */
function withOpenDraft(list: KeptDrafts, open: KeptRead | null): KeptDrafts {
  if (!list.ok || !open?.ok) return list;
  const others = list.drafts.filter((read) => read.key !== open.key);
  return { ok: true, drafts: [open, ...others] };
}

type Deleting = { key: string; name: string; returnFocus: HTMLElement | null };

/**
 * "Your drafts": every draft kept in this browser, the last changed first, with its article and
 * when it last changed, to open, rename or delete (after a confirmation). A draft that cannot be
 * read is listed with what is wrong with it, and can be saved as it is or deleted; the others
 * work as ever. `onLeave` shows another map when the draft on screen is deleted.
 */
export function DraftsDialog({ onLeave }: { onLeave: () => void }) {
  const open = useAtlasStore((s) => s.draftsOpen);
  const setOpen = useAtlasStore((s) => s.setDraftsOpen);
  const setNewMapOpen = useAtlasStore((s) => s.setNewMapOpen);
  const current = useAtlasStore((s) => s.draft);
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const [list, setList] = useState<KeptDrafts | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [said, setSaid] = useState('');
  useModalDialog(ref, open, { initialFocus: heading });

  const reload = useCallback(async () => {
    const next = await listDrafts();
    setList(next);
  }, []);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void listDrafts().then((next) => {
      if (live) setList(next);
    });
    return () => {
      live = false;
    };
  }, [open]);

  const shown =
    list === null
      ? null
      : withOpenDraft(
          list,
          current
            ? {
                ok: true,
                key: current.id,
                draft: current,
                savedAt:
                  (list.ok && list.drafts.find((read) => read.key === current.id)?.savedAt) || null,
              }
            : null,
        );

  async function confirmDelete() {
    if (!deleting) return;
    const { key, name } = deleting;
    setDeleting(null);
    const problem = await deleteDraft(key, onLeave);
    setSaid(problem ?? `Deleted “${name}”.`);
    await reload();
    heading.current?.focus();
  }

  const close = () => {
    setSaid('');
    setOpen(false);
  };
  return (
    <>
      <dialog
        ref={ref}
        className="new-map drafts-dialog"
        aria-labelledby={`${id}-heading`}
        onClose={close}
        onCancel={close}
      >
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          Your drafts
        </h2>
        <p className="new-map__lead">
          Drafts are kept in this browser only. Export a draft as a bundle to keep a copy elsewhere
          or to share it.
        </p>
        <p className="drafts-dialog__said" role="status">
          {said}
        </p>
        {shown === null ? (
          <p>Reading the drafts…</p>
        ) : !shown.ok ? (
          <p className="form-problem" role="alert">
            {shown.problem}
          </p>
        ) : shown.drafts.length === 0 ? (
          <p>No drafts are kept in this browser. “New map…” starts one.</p>
        ) : (
          <ul className="drafts-list">
            {shown.drafts.map((read) =>
              read.ok ? (
                <KeptDraftItem
                  key={read.key}
                  draft={read.draft}
                  savedAt={read.savedAt}
                  open={current?.id === read.key}
                  onOpen={() => {
                    close();
                    void continueDraft(read.key);
                  }}
                  onRename={async (name) => {
                    const problem = await renameDraft(read.key, name);
                    if (problem === null) {
                      setSaid(`Renamed to “${name.trim()}”.`);
                      await reload();
                    }
                    return problem;
                  }}
                  onDelete={(focus) =>
                    setDeleting({
                      key: read.key,
                      name: read.draft.name || 'Untitled draft',
                      returnFocus: focus,
                    })
                  }
                />
              ) : (
                <DamagedDraftItem
                  key={read.key}
                  name={read.name}
                  savedAt={read.savedAt}
                  problem={read.problem}
                  onDownload={() => downloadKept(read.key, read.value)}
                  onDelete={(focus) =>
                    setDeleting({
                      key: read.key,
                      name: read.name ?? 'the draft that cannot be opened',
                      returnFocus: focus,
                    })
                  }
                />
              ),
            )}
          </ul>
        )}
        <div className="new-map__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              close();
              setNewMapOpen(true);
            }}
          >
            New map…
          </button>
          <button type="button" className="button button--quiet" onClick={close}>
            Close
          </button>
        </div>
      </dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirm="Delete the draft"
        onConfirm={() => void confirmDelete()}
        onCancel={() => {
          const focus = deleting?.returnFocus ?? null;
          setDeleting(null);
          focus?.focus();
        }}
      >
        <p>
          It is removed from this browser for good, with its concepts and tours: Undo cannot bring
          it back. To keep a copy, open it and export it as a bundle first.
        </p>
      </ConfirmDialog>
    </>
  );
}
