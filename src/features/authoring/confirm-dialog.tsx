import { useId, useRef, type RefObject } from 'react';
import { useModalDialog } from '../../shared/use-modal-dialog';

type Props = {
  open: boolean;
  title: string;
  children: React.ReactNode;
  /** The words of the button that does it, such as "Delete the draft". */
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Takes the focus back when the dialog closes, if it is still on the page. */
  returnFocus?: RefObject<HTMLElement | null>;
};

/**
 * Asks before something that cannot be undone. The focus starts on the way out, so that Enter
 * pressed by habit keeps things as they are; Escape is the way out too.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirm,
  onConfirm,
  onCancel,
  returnFocus,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const id = useId();
  useModalDialog(ref, open, { initialFocus: keep, ...(returnFocus ? { returnFocus } : {}) });
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="new-map confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-words`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-words`}>{children}</div>
      <div className="new-map__actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {confirm}
        </button>
        <button ref={keep} type="button" className="button" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </dialog>
  );
}
