import { type InternalNode, Position, type XYPosition } from '@xyflow/react';

/** The measured size, or the declared one before the first measurement. */
function size(node: InternalNode): { width: number; height: number } {
  return {
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

function centre(node: InternalNode): XYPosition {
  const { x, y } = node.internals.positionAbsolute;
  const { width, height } = size(node);
  return { x: x + width / 2, y: y + height / 2 };
}

/** Where the line from `node`'s centre towards `other`'s centre leaves `node`'s box. */
function borderPoint(node: InternalNode, other: InternalNode): XYPosition {
  const w = size(node).width / 2;
  const h = size(node).height / 2;
  const from = centre(node);
  const to = centre(other);
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if ((dx === 0 && dy === 0) || w === 0 || h === 0) return from;
  const scale = 1 / Math.max(Math.abs(dx) / w, Math.abs(dy) / h);
  return { x: from.x + dx * scale, y: from.y + dy * scale };
}

function side(node: InternalNode, point: XYPosition): Position {
  const { x, y } = node.internals.positionAbsolute;
  const { width, height } = size(node);
  if (point.y <= y + 1) return Position.Top;
  if (point.y >= y + height - 1) return Position.Bottom;
  return point.x <= x + width / 2 ? Position.Left : Position.Right;
}

/** Endpoints for an edge drawn between the borders of two nodes, whatever their places. */
export function floatingEndpoints(source: InternalNode, target: InternalNode) {
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
