import { useStore, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Atlas } from '../../../model/atlas';
import { kindStyles } from '../../../model/kinds';
import {
  fittingStepPx,
  STEP_PHRASE_RATIO,
  stepLayout,
  stepPhrases,
} from '../../../model/step-layout';
import { measure } from './measure-text';

type Props = {
  atlas: Atlas;
  /** The step's concepts, in the step's order. */
  ids: readonly string[];
  /** The size the class reads the step's labels at (see `tourLabelPx`). */
  px: number;
};

/**
 * A tour step whose concepts lie too far apart on the map for all their labels to read: the
 * concepts brought together over the faded map, as cards at the size the class reads, with the
 * relations among them. Each card glides from its concept's place on the map (at once under
 * reduced motion), so the class sees where it sits. It repeats the map's own concepts, which stay
 * in the page for assistive technology, so it is hidden from it.
 */
function StepCloseUpView({ atlas, ids, px }: Props) {
  const flowStore = useStoreApi();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const key = ids.join(' ');
  const concepts = useMemo(
    () =>
      key
        .split(' ')
        .flatMap((id) => atlas.graph.concepts.filter((c) => c.id === id))
        .map((c) => ({ id: c.id, label: c.label, kind: c.kind })),
    [atlas, key],
  );
  // The class's size where the cards fit; smaller on a pane too small for them (a phone).
  const size = useMemo(
    () => fittingStepPx(concepts, { width, height }, px, measure),
    [concepts, width, height, px],
  );
  const cards = useMemo(
    () => stepLayout(concepts, { width, height }, size, measure),
    [concepts, width, height, size],
  );
  // Where each card starts: its concept's box on screen, as the camera shows it now.
  const from = useMemo(() => {
    const [tx, ty, zoom] = flowStore.getState().transform;
    return new Map(
      cards.flatMap((card) => {
        const box = atlas.boxes.get(card.id);
        if (!box) return [];
        const x = box.x * zoom + tx + (box.width * zoom) / 2;
        const y = box.y * zoom + ty + (box.height * zoom) / 2;
        return [[card.id, { x, y }] as const];
      }),
    );
  }, [atlas, cards, flowStore]);
  const [arrived, setArrived] = useState<string | null>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setArrived(key));
    return () => cancelAnimationFrame(frame);
  }, [key]);
  const at = new Map(cards.map((card) => [card.id, card.box]));
  const relations = atlas.edges.filter((edge) => at.has(edge.source) && at.has(edge.target));
  const phrases = stepPhrases(
    cards,
    relations.map((edge) => ({
      id: edge.id,
      label: edge.data?.label ?? '',
      source: edge.source,
      target: edge.target,
    })),
    size,
    measure,
  );
  const centre = (id: string) => {
    const box = at.get(id)!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  return (
    <div className="step-close-up" aria-hidden="true" style={{ fontSize: `${size}px` }}>
      <svg className="step-close-up__lines" width={width} height={height}>
        {relations.map((edge) => {
          const a = centre(edge.source);
          const b = centre(edge.target);
          return <line key={edge.id} data-relation={edge.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
        })}
      </svg>
      {phrases.map((phrase) => (
        <span
          key={phrase.id}
          className="step-close-up__phrase"
          data-relation={phrase.id}
          style={{
            left: phrase.box.x,
            top: phrase.box.y,
            width: phrase.box.width,
            fontSize: size * STEP_PHRASE_RATIO,
          }}
        >
          {phrase.label}
        </span>
      ))}
      {cards.map((card) => {
        const start = from.get(card.id);
        const travel =
          arrived === key || !start
            ? 'none'
            : `translate(${start.x - (card.box.x + card.box.width / 2)}px, ${
                start.y - (card.box.y + card.box.height / 2)
              }px) scale(0.3)`;
        const kind = concepts.find((c) => c.id === card.id)?.kind;
        const style = kind ? kindStyles[kind] : undefined;
        return (
          <div
            key={card.id}
            className="step-close-up__card"
            data-id={card.id}
            style={
              {
                left: card.box.x,
                top: card.box.y,
                width: card.box.width,
                // A label that wraps once more than estimated grows its card, never cut short.
                minHeight: card.box.height,
                transform: travel,
                '--kind-colour': style?.colour,
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

export const StepCloseUp = memo(StepCloseUpView);
