import { useState } from 'react';
import { downloadBlob } from '../../shared/download';
import { useAtlasStore } from '../../store/atlas-store';
import { RESTORED_HEADING, type NotesRestore } from '../../store/study-storage';
import { restoreSetAsideNotes, setAsideText } from '../../store/study-sync';
import './notes-box.css';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function restoredSummary({ added, combined }: NotesRestore): string {
  if (added + combined === 0) return 'Your notes already hold everything that could be read.';
  const parts = [
    added > 0 ? `${added} brought back` : '',
    combined > 0
      ? `${combined} added below the note you have now, after “${RESTORED_HEADING}”`
      : '',
  ].filter(Boolean);
  return `Restored ${count(added + combined, 'note')}: ${parts.join('; ')}.`;
}

/**
 * Saved notes that could not all be read are kept aside in this browser, never thrown away: this
 * says so, restores every note that can be read (keeping the notes typed since), and downloads the
 * copy as it was saved, for what cannot be read at all.
 */
export function SetAsideNotes() {
  const setAside = useAtlasStore((s) => s.setAsideNotes);
  const setSetAside = useAtlasStore((s) => s.setSetAsideNotes);
  const [restored, setRestored] = useState<string | null>(null);

  const download = () => {
    const text = setAsideText();
    if (text !== null) {
      downloadBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'notes-set-aside.txt');
    }
  };

  const { unreadable = 0, restorable = 0 } = setAside ?? {};
  const them = (n: number) => (n === 1 ? 'it' : 'them');
  return (
    <>
      {restored ? (
        <p className="notes-box__restored" role="status">
          {restored}
        </p>
      ) : null}
      {setAside ? (
        <div className="notes-box__problem" role="alert">
          {restorable > 0 ? (
            <p>
              Some saved notes could not be read. {count(restorable, 'note')} can be restored from
              the copy kept in this browser, keeping the text you have now.
            </p>
          ) : null}
          {unreadable > 0 ? (
            <p>
              {count(unreadable, 'saved note')} could not be read at all and{' '}
              {unreadable === 1 ? 'was' : 'were'} set aside
              {restorable > 0 ? '' : '; your other notes are here'}. Download the copy to keep{' '}
              {them(unreadable)}.
            </p>
          ) : null}
          {restorable > 0 ? (
            <button
              type="button"
              className="notes-box__dismiss"
              onClick={() => setRestored(restoredSummary(restoreSetAsideNotes()))}
            >
              Restore {them(restorable)}
            </button>
          ) : null}{' '}
          <button type="button" className="notes-box__dismiss" onClick={download}>
            Download {them(restorable + unreadable)}
          </button>{' '}
          <button type="button" className="notes-box__dismiss" onClick={() => setSetAside(null)}>
            Not now
          </button>
        </div>
      ) : null}
    </>
  );
}
