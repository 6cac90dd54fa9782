import { useStore } from '@xyflow/react';
import { memo, useEffect, useState, useSyncExternalStore } from 'react';
import type { Atlas } from '../../../model/atlas';
import { kindStyles } from '../../../model/kinds';
import { STEP_PHRASE_RATIO } from '../../../model/step-layout';
import { CloseUpLines } from './close-up-lines';
import { closeUpReturn, onCloseUpReturn, RETURN_MS, startCloseUpReturn } from './close-up-return';

type Props = {
  atlas: Atlas;
  /** The camera has framed the map: the cards have places on screen to glide to. */
  ready: boolean;
};

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * A close-up the class has just left, gliding back: each card to its concept's place on the map,
 * followed wherever the camera moves meanwhile, shrinking to the concept's box and fading as it
 * arrives, while the close-up's ground, arrows and phrases fade. It is drawn by the map on screen,
 * the one the close-up stood over or the explorer's after a tour, scaled to fit its pane.
 */
function StepCloseUpReturnView({ atlas, ready }: Props) {
  const left = useSyncExternalStore(onCloseUpReturn, closeUpReturn, () => null);
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // The glide's clock: how far it has gone, at the last frame drawn.
  const [clock, setClock] = useState<{ started: number; now: number } | null>(null);
  const shown = left && ready && width > 0 && height > 0 ? left : null;
  const id = shown?.id;
  const started = shown?.startedAt ?? null;
  useEffect(() => {
    if (id !== undefined) startCloseUpReturn(id);
  }, [id]);
  useEffect(() => {
    if (started === null) return;
    // A frame at a time, so that each card follows its concept as the camera moves.
    let frame = requestAnimationFrame(function tick() {
      const now = performance.now();
      setClock({ started, now });
      if (now - started < RETURN_MS) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [started]);
  if (!shown || started === null) return null;
  const gone = clock?.started === started ? clock.now - started : 0;
  const progress = Math.min(1, Math.max(0, gone / RETURN_MS));
  const e = ease(progress);
  // Laid out in another pane (the tour's, for the explorer's map): scaled to fit this one.
  const fit = Math.min(width / shown.pane.width, height / shown.pane.height);
  const scale = Math.abs(fit - 1) < 0.001 ? 1 : fit;
  const ox = (width - shown.pane.width * scale) / 2;
  const oy = (height - shown.pane.height * scale) / 2;
  const at = (x: number, y: number) => ({ x: ox + x * scale, y: oy + y * scale });
  const { graph } = shown;
  const size = graph.px * scale;
  const fading = Math.max(0, 1 - progress * 2);
  return (
    <div
      className="step-close-up-return"
      aria-hidden="true"
      data-progress={progress.toFixed(2)}
      style={{ fontSize: `${size}px` }}
    >
      <div className="step-close-up-return__ground" style={{ opacity: 1 - e }} />
      <CloseUpLines
        lines={graph.lines}
        width={width}
        height={height}
        arrowId="step-close-up-return-arrow"
        at={(p) => at(p.x, p.y)}
        opacity={fading}
      />
      {graph.phrases.map((phrase) => {
        const start = at(phrase.box.x, phrase.box.y);
        return (
          <span
            key={phrase.id}
            className="step-close-up__phrase"
            style={{
              left: start.x,
              top: start.y,
              width: phrase.box.width * scale,
              minHeight: phrase.box.height * scale,
              fontSize: size * STEP_PHRASE_RATIO,
              opacity: fading,
            }}
          >
            {phrase.label}
          </span>
        );
      })}
      {graph.cards.map((card) => {
        const start = at(card.box.x, card.box.y);
        const w = card.box.width * scale;
        const h = card.box.height * scale;
        const box = atlas.boxes.get(card.id);
        // Its concept's box on screen, as the camera shows it now.
        const target = box
          ? {
              x: (box.x + box.width / 2) * zoom + tx,
              y: (box.y + box.height / 2) * zoom + ty,
              k: (box.width * zoom) / w,
            }
          : { x: start.x + w / 2, y: start.y + h / 2, k: 1 };
        const dx = (target.x - (start.x + w / 2)) * e;
        const dy = (target.y - (start.y + h / 2)) * e;
        const k = 1 + (target.k - 1) * e;
        const kind = shown.kinds.get(card.id);
        return (
          <div
            key={card.id}
            className="step-close-up__card"
            data-returning={card.id}
            style={
              {
                left: start.x,
                top: start.y,
                width: w,
                minHeight: h,
                transform: `translate(${dx}px, ${dy}px) scale(${k})`,
                // Whole until it is nearly home, then gone into its concept's box.
                opacity: progress < 0.85 ? 1 : (1 - progress) / 0.15,
                '--kind-colour': kind ? kindStyles[kind].colour : undefined,
              } as React.CSSProperties
            }
          >
            <span className="step-close-up__label">{card.label}</span>
          </div>
        );
      })}
    </div>
  );
}

export const StepCloseUpReturn = memo(StepCloseUpReturnView);
