import { useMemo, useState } from 'react';
import type { Atlas } from '../../../model/atlas';
import { type AtlasNode, type RelationEdge, sectionNodeId } from '../../../model/flow';
import type { LabelPlace } from '../../../model/level-of-detail';
import type { MapView } from '../../../model/view';
import { conceptTextBox, type PhrasePoint, placePhrases } from '../../../model/phrase-placement';
import { measure } from './measure-text';
import { useAtlasStore } from '../../../store/atlas-store';

/**
 * Fading is a class on the whole map rather than on each concept and relation, so that a new
 * selection or search re-renders only the concepts that stand out, not all of them.
 */
const DIMMING = /\b(is-faded|is-unmatched)\b/g;

const emptyNodes: AtlasNode[] = [];
const emptyEdges: RelationEdge[] = [];

type NodeOptions = {
  atlas: Atlas | null;
  view: MapView | null;
  selectedId: string | null;
  /** On a large map only the concepts `near` the camera, the selection and the focus are drawn. */
  large: boolean;
  near: ReadonlySet<string>;
  focusedId: string | null;
  /** Zoomed out, the concepts whose labels float above their bare boxes (see useFarLabels). */
  labelled: ReadonlyMap<string, LabelPlace>;
  /** False while the concepts are too small to be targets: the map itself takes the keyboard. */
  focusable: boolean;
};

/**
 * The map's sections and concepts as React Flow draws them. A concept that stands out in no way
 * is passed on as it is, so that React Flow leaves its element alone.
 */
export function useMapNodes({
  atlas,
  view,
  selectedId,
  large,
  near,
  focusedId,
  labelled,
  focusable,
}: NodeOptions): AtlasNode[] {
  const visitedIds = useAtlasStore((s) => s.visited);
  const quizzedIds = useAtlasStore((s) => s.quizzed);
  const visited = useMemo(() => new Set(visitedIds), [visitedIds]);
  const quizzed = useMemo(() => new Set(quizzedIds), [quizzedIds]);
  // Each concept that stands out, as last drawn: what it was made from, how, and what was made.
  const [made] = useState(
    () => new Map<string, { from: AtlasNode; key: string; node: AtlasNode }>(),
  );
  return useMemo(() => {
    if (!atlas || !view) return emptyNodes;
    const shown: AtlasNode[] = [];
    for (const node of atlas.nodes) {
      if (node.type === 'section') {
        const hidden = view.hiddenSections.has(node.id.slice(sectionNodeId('').length));
        shown.push(hidden ? { ...node, hidden } : node);
        continue;
      }
      const selected = node.id === selectedId;
      if (large && !near.has(node.id) && !selected && node.id !== focusedId) continue;
      const progress = quizzed.has(node.id)
        ? 'is-quizzed'
        : visited.has(node.id)
          ? 'is-visited'
          : '';
      const emphasis = view.conceptClass.get(node.id)?.replace(DIMMING, '').trim();
      const place = labelled.get(node.id);
      const label = place ? `has-far-label far-label--${place}` : '';
      const className = [emphasis, progress, label].filter(Boolean).join(' ');
      const hidden = view.hidden.has(node.id);
      // The concept with the focus keeps it when the camera moves out (after a selection).
      const takesFocus = focusable || node.id === focusedId;
      if (!className && !hidden && !selected && takesFocus) {
        shown.push(node);
        continue;
      }
      // The same concept standing out the same way keeps its object, which React Flow leaves be.
      const key = `${className}|${hidden}|${selected}|${takesFocus}`;
      const kept = made.get(node.id);
      if (kept?.from === node && kept.key === key) {
        shown.push(kept.node);
        continue;
      }
      const standing: AtlasNode = {
        ...node,
        hidden,
        selected,
        ...(className ? { className } : {}),
        ...(takesFocus ? {} : { focusable: false }),
      };
      made.set(node.id, { from: node, key, node: standing });
      shown.push(standing);
    }
    return shown;
  }, [
    atlas,
    view,
    selectedId,
    visited,
    quizzed,
    large,
    near,
    focusedId,
    labelled,
    focusable,
    made,
  ]);
}

/**
 * The map's relations, drawn from the view without the search (`edgeView`). Zoomed out with
 * nothing selected, `backbone` holds the concepts that carry the argument: the relations among
 * them are drawn across sections too, and stand out, so that the first screen shows how the
 * argument hangs together.
 */
export function useMapEdges(
  atlas: Atlas | null,
  edgeView: MapView | null,
  backbone: ReadonlySet<string> | null = null,
  stepPhrases: ReadonlyMap<string, PhrasePoint> | null = null,
): RelationEdge[] {
  return useMemo(() => {
    if (!atlas || !edgeView) return emptyEdges;
    const view = edgeView;
    // Only a selection or a tour fades concepts; a search leaves the relations as they are.
    const fading = view.dimming.has('is-faded');
    // A tour step zoomed out has its phrases placed on screen with its labels (see useFarLabels).
    const phrases =
      stepPhrases ??
      placePhrases(
        atlas.edges.flatMap((edge) =>
          view.emphasisedEdges.has(edge.id) && !view.hiddenEdges.has(edge.id) && edge.data
            ? [{ id: edge.id, label: edge.data.label, ends: edge.data.ends }]
            : [],
        ),
        atlas.graph.concepts.flatMap((concept) => {
          const box = atlas.boxes.get(concept.id);
          return !box || view.hidden.has(concept.id)
            ? []
            : [conceptTextBox(box, concept.label, measure)];
        }),
        measure,
      );
    return atlas.edges.map((edge): RelationEdge => {
      const carries =
        backbone !== null &&
        backbone.has(edge.source) &&
        backbone.has(edge.target) &&
        !view.hidden.has(edge.source) &&
        !view.hidden.has(edge.target);
      if (carries) {
        return {
          ...edge,
          hidden: false,
          className: 'is-backbone',
          data: { ...edge.data!, backbone: true },
        };
      }
      const hidden = view.hiddenEdges.has(edge.id);
      const emphasised = view.emphasisedEdges.has(edge.id);
      // While the rest fades, the few relations that stay clear say so.
      const clear = fading && !hidden && !emphasised && !view.fadedEdges.has(edge.id);
      if (!hidden && !emphasised && !clear) return edge;
      return {
        ...edge,
        hidden,
        ...(clear ? { className: 'is-in-focus' } : {}),
        ...(emphasised ? { zIndex: 1, className: 'is-emphasised' } : {}),
        data: {
          ...edge.data!,
          emphasised,
          ...(emphasised ? { phraseAt: phrases.get(edge.id) ?? null } : {}),
        },
      };
    });
  }, [atlas, edgeView, backbone, stepPhrases]);
}
