import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { downloadBlob } from '../../shared/download';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { exportNotesMarkdown, importNotesMarkdown } from '../../model/notes-markdown';
import { useAtlasStore, type NotesImport } from '../../store/atlas-store';
import { SetAsideNotes } from './set-aside-notes';
import './notes-box.css';

/** A notes file is a few kilobytes; anything this large is not one. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function importSummary({ added, combined, unchanged }: NotesImport): string {
  const imported = added + combined;
  if (imported === 0) {
    return unchanged > 0
      ? 'Your notes already hold everything in this file.'
      : 'No notes imported.';
  }
  const parts = [
    added > 0 ? `${added} new` : '',
    combined > 0 ? `${combined} added to a note you already had` : '',
    unchanged > 0 ? `${unchanged} already here` : '',
  ].filter(Boolean);
  return `Imported ${plural(imported, 'note')} (${parts.join(', ')}).`;
}

function download(filename: string, text: string) {
  downloadBlob(new Blob([text], { type: 'text/markdown;charset=utf-8' }), filename);
}

type Status = { message: string; problems: string[] };

/** Export and import of the student's notes, their progress, and a way to start progress over. */
export function StudyTools() {
  const atlas = useAtlasStore((s) => s.atlas);
  const notes = useAtlasStore((s) => s.notes);
  const visited = useAtlasStore((s) => s.visited);
  const quizzed = useAtlasStore((s) => s.quizzed);
  const importNotes = useAtlasStore((s) => s.importNotes);
  const resetProgress = useAtlasStore((s) => s.resetProgress);
  const [status, setStatus] = useState<Status>({ message: '', problems: [] });
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const id = useId();

  // The safe choice has the focus, so an accidental Enter erases nothing.
  useModalDialog(dialog, confirming, { initialFocus: cancel, returnFocus: resetButton });

  if (!atlas) return null;
  const known = new Set(atlas.graph.concepts.map((c) => c.id));
  const visitedCount = visited.filter((v) => known.has(v)).length;
  const quizzedCount = quizzed.filter((q) => known.has(q)).length;
  const noteCount = Object.values(notes).filter((n) => n.text !== '').length;

  const onExport = () => {
    if (noteCount === 0) {
      setStatus({ message: 'You have no notes to export yet.', problems: [] });
      return;
    }
    download('notes.md', exportNotesMarkdown(atlas, notes));
    setStatus({ message: `Downloaded notes.md with ${plural(noteCount, 'note')}.`, problems: [] });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again imports it again.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus({ message: `“${file.name}” is too large to be a notes file.`, problems: [] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ message: `“${file.name}” could not be read.`, problems: [] });
      return;
    }
    const parsed = importNotesMarkdown(text, atlas);
    const result = importNotes(parsed.notes, 'merge');
    setStatus({ message: importSummary(result), problems: parsed.problems });
  };

  const closeConfirm = (reset: boolean) => {
    if (reset) {
      resetProgress();
      setStatus({ message: 'Progress reset. Your notes are kept.', problems: [] });
    }
    setConfirming(false);
  };

  const onDialogKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    closeConfirm(false);
  };

  return (
    <section className="study-tools" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="study-tools__title">
        Your study
      </h2>
      <p className="study-tools__progress">
        {`Visited ${visitedCount} of ${plural(atlas.graph.concepts.length, 'concept')} · Quizzed ${quizzedCount}`}
      </p>
      <div className="study-tools__actions">
        <button type="button" className="button" onClick={onExport}>
          Export notes (Markdown)
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Import notes
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".md,text/markdown,text/plain"
          aria-label="Notes file to import"
          tabIndex={-1}
          hidden
          onChange={(event) => void onFile(event)}
        />
        <button
          ref={resetButton}
          type="button"
          className="button"
          onClick={() => setConfirming(true)}
        >
          Reset progress…
        </button>
      </div>
      <div className="study-tools__status" role="status">
        {status.message ? <p>{status.message}</p> : null}
        {status.problems.length > 0 ? (
          <ul className="study-tools__problems">
            {status.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <SetAsideNotes />
      <dialog
        ref={dialog}
        className="study-tools__confirm"
        aria-labelledby={`${id}-confirm-title`}
        aria-describedby={`${id}-confirm-text`}
        onKeyDown={onDialogKeyDown}
        onCancel={(event) => {
          event.preventDefault();
          closeConfirm(false);
        }}
      >
        <h2 id={`${id}-confirm-title`}>Reset your progress?</h2>
        <p id={`${id}-confirm-text`}>
          This forgets which concepts you have visited and quizzed. Your notes are kept.
        </p>
        <div className="study-tools__confirm-actions">
          <button type="button" className="button" onClick={() => closeConfirm(true)}>
            Reset progress
          </button>
          <button ref={cancel} type="button" className="button" onClick={() => closeConfirm(false)}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
