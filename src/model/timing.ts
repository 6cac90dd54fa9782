/**
 * Leaves a User Timing measure from `start` (a `performance.now()` time) until now, so that the
 * browser's profiler and the benchmark can tell where the time of a long step went.
 */
export function measureSince(name: string, start: number): void {
  if (typeof performance.measure === 'function') performance.measure(name, { start });
}

/** Runs `work` and leaves a User Timing measure of it. */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measureSince(name, start);
  }
}
