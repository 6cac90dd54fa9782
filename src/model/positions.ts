import type { Graph } from './schema.ts';

/**
 * How far from the origin a curator's position may be, in map pixels. The built-in map spans a
 * few thousand; far beyond this the browser cannot draw the map (at 1e308 its coordinates overflow
 * to Infinity), or the concepts lie so far apart that none is ever on screen with another.
 */
export const MAX_COORDINATE = 100_000;

const inRange = (value: number) => Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;

const number = (value: number) =>
  Math.abs(value) < 1e9 ? value.toLocaleString('en-US') : value.toExponential(0);

/**
 * Says, for a teacher, which concept has a position out of range and how many do, or null when
 * every position can be drawn.
 */
export function outOfRange(graph: Graph): string | null {
  const far = graph.concepts.filter(
    (concept) => concept.position && !(inRange(concept.position.x) && inRange(concept.position.y)),
  );
  const first = far[0];
  if (!first?.position) return null;
  const index = graph.concepts.indexOf(first) + 1;
  const others = far.length > 1 ? ` and ${far.length - 1} other concepts` : '';
  return `Concept ${index}, “${first.label}”, is placed at x ${number(first.position.x)}, y ${number(first.position.y)}${others}: too far away to draw (positions must lie within ${MAX_COORDINATE.toLocaleString('en-US')} of the centre).`;
}
