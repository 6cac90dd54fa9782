import { useId } from 'react';
import { own } from '../../model/own';
import { useAtlasStore } from '../../store/atlas-store';
import { SetAsideNotes } from './set-aside-notes';
import './notes-box.css';

/**
 * The student's own note on one concept, saved in the browser as they type. Whatever goes wrong
 * with saving, the text stays in the box and in the store; the message says what to do.
 */
export function NotesBox({ conceptId }: { conceptId: string }) {
  const text = useAtlasStore((s) => own(s.notes, conceptId)?.text ?? '');
  const problem = useAtlasStore((s) => s.studyProblem);
  const setNote = useAtlasStore((s) => s.setNote);
  const setStudyProblem = useAtlasStore((s) => s.setStudyProblem);
  const kept = useAtlasStore((s) => own(s.keptNotes, conceptId));
  const settle = useAtlasStore((s) => s.settleKeptNote);
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;

  return (
    <section className="notes-box" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={id} className="notes-box__label">
        Your notes
      </label>
      <p id={hintId} className="notes-box__hint">
        Only you see these. They are kept in this browser as you type.
      </p>
      <textarea
        id={id}
        className="notes-box__input"
        rows={5}
        value={text}
        aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
        onChange={(event) => setNote(conceptId, event.target.value)}
      />
      {/* Always present so that "Saved" is announced politely when it first appears. */}
      <p className="notes-box__status" role="status">
        {!problem && text !== '' ? 'Saved' : ''}
      </p>
      {kept?.map((version, index) => (
        <div key={index} className="notes-box__kept" role="alert">
          <p>
            This note was also changed in another tab at the same time. Your text above is as you
            typed it; the other tab’s version is kept here:
          </p>
          <blockquote className="notes-box__version">{version}</blockquote>
          <button
            type="button"
            className="notes-box__dismiss"
            onClick={() => settle(conceptId, index, 'add')}
          >
            Add it to my note
          </button>{' '}
          <button
            type="button"
            className="notes-box__dismiss"
            onClick={() => settle(conceptId, index, 'discard')}
          >
            Discard that version
          </button>
        </div>
      ))}
      {problem ? (
        <div id={problemId} className="notes-box__problem" role="alert">
          <p>{problem}</p>
          <button
            type="button"
            className="notes-box__dismiss"
            onClick={() => setStudyProblem(null)}
          >
            Dismiss message
          </button>
        </div>
      ) : null}
      <SetAsideNotes />
    </section>
  );
}
