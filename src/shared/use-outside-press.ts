import { type RefObject, useEffect } from 'react';

/**
 * While `open`, a press anywhere outside `root` calls `close`, as it would close a native menu.
 * Listened for in the capture phase, so that nothing the press lands on can keep it from the menu.
 */
export function useOutsidePress(
  root: RefObject<HTMLElement | null>,
  open: boolean,
  close: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) close();
    }
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [root, open, close]);
}
