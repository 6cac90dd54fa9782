import { Fragment } from 'react';
import { withCorrections, type Correction } from '../model/corrections';
import './curator-note.css';

/**
 * A curator's correction right after the article's own words, which stay as they are: marked as a
 * note, shown in brackets, and read out in full.
 */
export function CuratorNote({ correction }: { correction: Correction }) {
  return (
    <span className="curator-note" role="note" title={correction.note}>
      <span aria-hidden="true">[</span>
      curator’s note: {correction.correction}
      <span className="visually-hidden">. {correction.note}</span>
      <span aria-hidden="true">]</span>
    </span>
  );
}

/** Quoted text with a note after each word the curator corrects. */
export function CorrectedText({
  text,
  corrections,
}: {
  text: string;
  corrections: readonly Correction[] | undefined;
}) {
  if (!corrections?.length) return <>{text}</>;
  return (
    <>
      {withCorrections(text, corrections).map((piece, index) =>
        'text' in piece ? (
          <Fragment key={index}>{piece.text}</Fragment>
        ) : (
          <CuratorNote key={index} correction={piece.correction} />
        ),
      )}
    </>
  );
}
