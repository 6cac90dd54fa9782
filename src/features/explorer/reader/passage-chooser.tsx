import {
  type FocusEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
} from 'react';
import type { ConceptInfo } from '../../../model/reader-model';

/** An open chooser: the mark it belongs to, by its block and offset, and the concepts it offers. */
export type Chooser = { blockId: string; start: number; conceptIds: string[] };

export type ChooserHandlers = {
  choose: (conceptId: string, start: number) => void;
  close: (start: number, returnFocus: boolean) => void;
};

type Props = {
  chooser: Chooser;
  concepts: ReadonlyMap<string, ConceptInfo>;
  selectedId: string | null;
  handlers: ChooserHandlers;
};

/** The choice of concept for a passage that several concepts quote. */
export function PassageChooser({ chooser, concepts, selectedId, handlers }: Props) {
  const boxRef = useRef<HTMLSpanElement>(null);
  const titleId = useId();
  const { start } = chooser;

  useLayoutEffect(() => {
    const box = boxRef.current;
    const mark = box?.previousElementSibling;
    const host = box?.offsetParent;
    if (!box || !mark || !host) return;
    // Below the mark's last line, so that the chooser never hides the words it is about.
    const lines = mark.getClientRects();
    const line = lines[lines.length - 1] ?? mark.getBoundingClientRect();
    const frame = host.getBoundingClientRect();
    const left = Math.min(line.left - frame.left, frame.width - box.offsetWidth - 8);
    box.style.left = `${Math.max(8, left)}px`;
    box.style.top = `${line.bottom - frame.top + 6}px`;
  }, [start]);

  useEffect(() => {
    boxRef.current?.querySelector('button')?.focus();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node | null;
      const mark = boxRef.current?.previousElementSibling;
      if (target && (boxRef.current?.contains(target) || mark?.contains(target))) return;
      handlers.close(start, false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [start, handlers]);

  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      handlers.close(start, true);
      return;
    }
    const buttons = [...(boxRef.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: buttons.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  const onBlur = (event: FocusEvent<HTMLSpanElement>) => {
    const to = event.relatedTarget;
    // Focus back on the mark is left to the mark's own toggle.
    if (to && (boxRef.current?.contains(to) || to === boxRef.current?.previousElementSibling))
      return;
    handlers.close(start, false);
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape and Tab inside the chooser close it or keep focus in it
    <span
      ref={boxRef}
      className="reader-chooser"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <span id={titleId} className="reader-chooser__title">
        This passage is about
      </span>
      {chooser.conceptIds.map((id) => {
        const concept = concepts.get(id);
        return (
          <button
            key={id}
            type="button"
            className="reader-chooser__option"
            aria-current={id === selectedId ? 'true' : undefined}
            onClick={() => handlers.choose(id, start)}
          >
            <span className="reader-chooser__label">{concept?.label ?? id}</span>
            <span className="reader-chooser__kind">
              {concept?.kind}
              {id === selectedId ? ' · selected' : ''}
            </span>
          </button>
        );
      })}
    </span>
  );
}
