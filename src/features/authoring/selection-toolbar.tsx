import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';
import { useAtlasStore } from '../../store/atlas-store';
import { selectSelectedConcept } from '../../store/selectors';
import { addSelectedPassage, makeConcept, replaceLostPassage } from './draft-actions';
import { readerSelection, type ReaderSelection } from './reader-selection';

/** The reader's article, where words are selected. */
const ARTICLE = '.reader-article';

/** The words selected in the reader now, followed as the selection changes. */
function useReaderSelection(): [ReaderSelection | null, () => void] {
  const [selected, setSelected] = useState<ReaderSelection | null>(null);
  useEffect(() => {
    const update = () => {
      const article = document.querySelector(ARTICLE);
      const next = article ? readerSelection(article, document.getSelection()) : null;
      setSelected((last) =>
        last?.start === next?.start &&
        last?.end === next?.end &&
        (next === null) === (last === null)
          ? last
          : next,
      );
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);
  return [selected, () => setSelected(null)];
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
  const [selected, clear] = useReaderSelection();
  const concept = useAtlasStore(selectSelectedConcept);
  const fixing = useAtlasStore((s) => s.passageFix);
  const fixedLabel = useAtlasStore(
    (s) => s.draft?.concepts.find((c) => c.id === s.passageFix?.conceptId)?.label,
  );
  // A problem belongs to the words it was about: selecting others clears it.
  const [said, setSaid] = useState<{ problem: string; about: ReaderSelection } | null>(null);
  const problem = said && said.about === selected ? said.problem : null;
  usePageKeys(selectionKeys);

  function done(outcome: string | null) {
    if (outcome !== null) {
      if (selected) setSaid({ problem: outcome, about: selected });
      return;
    }
    document.getSelection()?.removeAllRanges();
    clear();
  }

  useEffect(() => {
    if (!selected) {
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
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = bar.current;
    const words = selected?.rect;
    if (!box || !words) return;
    const { bottom, height } = box.getBoundingClientRect();
    if (bottom > window.innerHeight - 8) {
      box.style.top = `${Math.max(8, words.top - height - 8)}px`;
    }
  });

  if (!selected) return null;
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
      ref={bar}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selected words"
      style={placeOf(selected.rect)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        document.getSelection()?.removeAllRanges();
        clear();
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
