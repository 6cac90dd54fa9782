import { useStore, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Atlas } from '../../../model/atlas';
import { kindStyles } from '../../../model/kinds';
import { layOutStepGraph, type StepGraph } from '../../../model/step-graph-layout';
import { STEP_PHRASE_RATIO } from '../../../model/step-layout';
import { bareLines, closeUpInput } from '../../../model/step-slide';
import { prefersReducedMotion } from '../../../shared/motion';
import { useAtlasStore } from '../../../store/atlas-store';
import { CloseUpLines } from './close-up-lines';
import { type CloseUpReturn, sendCloseUpBack } from './close-up-return';
import { measure } from './measure-text';
import { layOutInBackground } from './step-layout-client';

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
 * relations among them laid out for the step, each with its phrase and arrow. Each card glides from its concept's place on the map (at once under
 * reduced motion), so the class sees where it sits, and glides back when the step is left (see
 * close-up-return.ts). It repeats the map's own concepts, which stay in the page for assistive
 * technology, so it is hidden from it.
 */
function StepCloseUpView({ atlas, ids, px }: Props) {
  const flowStore = useStoreApi();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const key = ids.join(' ');
  const { concepts, relations } = useMemo(() => closeUpInput(atlas, key.split(' ')), [atlas, key]);
  // Laid out for the step by ELK, each phrase with its room; ready a moment after the step shows.
  const layoutKey = `${key} ${width} ${height} ${px}`;
  const [laid, setLaid] = useState<{ key: string; graph: StepGraph } | null>(null);
  useEffect(() => {
    let current = true;
    const pane = { width, height };
    void layOutStepGraph(concepts, relations, pane, px, measure, layOutInBackground).then(
      (graph) => {
        if (current) setLaid({ key: layoutKey, graph });
      },
    );
    return () => {
      current = false;
    };
  }, [concepts, relations, width, height, px, layoutKey]);
  const graph = laid?.key === layoutKey ? laid.graph : null;
  // The lines left without their phrase are said in the step's text beside the map.
  const setUnsaid = useAtlasStore((s) => s.setUnsaid);
  useEffect(() => {
    if (graph) setUnsaid(bareLines(graph));
  }, [graph, setUnsaid]);
  useEffect(() => () => setUnsaid(null), [key, setUnsaid]);
  // Where each card starts: its concept's box on screen, as the camera shows it now.
  const from = useMemo(() => {
    const [tx, ty, zoom] = flowStore.getState().transform;
    return new Map(
      (graph?.cards ?? []).flatMap((card) => {
        const box = atlas.boxes.get(card.id);
        if (!box) return [];
        const x = box.x * zoom + tx + (box.width * zoom) / 2;
        const y = box.y * zoom + ty + (box.height * zoom) / 2;
        return [[card.id, { x, y }] as const];
      }),
    );
  }, [atlas, graph, flowStore]);
  const [arrived, setArrived] = useState<StepGraph | null>(null);
  useEffect(() => {
    if (!graph) return;
    const frame = requestAnimationFrame(() => setArrived(graph));
    return () => cancelAnimationFrame(frame);
  }, [graph]);
  // What the class has seen arrive goes back to the map when the step is left (at once under
  // reduced motion), rather than vanishing; a pane resized lays the same step out again.
  const shown = useRef<Omit<CloseUpReturn, 'id' | 'startedAt'> | null>(null);
  useEffect(() => {
    if (!graph || arrived !== graph) return;
    const kinds = new Map(concepts.map((c) => [c.id, c.kind]));
    shown.current = { graph, kinds, pane: { width, height } };
  }, [graph, arrived, concepts, width, height]);
  useEffect(
    () => () => {
      const left = shown.current;
      shown.current = null;
      if (left && !prefersReducedMotion()) sendCloseUpBack(left);
    },
    [key],
  );
  if (!graph) return <div className="step-close-up is-laying-out" aria-hidden="true" />;
  const size = graph.px;
  // Until the cards set off from their places on the map (the next frame), the close-up says so.
  const arriving = arrived !== graph;
  return (
    <div
      className={arriving ? 'step-close-up is-arriving' : 'step-close-up'}
      aria-hidden="true"
      style={{ fontSize: `${size}px` }}
    >
      <CloseUpLines
        lines={graph.lines}
        width={width}
        height={height}
        arrowId="step-close-up-arrow"
        marked
      />
      {graph.phrases.map((phrase) => (
        <span
          key={phrase.id}
          className="step-close-up__phrase"
          data-relation={phrase.id}
          style={{
            left: phrase.box.x,
            top: phrase.box.y,
            width: phrase.box.width,
            minHeight: phrase.box.height,
            fontSize: size * STEP_PHRASE_RATIO,
          }}
        >
          {phrase.label}
        </span>
      ))}
      {graph.cards.map((card) => {
        const start = from.get(card.id);
        const travel =
          !arriving || !start
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
