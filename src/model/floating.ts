import { Position, type XYPosition } from '@xyflow/react';

/** A node's box in map coordinates. */
export type Box = { x: number; y: number; width: number; height: number };

/** Whether two boxes overlap, or come closer than `gap` to each other. */
export function boxesMeet(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** Where an edge starts and ends, and which side of each box it leaves from. */
export type EdgeEnds = {
  sourceX: number;
  sourceY: number;
  sourcePosition: Position;
  targetX: number;
  targetY: number;
  targetPosition: Position;
};

const centre = (box: Box): XYPosition => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Whether `box` lies wholly inside `within`; anywhere, where there is no `within`. */
export function boxInside(box: Box, within: Box | undefined): boolean {
  return (
    !within ||
    (box.x >= within.x &&
      box.y >= within.y &&
      box.x + box.width <= within.x + within.width &&
      box.y + box.height <= within.y + within.height)
  );
}

/** Where the line from `box`'s centre towards `other`'s centre leaves `box`. */
export function borderPoint(box: Box, other: Box): XYPosition {
  const w = box.width / 2;
  const h = box.height / 2;
  const from = centre(box);
  const to = centre(other);
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if ((dx === 0 && dy === 0) || w === 0 || h === 0) return from;
  const scale = 1 / Math.max(Math.abs(dx) / w, Math.abs(dy) / h);
  return { x: from.x + dx * scale, y: from.y + dy * scale };
}

function side(box: Box, point: XYPosition): Position {
  if (point.y <= box.y + 1) return Position.Top;
  if (point.y >= box.y + box.height - 1) return Position.Bottom;
  return point.x <= box.x + box.width / 2 ? Position.Left : Position.Right;
}

/**
 * Endpoints for an edge drawn between the borders of two boxes. Concepts never move, so this is
 * worked out once when the map loads rather than by every edge on every camera move.
 */
export function floatingEnds(source: Box, target: Box): EdgeEnds {
  const s = borderPoint(source, target);
  const t = borderPoint(target, source);
  return {
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: side(source, s),
    targetX: t.x,
    targetY: t.y,
    targetPosition: side(target, t),
  };
}
