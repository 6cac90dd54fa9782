import { PanelTop } from './panel-top';
import { useEffect, useRef } from 'react';
import { passagesToFix, type PassageToFix } from '../../model/article-edit';
import { useAtlasStore } from '../../store/atlas-store';
import { removeLostPassage, startPassageFix } from './draft-actions';
import './authoring.css';

/** The draft bar's "Passages to fix" button, to which the focus returns from the list. */
export const PASSAGES_TOGGLE = 'draft-passages-toggle';

/** The passages to fix of the open draft, worked out once for each state of it. */
export function usePassagesToFix(): PassageToFix[] {
  const draft = useAtlasStore((s) => s.draft);
  return draft ? passagesToFix(draft) : [];
}

/**
 * What can be done about a passage its article no longer holds: choose new words for it in the
 * reader, or remove it. While new words are being chosen, the way back.
 */
export function LostPassageActions({ lost, about }: { lost: PassageToFix; about: string }) {
  const fixing = useAtlasStore(
    (s) => s.passageFix?.conceptId === lost.conceptId && s.passageFix.index === lost.index,
  );
  const setPassageFix = useAtlasStore((s) => s.setPassageFix);
  // The button pressed gives way to the way back, which takes the focus rather than the page.
  const stop = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (fixing && lost) stop.current?.focus();
  }, [fixing]);
  const which = (
    <>
      {' '}
      <span className="visually-hidden">{about}</span>
    </>
  );
  return (
    <div className="lost-passage__actions">
      {fixing ? (
        <>
          <p className="lost-passage__now" role="status">
            Now select the new words in the article, then choose “Replace the lost passage” beside
            them.
          </p>
          <button ref={stop} type="button" className="button" onClick={() => setPassageFix(null)}>
            Stop choosing{which}
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => startPassageFix(lost)}>
          Select new words{which}
        </button>
      )}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => removeLostPassage(lost)}
      >
        Remove this passage{which}
      </button>
    </div>
  );
}

/**
 * "Passages to fix": every passage the article no longer holds since it was edited, each with its
 * concept, its words and why it cannot be found, and the ways to fix it. None is ever dropped by
 * the edit itself; only "Remove this passage" removes one, and Undo brings it back.
 */
export function PassagesToFix() {
  const list = usePassagesToFix();
  const select = useAtlasStore((s) => s.select);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Opened from the draft's bar, the list takes the focus; shown after an edit, it leaves it.
    if (document.activeElement?.id === PASSAGES_TOGGLE) heading.current?.focus();
  }, []);
  return (
    <section
      id="concept-details"
      tabIndex={-1}
      className="concept-form passages-to-fix"
      aria-labelledby="passages-to-fix-heading"
    >
      <PanelTop headingId="passages-to-fix-heading" headingRef={heading} toggleId={PASSAGES_TOGGLE}>
        Passages to fix ({list.length})
      </PanelTop>
      {list.length === 0 ? (
        <p className="concept-form__ok">Every passage is found in the article.</p>
      ) : (
        <>
          <p className="concept-form__hint">
            The article no longer holds these words, so the map cannot show where they stand. Each
            is kept in its concept until you choose new words for it or remove it.
          </p>
          <ul className="passages-to-fix__list">
            {list.map((lost) => (
              <li key={`${lost.conceptId}-${lost.index}`} className="lost-passage">
                <p className="lost-passage__concept">
                  <button
                    type="button"
                    className="concept-form__problem-link"
                    onClick={() => select(lost.conceptId)}
                  >
                    {lost.label}
                  </button>
                  <span className="lost-passage__which">, passage {lost.index + 1}</span>
                </p>
                <blockquote className="lost-passage__words">{lost.passage.exact}</blockquote>
                <p className="lost-passage__reason">{lost.reason}</p>
                <LostPassageActions
                  lost={lost}
                  about={`of “${lost.label}”, passage ${lost.index + 1}`}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
