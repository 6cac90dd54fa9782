import { cancelOpening } from './bundle-actions';
import { useAtlasStore } from '../../store/atlas-store';
import './open-map-dialog.css';

/** Problems beyond this many are counted rather than listed, so a broken file never floods the page. */
const LISTED = 200;

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
  const { name, problems } = refused;
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return (
    <section
      className="bundle-status bundle-status--problems"
      role="alert"
      aria-label="Map not opened"
    >
      <h2>“{name}” could not be opened</h2>
      <p>
        It has {count}, so the current map stays. Each line names the place in the file and the
        reason:
      </p>
      <ul className="bundle-status__list">
        {problems.slice(0, LISTED).map((problem, index) => (
          <li key={index}>
            <code>{problem}</code>
          </li>
        ))}
        {problems.length > LISTED ? <li>…and {problems.length - LISTED} more.</li> : null}
      </ul>
      <div className="bundle-status__actions">
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
