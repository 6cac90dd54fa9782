import { useRef, useSyncExternalStore } from 'react';
import { dismissUpdate, pendingUpdate, subscribeToUpdates } from './update-signal';
import './update-prompt.css';

/**
 * Offers a newly deployed version without reloading under the user: a teacher mid-lesson chooses
 * when. It takes no focus; it is the first stop of the Tab order while it shows.
 */
export function UpdatePrompt() {
  const update = useSyncExternalStore(subscribeToUpdates, pendingUpdate, () => null);
  // Where focus came from, to return it there when the prompt goes away.
  const cameFrom = useRef<HTMLElement | null>(null);
  return (
    <div
      className="update-prompt"
      role="status"
      aria-label="Updates"
      onFocus={(event) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !event.currentTarget.contains(from)) {
          cameFrom.current = from;
        }
      }}
    >
      {update ? (
        <div className="update-prompt__body">
          <p className="update-prompt__text">A new version of Concept Atlas is ready.</p>
          <div className="update-prompt__actions">
            <button type="button" className="button button--primary" onClick={update.apply}>
              Reload now
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                dismissUpdate();
                if (cameFrom.current?.isConnected) cameFrom.current.focus();
                cameFrom.current = null;
              }}
            >
              Later
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
