import type { Box } from '../../../model/floating';

/** What lies over the map: its controls, minimap, Export button and attribution, the legend. */
export const COVERS = '.react-flow__panel, .legend';

/**
 * The boxes of what covers the map, in the pane's pixels less `pan` (the camera's translation, for
 * a placement that works in the view's units), each grown by `gap` on every side.
 */
export function coversOf(
  pane: HTMLElement | null,
  gap: number,
  pan: readonly [number, number] = [0, 0],
): Box[] {
  const canvas = pane?.closest('.map-pane__canvas') ?? pane;
  if (!pane || !canvas) return [];
  const origin = pane.getBoundingClientRect();
  return [...canvas.querySelectorAll(COVERS)].flatMap((el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return [];
    return [
      {
        x: box.left - origin.left - pan[0] - gap,
        y: box.top - origin.top - pan[1] - gap,
        width: box.width + gap * 2,
        height: box.height + gap * 2,
      },
    ];
  });
}
