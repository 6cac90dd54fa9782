import type { Graph } from './schema.ts';

/** Concepts joined by a relation, in either direction. */
export type Adjacency = ReadonlyMap<string, readonly string[]>;

export function adjacency(graph: Graph): Adjacency {
  const links = new Map<string, string[]>(graph.concepts.map((c) => [c.id, []]));
  for (const { source, target } of graph.relations) {
    links.get(source)?.push(target);
    links.get(target)?.push(source);
  }
  return links;
}

/** Every concept within `depth` steps of `start`, with its distance (0 for `start` itself). */
export function neighbourhood(links: Adjacency, start: string, depth: number): Map<string, number> {
  const distance = new Map([[start, 0]]);
  let frontier = [start];
  for (let step = 1; step <= depth && frontier.length > 0; step += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of links.get(id) ?? []) {
        if (!distance.has(other)) {
          distance.set(other, step);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

export type Direction = 'up' | 'down' | 'left' | 'right';
type Point = { x: number; y: number };

const unit: Record<Direction, Point> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/**
 * The connected concept an arrow key leads to: among the neighbours that lie roughly in that
 * direction (within 60 degrees of it), the one that is closest, with straighter ones preferred.
 */
export function neighbourInDirection(
  links: Adjacency,
  positions: ReadonlyMap<string, Point>,
  from: string,
  direction: Direction,
  isVisible: (id: string) => boolean = () => true,
): string | null {
  const origin = positions.get(from);
  if (!origin) return null;
  const want = unit[direction];
  let best: { id: string; cost: number } | null = null;
  for (const id of links.get(from) ?? []) {
    const at = positions.get(id);
    if (!at || id === from || !isVisible(id)) continue;
    const dx = at.x - origin.x;
    const dy = at.y - origin.y;
    const length = Math.hypot(dx, dy);
    if (length === 0) continue;
    const cos = (dx * want.x + dy * want.y) / length;
    if (cos < 0.5) continue;
    const cost = length * (2 - cos);
    if (!best || cost < best.cost) best = { id, cost };
  }
  return best?.id ?? null;
}
