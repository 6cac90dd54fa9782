import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';
import { useAtlasStore } from '../../store/atlas-store';
import { selectSelectedConcept } from '../../store/selectors';
import { addSelectedPassage, makeConcept, replaceLostPassage } from './draft-actions';
import { returnFocusFromWords, useKeyboardWords } from './keyboard-words';
import { readerSelection, type ReaderSelection } from './reader-selection';

/** The reader's article, where words are selected. */
const ARTICLE = '.reader-article';

/** The words selected in the reader now, followed as the selection changes. */
function useReaderSelection(
  toolbar: React.RefObject<HTMLElement | null>,
): [ReaderSelection | null, () => void, () => void] {
  const [selected, setSelected] = useState<ReaderSelection | null>(null);
  const update = useCallback(() => {
    const article = document.querySelector(ARTICLE);
    const next = article ? readerSelection(article, document.getSelection()) : null;
    // While the focus is in the toolbar, its words stay offered: moving the focus there may
    // collapse the selection, and only its buttons or Escape are done with them.
    if (next === null && toolbar.current?.contains(document.activeElement)) return;
    setSelected((last) =>
      last?.start === next?.start && last?.end === next?.end && (next === null) === (last === null)
        ? last
        : next,
    );
  }, [toolbar]);
  useEffect(() => {
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [update]);
  return [selected, () => setSelected(null), update];
}

/** Where the toolbar stands: just below the selected words, inside the window. */
function placeOf(rect: DOMRect | null): React.CSSProperties {
  if (!rect || (rect.width === 0 && rect.height === 0)) return { left: 8, bottom: 8 };
  const below = rect.bottom + 8;
  const fitsBelow = below + 56 < window.innerHeight;
  return {
    left: Math.max(8, Math.min(rect.left, window.innerWidth - 320)),
    ...(fitsBelow ? { top: below } : { top: Math.max(8, rect.top - 64) }),
  };
}

/** What the toolbar's buttons do for the words selected now, for the keys N and A. */
let current: { make: () => void; add: (() => void) | null } | null = null;

const selectionKeys: KeyGroup = {
  title: 'Making a map: words selected in the article',
  keys: [
    {
      keys: ['N'],
      does: 'New concept from the words selected in the article',
      test: (event) =>
        current !== null && event.key === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey,
      perform: () => current?.make(),
    },
    {
      keys: ['A'],
      does: 'Add the selected words as a passage of the selected concept',
      test: (event) =>
        current?.add != null &&
        event.key === 'a' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey,
      perform: () => current?.add?.(),
    },
  ],
};

/**
 * Over words selected in the reader: "New concept from this passage", and, when a concept is
 * selected, "Add as a passage of" it. Pressed with the mouse, or from the keyboard with N and A
 * (listed under `?`), wherever the focus is.
 */
export function SelectionToolbar() {
  const toolbar = useRef<HTMLDivElement>(null);
  const [selected, clear, reread] = useReaderSelection(toolbar);
  const concept = useAtlasStore(selectSelectedConcept);
  const fixing = useAtlasStore((s) => s.passageFix);
  const fixedLabel = useAtlasStore(
    (s) => s.passageFix && s.draft?.concepts.find((c) => c.id === s.passageFix?.conceptId)?.label,
  );
  // Words being selected from the keyboard are offered once Enter makes the selection, with the
  // focus in the toolbar; until then the arrows move over them.
  const words = useKeyboardWords();
  const focused = useRef(0);
  const returning = useRef(false);
  // A problem belongs to the words it was about: selecting others clears it.
  const [said, setSaid] = useState<{ problem: string; about: ReaderSelection } | null>(null);
  const problem = said && said.about === selected ? said.problem : null;
  usePageKeys(selectionKeys);

  function done(outcome: string | null) {
    if (outcome !== null) {
      if (selected) setSaid({ problem: outcome, about: selected });
      return;
    }
    dismiss();
  }

  /** Done with the words: none selected, and the focus back where they were (see below). */
  function dismiss() {
    document.getSelection()?.removeAllRanges();
    clear();
    returning.current = true;
  }

  // Once the toolbar is gone and the page shows what was made, the focus goes back.
  useEffect(() => {
    if (selected || !returning.current) return;
    returning.current = false;
    returnFocusFromWords();
  });

  // The selection made from the keyboard is read at once: the browser says it changed later.
  useEffect(() => {
    if (words.confirmed > 0) reread();
  }, [words.confirmed, reread]);
  // Words given up with Escape are read again before the next paint, so that the toolbar does not
  // stand for a moment over words no longer selected.
  useLayoutEffect(() => {
    if (!words.selecting) reread();
  }, [words.selecting, reread]);

  useEffect(() => {
    if (!selected || words.selecting || words.confirmed === focused.current) return;
    focused.current = words.confirmed;
    toolbar.current?.querySelector('button')?.focus();
  });

  useEffect(() => {
    if (!selected || words.selecting) {
      current = null;
      return;
    }
    current = {
      make: () => done(makeConcept(selected.start, selected.end)),
      add: concept ? () => done(addSelectedPassage(selected.start, selected.end)) : null,
    };
    return () => {
      current = null;
    };
  });

  // A toolbar taller than guessed (three actions, while a lost passage is being fixed) that would
  // run off the bottom of the window stands above the words instead.
  useLayoutEffect(() => {
    const box = toolbar.current;
    const place = selected?.rect;
    if (!box || !place) return;
    const { bottom, height } = box.getBoundingClientRect();
    if (bottom > window.innerHeight - 8) {
      box.style.top = `${Math.max(8, place.top - height - 8)}px`;
    }
  });

  if (!selected || words.selecting) return null;
  const replace = fixing ? (
    <button
      type="button"
      className="button button--primary"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => done(replaceLostPassage(selected.start, selected.end))}
    >
      Replace the lost passage of “{fixedLabel ?? fixing.conceptId}”
    </button>
  ) : null;
  return (
    <div
      ref={toolbar}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selected words"
      style={placeOf(selected.rect)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        dismiss();
      }}
    >
      {replace}
      <button
        type="button"
        className={fixing ? 'button' : 'button button--primary'}
        aria-keyshortcuts="N"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => done(makeConcept(selected.start, selected.end))}
      >
        New concept from this passage
      </button>
      {concept ? (
        <button
          type="button"
          className="button"
          aria-keyshortcuts="A"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => done(addSelectedPassage(selected.start, selected.end))}
        >
          Add as a passage of “{concept.label}”
        </button>
      ) : null}
      {problem ? (
        <p className="selection-toolbar__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
