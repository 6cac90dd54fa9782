import { cancelOpening, retryOpening } from './bundle-actions';
import { problemInWords } from '../../model/problem-words';
import { downloadBlob } from '../../shared/download';
import { useAtlasStore } from '../../store/atlas-store';
import './open-map-dialog.css';

/** Problems beyond this many are counted rather than listed, so a broken file never floods the page. */
const LISTED = 200;
/** From this many problems on, the whole list is offered as a text file too. */
const LONG_LIST = 20;

/** Every problem, one a line, as a text file to keep, print or send to the author of the map. */
function downloadProblems(name: string, problems: readonly string[]) {
  const text = [`Problems found in “${name}”:`, '', ...problems, ''].join('\n');
  downloadBlob(new Blob([text], { type: 'text/plain' }), 'map-problems.txt');
}

/** While a bundle opens: what is happening, how far the layout is, and a way to stop. */
function OpeningBanner() {
  const opening = useAtlasStore((s) => s.opening);
  if (!opening) return null;
  const laying = opening.total > 0;
  return (
    <div className="bundle-status bundle-status--opening" role="status">
      <p>
        Opening <strong>{opening.name}</strong>…{' '}
        {laying ? `Laying out section ${opening.done} of ${opening.total}.` : 'Checking it.'}
        {opening.startup ? null : ' The current map stays until it is ready.'}
      </p>
      {laying ? (
        <progress
          className="bundle-status__progress"
          max={opening.total}
          value={opening.done}
          aria-label="Laying out the map"
        />
      ) : null}
      <button type="button" className="button" onClick={cancelOpening}>
        Cancel
      </button>
    </div>
  );
}

/** Why a bundle was refused: every problem as `place: reason`, and the map that stayed. */
function OpenProblems() {
  const refused = useAtlasStore((s) => s.openProblems);
  const setOpenProblems = useAtlasStore((s) => s.setOpenProblems);
  const setOpenMapOpen = useAtlasStore((s) => s.setOpenMapOpen);
  if (!refused) return null;
  const { name, problems, canRetry } = refused;
  const count =
    problems.length === 1 ? 'a problem' : `${problems.length.toLocaleString('en-US')} problems`;
  return (
    <section
      className="bundle-status bundle-status--problems"
      role="alert"
      aria-label="Map not opened"
    >
      <h2>“{name}” could not be opened</h2>
      <p>
        It has {count}, so the current map stays. Each line says what is wrong and, after it, the
        place in the file:
      </p>
      <ul className="bundle-status__list">
        {problems.slice(0, LISTED).map((problem, index) => {
          const { words, place } = problemInWords(problem);
          return (
            <li key={index}>
              {words}
              {place ? (
                <>
                  {' '}
                  <code className="bundle-status__place">{place}</code>
                </>
              ) : null}
            </li>
          );
        })}
        {problems.length > LISTED ? (
          <li>…and {(problems.length - LISTED).toLocaleString('en-US')} more.</li>
        ) : null}
      </ul>
      <div className="bundle-status__actions">
        {canRetry ? (
          <button type="button" className="button" onClick={retryOpening}>
            Try again
          </button>
        ) : null}
        {problems.length >= LONG_LIST ? (
          <button type="button" className="button" onClick={() => downloadProblems(name, problems)}>
            Download the list
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => setOpenMapOpen(true)}>
          Open another map…
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setOpenProblems(null)}
        >
          Dismiss
        </button>
      </div>
    </section>
  );
}

export function BundleStatus() {
  return (
    <>
      <OpeningBanner />
      <OpenProblems />
    </>
  );
}
