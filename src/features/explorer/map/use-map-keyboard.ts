import type { ReactFlowInstance } from '@xyflow/react';
import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Atlas } from '../../../model/atlas';
import type { AtlasNode, RelationEdge } from '../../../model/flow';
import { type Direction, neighbourInDirection } from '../../../model/neighbours';
import type { MapView } from '../../../model/view';
import { useAtlasStore } from '../../../store/atlas-store';

const arrows: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

const conceptElement = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/** The concept a focus event or key press happened on, if any. */
const conceptIdOf = (target: EventTarget) =>
  target instanceof Element
    ? target.closest<HTMLElement>('.react-flow__node-concept')?.dataset.id
    : undefined;

type Options = {
  atlas: Atlas | null;
  view: MapView | null;
  selectedId: string | null;
  large: boolean;
  overview: boolean;
  flow: RefObject<ReactFlowInstance<AtlasNode, RelationEdge> | null>;
};

export type MapKeyboard = {
  /**
   * The concept with the keyboard focus: a large map gives it an element wherever it is, and a
   * zoomed-out map leaves it in the Tab order when the camera moves away (a selection's framing).
   */
  focusedId: string | null;
  /** A concept to focus as soon as it has an element (see useFocusWhenRendered). */
  pendingFocus: RefObject<string | null>;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: (event: FocusEvent<HTMLDivElement>) => void;
};

/**
 * The map's keys: Enter or Space selects the focused concept, the arrow keys move the focus to a
 * connected concept in their direction, even one that has no element yet on a large map.
 */
export function useMapKeyboard({
  atlas,
  view,
  selectedId,
  large,
  overview,
  flow,
}: Options): MapKeyboard {
  const select = useAtlasStore((s) => s.select);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const links = atlas?.links;
  const positions = useMemo(() => new Map(Object.entries(atlas?.layout.concepts ?? {})), [atlas]);

  /**
   * Zoomed out, a large map has no concept elements for Tab to reach, so the map itself takes the
   * focus. Enter, Space or an arrow key there brings the camera to the selection, or else to the
   * argument's first concept, and puts the focus on it; the arrow keys go on from there.
   */
  function enterOverview(): void {
    const instance = flow.current;
    if (!atlas || !instance) return;
    let start = selectedId;
    if (!start || view?.hidden.has(start)) {
      start = null;
      let first = Infinity;
      for (const [id, place] of atlas.order) {
        if (place < first && !view?.hidden.has(id)) [start, first] = [id, place];
      }
    }
    const box = start ? atlas.boxes.get(start) : undefined;
    if (!start || !box) return;
    pendingFocus.current = start;
    setFocusedId(start);
    void instance.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: 1 });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (overview && event.target === event.currentTarget) {
      if (event.key === 'Enter' || event.key === ' ' || event.key in arrows) {
        event.preventDefault();
        enterOverview();
      }
      return;
    }
    const id = conceptIdOf(event.target);
    if (!id || !links) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(id);
    } else if (event.key in arrows) {
      event.preventDefault();
      const next = neighbourInDirection(
        links,
        positions,
        id,
        arrows[event.key]!,
        (other) => !view?.hidden.has(other),
      );
      if (!next) return;
      const element = conceptElement(next);
      if (element) element.focus();
      else if (large) {
        pendingFocus.current = next;
        setFocusedId(next);
      }
    }
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const id = conceptIdOf(event.target);
    // Kept for every map: zoomed out, the concept with the focus keeps it (see useMapNodes).
    if (id && id !== focusedId) setFocusedId(id);
  }

  return { focusedId, pendingFocus, onKeyDown, onFocus };
}

/** A concept reached by a key that had no element yet: focuses it once the map gives it one. */
export function useFocusWhenRendered(
  pending: RefObject<string | null>,
  nodes: readonly AtlasNode[],
): void {
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const element = conceptElement(id);
      // Zoomed out, the concept is drawn but takes no focus until the camera has come close.
      if (element && element.tabIndex >= 0) {
        pending.current = null;
        element.focus();
      } else if (++tries < 30) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [pending, nodes]);
}
