import { useRef, useState } from 'react';
import { downloadBlob } from '../../shared/download';
import { useAtlasStore } from '../../store/atlas-store';
import { selectTextScale } from '../../store/selectors';

/** Lets the status paint before the picture is made. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'an unknown error';
}

/**
 * "Export this step as an image": the tour step on screen as a 1920x1080 PNG, as a 1080p
 * projector shows it to the class, to put in a slide show or hand out. The drawing is loaded the
 * first time it is asked for; the status says the picture is being made, and the page keeps
 * answering meanwhile.
 */
export function ExportStepImage() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const working = useRef(false);

  async function save() {
    // A second press while the first is made is ignored, rather than the button disabled: the
    // focus stays on it.
    if (working.current) return;
    const state = useAtlasStore.getState();
    const { atlas, tour, reveal } = state;
    if (!atlas || !tour) return;
    working.current = true;
    setBusy(true);
    setError(null);
    try {
      await nextTask();
      const { stepImage } = await import('./step-image');
      const { image, filename } = await stepImage({
        atlas,
        tourId: tour.id,
        step: tour.step,
        reveal,
        scale: selectTextScale(state),
        projector: state.theme === 'projector',
      });
      downloadBlob(image, filename);
    } catch (failure) {
      setError(`The image could not be made: ${reason(failure)}. Please try again.`);
    } finally {
      working.current = false;
      setBusy(false);
    }
  }

  return (
    <span className="step-export">
      <button
        type="button"
        className="button button--quiet"
        aria-disabled={busy || undefined}
        onClick={() => void save()}
      >
        Export this step as an image
      </button>
      <span className="step-export__status" role="status">
        {busy ? 'Preparing image…' : ''}
      </span>
      {error ? (
        <span className="step-export__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
