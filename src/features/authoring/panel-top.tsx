import type { ReactNode, RefObject } from 'react';
import { useAtlasStore } from '../../store/atlas-store';

type Props = {
  /** The panel's heading: its id names the panel, and it takes the focus as the panel opens. */
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
  /** The draft bar's button that opened the panel, which the focus goes back to. */
  toggleId: string;
};

/**
 * The top of a panel that takes the concept form's place in a draft (the tours, the passages to
 * fix): its heading, and "Back to the concept", which gives the place back to the form and the
 * focus to the button that opened the panel.
 */
export function PanelTop({ headingId, headingRef, children, toggleId }: Props) {
  const setDraftPanel = useAtlasStore((s) => s.setDraftPanel);
  return (
    <div className="tour-editor__top">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {children}
      </h2>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          setDraftPanel('concept');
          document.getElementById(toggleId)?.focus();
        }}
      >
        Back to the concept
      </button>
    </div>
  );
}
