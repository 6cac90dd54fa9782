/** True when the user asked the system for less motion; animations then jump instead. */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}

/** How long a camera move takes: instant under reduced motion. */
export function cameraDuration(ms = 500): number {
  return prefersReducedMotion() ? 0 : ms;
}
