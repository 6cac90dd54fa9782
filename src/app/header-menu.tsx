import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useId,
  useRef,
  useState,
} from 'react';
import { useOutsidePress } from '../shared/use-outside-press';

/**
 * The header's actions behind one button, where a narrow screen has no room for them in a row.
 * A command (a button that is not a toggle, a link) closes the menu; toggles and the map's options
 * keep it open, so that the user sees what changed.
 */
export function HeaderMenu({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const closeMenu = useCallback(() => setOpen(false), []);
  // A press anywhere else closes the menu, as it would a native one.
  useOutsidePress(rootRef, open, closeMenu);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || !open) return;
    // Handled here, so that the page does not also clear the selection.
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    const to = event.relatedTarget;
    if (to && !event.currentTarget.contains(to)) setOpen(false);
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target as Element;
    if (target.closest('button:not([aria-pressed]), a[href]')) setOpen(false);
  }

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- Escape and focus leaving close the menu, whichever of its controls has the focus
    <div className="header-menu" ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggleRef}
        type="button"
        className="button header-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Menu
        <span className="header-menu__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- the click of a command inside closes the menu; the command itself has the keys */}
      <div id={panelId} className="header-menu__panel" hidden={!open} onClick={onClick}>
        {children}
      </div>
    </div>
  );
}
