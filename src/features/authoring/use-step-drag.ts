import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { dropIndex } from './step-order';

/** A step being dragged by its handle, and where it would land now. */
export type StepDrag = { stepId: string; index: number };

/** The list's steps other than `stepId`, top to bottom. */
function others(list: HTMLElement, stepId: string): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>(':scope > li[data-step-id]')].filter(
    (item) => item.dataset.stepId !== stepId,
  );
}

/**
 * Reorders the steps of `list` by dragging a step's handle, with a mouse, a pen or a finger: the
 * step lands where the pointer is let go, among the others (`onDrop` gets its new index).
 * Escape, or the pointer leaving the page, puts it back.
 */
export function useStepDrag(
  list: RefObject<HTMLElement | null>,
  onDrop: (stepId: string, index: number) => void,
) {
  const [drag, setDrag] = useState<StepDrag | null>(null);
  const current = useRef<StepDrag | null>(null);
  const set = (next: StepDrag | null) => {
    current.current = next;
    setDrag(next);
  };

  const landing = (stepId: string, y: number) => {
    const element = list.current;
    if (!element) return 0;
    const middles = others(element, stepId).map((item) => {
      const rect = item.getBoundingClientRect();
      return rect.top + rect.height / 2;
    });
    return dropIndex(middles, y);
  };

  const handle = (stepId: string, index: number) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture?.(event.pointerId);
      set({ stepId, index });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const dragged = current.current;
      if (dragged?.stepId !== stepId) return;
      const next = landing(stepId, event.clientY);
      if (next !== dragged.index) set({ stepId, index: next });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      const dragged = current.current;
      if (dragged?.stepId !== stepId) return;
      set(null);
      const next = landing(stepId, event.clientY);
      if (next !== index) onDrop(stepId, next);
    },
    onPointerCancel: () => set(null),
    onLostPointerCapture: () => {
      if (current.current?.stepId === stepId) set(null);
    },
  });

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      set(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dragging]);

  return { drag, handle };
}
