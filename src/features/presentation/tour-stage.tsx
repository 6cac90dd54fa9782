import { useEffect, useRef, type ReactNode } from 'react';
import { formatRoute } from '../../model/route';
import { relationSentences } from '../../model/step-slide';
import { isPreview, toggleFullscreen, useCurrentTour, useTourKeys, useTourSync } from './use-tour';
import { useAtlasStore } from '../../store/atlas-store';
import { routeOf } from '../../store/selectors';

type Props = {
  map: ReactNode;
  themeToggle?: ReactNode;
  /** Saves the step as a picture (the explorer's, which draws the map). */
  exportStep?: ReactNode;
};

/**
 * The audience view of a tour: the step in large type beside the map (which the app passes in,
 * with the projector theme's toggle, since the app's header gives way, and the step's export),
 * framed on its concepts.
 */
export function TourStage({ map, themeToggle, exportStep }: Props) {
  const current = useCurrentTour();
  const reveal = useAtlasStore((s) => s.reveal);
  const setReveal = useAtlasStore((s) => s.setReveal);
  const goToStep = useAtlasStore((s) => s.goToStep);
  const leaveTour = useAtlasStore((s) => s.leaveTour);
  const blackout = useAtlasStore((s) => s.blackout);
  const setBlackout = useAtlasStore((s) => s.setBlackout);
  const heading = useRef<HTMLHeadingElement>(null);
  const atlas = useAtlasStore((s) => s.atlas);
  const unsaid = useAtlasStore((s) => s.unsaid);
  useTourSync();
  useTourKeys();
  const stepKey = current ? `${current.tour.id}/${current.step}` : '';
  useEffect(() => {
    // Screen-reader and keyboard users land on the new step's title; the presenter's preview of
    // this view takes no focus from the presenter.
    if (isPreview()) return;
    if (stepKey && document.activeElement?.closest('.tour-card__nav') === null) {
      heading.current?.focus({ preventScroll: true });
    }
  }, [stepKey]);
  if (!current) return null;
  const { tour, step } = current;
  const content = tour.steps[step - 1];
  if (!content) return null;
  const last = tour.steps.length;
  const unsaidLines = atlas && unsaid ? relationSentences(atlas, unsaid, content.concepts) : [];
  const presenterHref = formatRoute({
    ...routeOf(useAtlasStore.getState()),
    view: 'presenter',
  });
  return (
    <div className="tour-layout">
      <section className="tour-card" aria-labelledby="tour-step-title">
        <p className="tour-card__tour">{tour.title}</p>
        <p className="tour-card__progress">
          Step {step} of {last}
        </p>
        <div
          className="tour-card__bar"
          role="progressbar"
          aria-label="Progress through the tour"
          aria-valuemin={1}
          aria-valuemax={last}
          aria-valuenow={step}
        >
          <span style={{ width: `${(step / last) * 100}%` }} />
        </div>
        <h2 id="tour-step-title" className="tour-card__title" ref={heading} tabIndex={-1}>
          {content.title}
        </h2>
        <p className="tour-card__text" aria-live="polite">
          {content.text}
        </p>
        <div className="tour-card__nav">
          <button
            type="button"
            className="button"
            disabled={step === 1}
            onClick={() => goToStep(tour.id, step - 1)}
            aria-keyshortcuts="ArrowLeft PageUp"
          >
            ← Previous
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={step === last}
            onClick={() => goToStep(tour.id, step + 1)}
            aria-keyshortcuts="ArrowRight PageDown Space"
          >
            Next →
          </button>
        </div>
        {unsaidLines.length > 0 ? (
          // The close-up had no room for these phrases on their lines: the class reads them here.
          <div className="tour-card__unsaid">
            <h3 className="tour-card__unsaid-title">What the other lines say</h3>
            <ul>
              {unsaidLines.map((r) => (
                <li key={r.id} data-relation={r.id}>
                  <strong>{r.source}</strong> {r.phrase} <strong>{r.target}</strong>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="tour-card__tools">
          <label className="map-toolbar__check">
            <input
              type="checkbox"
              checked={reveal}
              onChange={(event) => setReveal(event.target.checked)}
            />
            Reveal concepts step by step
          </label>
          {/* The header gives way while presenting; the projector theme stays at hand. */}
          {themeToggle}
          <a className="button button--quiet" href={presenterHref} target="concept-atlas-presenter">
            Open presenter view
          </a>
          {exportStep}
          <button
            type="button"
            className="button button--quiet"
            onClick={toggleFullscreen}
            aria-keyshortcuts="F"
          >
            Fullscreen <kbd>F</kbd>
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={leaveTour}
            aria-keyshortcuts="Escape"
          >
            Leave tour <kbd>Esc</kbd>
          </button>
        </div>
      </section>
      <div className="tour-layout__map">{map}</div>
      {blackout ? (
        // The class sees nothing while the presenter talks; B, . or a click brings the step back.
        <button
          type="button"
          className="tour-blackout"
          aria-label="Screen blacked out: press B, . or click to show the step again"
          onClick={() => setBlackout(false)}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the only thing on screen takes the focus, so that the keyboard still reaches it
          autoFocus={!isPreview()}
        />
      ) : null}
    </div>
  );
}
