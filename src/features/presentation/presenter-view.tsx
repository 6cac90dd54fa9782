import { type ReactNode, useEffect, useState } from 'react';
import { AudiencePreview } from './audience-preview';
import { useCurrentTour, useTourKeys, useTourSync } from './use-tour';
import { useAtlasStore } from '../../store/atlas-store';

function useElapsed(): [string, () => void] {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - start) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return [
    text,
    () => {
      setStart(Date.now());
      setNow(Date.now());
    },
  ];
}

/** A talking point the teacher asks the class: it says it is one, or it ends as one. */
const isQuestion = (line: string) => /^question\b/i.test(line.trim()) || line.trim().endsWith('?');

/**
 * The teacher's window: the current step's talking points, what the class sees, the next step and
 * the time. `exportStep` saves the step as a picture (the app passes it in from the explorer).
 */
export function PresenterView({ exportStep }: { exportStep?: ReactNode }) {
  const current = useCurrentTour();
  const goToStep = useAtlasStore((s) => s.goToStep);
  const [elapsed, resetClock] = useElapsed();
  useTourSync();
  useTourKeys();
  if (!current) return null;
  const { tour, step } = current;
  const content = tour.steps[step - 1];
  const next = tour.steps[step];
  if (!content) return null;
  return (
    <div className="presenter">
      <header className="presenter__header">
        <h2 className="presenter__tour">Presenter view: {tour.title}</h2>
        <p className="presenter__progress">
          Step {step} of {tour.steps.length}
        </p>
        {exportStep}
        <p className="presenter__clock">
          <span className="visually-hidden">Time since the start: </span>
          <time aria-live="off">{elapsed}</time>
          <button type="button" className="button button--quiet" onClick={resetClock}>
            Restart clock
          </button>
        </p>
      </header>
      <div className="presenter__body">
        <section className="presenter__now" aria-labelledby="presenter-now">
          <p className="presenter__label">Now</p>
          <h3 id="presenter-now" className="presenter__title">
            {content.title}
          </h3>
          <p className="presenter__text">{content.text}</p>
          <h4 className="presenter__label">Talking points</h4>
          <ul className="presenter__notes">
            {content.notes
              .split('\n')
              .filter(Boolean)
              .map((line) => (
                // The question for the class stands out: it is what the teacher asks aloud.
                <li key={line} className={isQuestion(line) ? 'presenter__question' : undefined}>
                  {line}
                </li>
              ))}
          </ul>
        </section>
        <div className="presenter__side">
          <AudiencePreview />
          <section className="presenter__next" aria-labelledby="presenter-next">
            <p className="presenter__label">Next</p>
            <h3 id="presenter-next" className="presenter__next-title">
              {next ? next.title : 'End of the tour'}
            </h3>
            {next ? <p>{next.text}</p> : null}
          </section>
        </div>
      </div>
      <div className="presenter__nav">
        <button
          type="button"
          className="button"
          disabled={step === 1}
          onClick={() => goToStep(tour.id, step - 1)}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!next}
          onClick={() => goToStep(tour.id, step + 1)}
        >
          Next →
        </button>
      </div>
    </div>
  );
}
