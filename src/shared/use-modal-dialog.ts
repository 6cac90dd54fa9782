import { type RefObject, useEffect } from 'react';

type Focus = {
  /** Takes the focus when the dialog opens. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Takes the focus back when the dialog closes. */
  returnFocus?: RefObject<HTMLElement | null>;
};

/** Opens a `<dialog>` as a modal while `open` is true and closes it when it turns false. */
export function useModalDialog(
  ref: RefObject<HTMLDialogElement | null>,
  open: boolean,
  { initialFocus, returnFocus }: Focus = {},
) {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // jsdom lacks showModal and close; the attribute is what they would set.
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      initialFocus?.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnFocus?.current?.focus();
    }
  }, [ref, open, initialFocus, returnFocus]);
}
