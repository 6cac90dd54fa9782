const conceptSelector = (id: string) => `.react-flow__node[data-id="${CSS.escape(id)}"]`;

/**
 * Gives the keyboard back to the map, as Escape does when it clears the selection: to the concept
 * that was selected, where it takes the keyboard, or else to the map itself or its first concept.
 * Focus already on the map stays where it is. False when no map is on screen.
 */
export function focusMap(conceptId: string | null, doc: Document = document): boolean {
  const map = doc.querySelector<HTMLElement>('.concept-map');
  if (!map || map.checkVisibility?.() === false) return false;
  if (map.contains(doc.activeElement)) return true;
  const concept = conceptId ? map.querySelector<HTMLElement>(conceptSelector(conceptId)) : null;
  const target =
    (concept && concept.tabIndex >= 0 ? concept : null) ??
    (map.tabIndex >= 0 ? map : null) ??
    map.querySelector<HTMLElement>('.react-flow__node-concept[tabindex="0"]');
  target?.focus();
  return target !== null;
}
