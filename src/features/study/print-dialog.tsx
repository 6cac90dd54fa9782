import { useRef } from 'react';
import { flushSync } from 'react-dom';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { useAtlasStore } from '../../store/atlas-store';

/**
 * Prints the handout: the argument section by section, with a drawing of the whole map and of
 * each section, and, if the student wants, their own notes.
 */
export function PrintDialog() {
  const open = useAtlasStore((s) => s.printOpen);
  const setOpen = useAtlasStore((s) => s.setPrintOpen);
  const withNotes = useAtlasStore((s) => s.handoutNotes);
  const setWithNotes = useAtlasStore((s) => s.setHandoutNotes);
  const noted = useAtlasStore(
    (s) => Object.values(s.notes).filter((note) => note.text.trim() !== '').length,
  );
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, open);

  function print() {
    // Closed first, so that the browser's print preview has the page to itself.
    flushSync(() => setOpen(false));
    window.print();
  }

  return (
    <dialog
      ref={ref}
      className="shortcuts print-dialog"
      aria-labelledby="print-title"
      onClose={() => setOpen(false)}
      onCancel={() => setOpen(false)}
    >
      <h2 id="print-title">Print a handout</h2>
      <p>
        The argument section by section: a drawing of the whole map and of each section, then every
        concept with its summary, the author’s words and its relations.
      </p>
      <label className="print-dialog__notes">
        <input
          type="checkbox"
          checked={withNotes && noted > 0}
          disabled={noted === 0}
          onChange={(event) => setWithNotes(event.target.checked)}
        />
        {noted === 0
          ? 'Include my notes (you have written none yet)'
          : `Include my notes (${noted} ${noted === 1 ? 'concept' : 'concepts'})`}
      </label>
      <div className="print-dialog__actions">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog's one command takes the focus, as the HTML dialog guidance recommends */}
        <button type="button" className="button button--primary" onClick={print} autoFocus>
          Print
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
