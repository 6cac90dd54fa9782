import {
  Position,
  type Connection,
  type Edge,
  type NodeChange,
  type NodeHandle,
  type OnNodeDrag,
  type ReactFlowProps,
  type XYPosition,
} from '@xyflow/react';
import { type KeyboardEvent, useMemo, useState } from 'react';
import type { Atlas } from '../../../model/atlas';
import type { AtlasNode, RelationEdge } from '../../../model/flow';
import { NODE_WIDTH } from '../../../model/geometry';

/** What a map being made asks of whoever makes it. */
export type MapEditing = {
  /** A line was drawn from the `source` concept's handle to the `target` concept. */
  onConnect: (source: string, target: string) => void;
  /** A concept was dragged to `position` (its top left corner, in map coordinates). */
  onPlace: (conceptId: string, position: XYPosition) => void;
};

/** The handle to draw a relation from, in map units at full size. */
const LINK_HANDLE = 24;

/** A press that moves less than this is a click, and pins nothing. */
const DRAG_THRESHOLD = 4;

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

const isConcept = (target: EventTarget) =>
  target instanceof Element && target.closest('.react-flow__node-concept') !== null;

/**
 * The handles of a concept on a map being made, declared as the node's others are (React Flow then
 * takes them from here rather than from the page): the one a relation is drawn from, on the right
 * edge, and the one it ends at, the whole concept (see ConceptNodeView).
 */
const editingHandles = (height: number): NodeHandle[] => [
  {
    id: 'link',
    type: 'source',
    position: Position.Right,
    x: NODE_WIDTH - LINK_HANDLE / 2,
    y: height / 2 - LINK_HANDLE / 2,
    width: LINK_HANDLE,
    height: LINK_HANDLE,
  },
  { id: 'drop', type: 'target', position: Position.Left, x: 0, y: 0, width: NODE_WIDTH, height },
];

type Moving = { atlas: Atlas | null; positions: ReadonlyMap<string, XYPosition> };

/**
 * A concept's node as a map being made draws it: dragged and connected by hand. Made once for
 * each node, so that a key typed into one concept leaves React Flow every other node as it was.
 */
function editable(node: AtlasNode & { type: 'concept' }): AtlasNode {
  let made = editableNodes.get(node);
  if (!made) {
    made = {
      ...node,
      draggable: true,
      connectable: true,
      handles: [...(node.handles ?? []), ...editingHandles(node.data.height)],
    };
    editableNodes.set(node, made);
  }
  return made;
}
const editableNodes = new WeakMap<AtlasNode, AtlasNode>();

/**
 * What makes the map editable while a draft is open: its concepts can be dragged and connected.
 * A dragged concept follows the pointer, and stays where it was dropped until the map is drawn
 * again with it there. The arrow keys keep following relations, as on every map, rather than
 * nudging the selected concept as React Flow would.
 */
export function useMapEditing(
  editing: MapEditing | undefined,
  nodes: AtlasNode[],
  atlas: Atlas | null,
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void,
): {
  nodes: AtlasNode[];
  flowProps: Partial<ReactFlowProps<AtlasNode, RelationEdge>>;
  onKeyDownCapture: ((event: KeyboardEvent<HTMLDivElement>) => void) | undefined;
} {
  const [moving, setMoving] = useState<Moving | null>(null);
  const moved = moving?.atlas === atlas ? moving.positions : null;

  const shown = useMemo(() => {
    if (!editing) return nodes;
    return nodes.map((node): AtlasNode => {
      if (node.type !== 'concept') return node;
      const position = moved?.get(node.id);
      return position ? { ...editable(node), position } : editable(node);
    });
  }, [editing, nodes, moved]);

  if (!editing) return { nodes, flowProps: {}, onKeyDownCapture: undefined };

  const onNodesChange = (changes: NodeChange<AtlasNode>[]) => {
    const positions = changes.flatMap((change) =>
      change.type === 'position' && change.position ? [[change.id, change.position] as const] : [],
    );
    if (positions.length === 0) return;
    setMoving((last) => ({
      atlas,
      positions: new Map([...(last?.atlas === atlas ? last.positions : []), ...positions]),
    }));
  };

  const onNodeDragStop: OnNodeDrag<AtlasNode> = (_, node) => {
    const from = nodes.find((candidate) => candidate.id === node.id);
    const parent = nodes.find((candidate) => candidate.id === node.parentId);
    if (node.type !== 'concept' || !from) return;
    const dx = node.position.x - from.position.x;
    const dy = node.position.y - from.position.y;
    if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    const origin = parent?.position ?? { x: 0, y: 0 };
    editing.onPlace(node.id, { x: origin.x + node.position.x, y: origin.y + node.position.y });
  };

  const related = (connection: Connection | Edge) => connection.source !== connection.target;

  return {
    nodes: shown,
    flowProps: {
      onNodesChange,
      onNodeDragStop,
      nodeDragThreshold: DRAG_THRESHOLD,
      onConnect: (connection) => {
        if (related(connection)) editing.onConnect(connection.source, connection.target);
      },
      isValidConnection: related,
      // Concepts and relations are deleted from the concept's form, where undo is at hand.
      deleteKeyCode: null,
    },
    onKeyDownCapture: (event) => {
      if (!ARROWS.has(event.key) || !isConcept(event.target)) return;
      event.stopPropagation();
      onKeyDown(event);
    },
  };
}
