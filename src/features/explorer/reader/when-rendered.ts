/** A reader in a hidden tab can neither scroll nor take focus until it is shown. */
function isRendered(element: HTMLElement): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : !element.closest('[hidden]');
}

/** Runs `action` now, or once the element is shown (its size then changes); returns a cleanup. */
export function whenRendered(element: HTMLElement, action: () => void): () => void {
  if (isRendered(element)) {
    action();
    return () => {};
  }
  const observer = new ResizeObserver(() => {
    if (!isRendered(element)) return;
    observer.disconnect();
    action();
  });
  observer.observe(element);
  return () => observer.disconnect();
}
