import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  type MiniMapNodeProps,
  ReactFlow,
  type ReactFlowInstance,
  useNodesInitialized,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cameraDuration } from '../lib/motion';
import type { AtlasNode, RelationEdge } from '../model/flow';
import { sectionNodeId } from '../model/flow';
import { LARGE_MAP } from '../model/geometry';
import { kindStyles } from '../model/kinds';
import { type Direction, neighbourInDirection } from '../model/neighbours';
import { tourFrame } from '../model/tour-view';
import { computeView, type MapView } from '../model/view';
import { useAtlasStore } from '../store/atlas-store';
import EdgeLayer from './edges/edge-layer';
import OverviewCanvas from './overview-canvas';
import RelationEdgeView from './edges/relation-edge';
import { ExportMenu } from './export-menu';
import ConceptNodeView from './nodes/concept-node';
import SectionNodeView from './nodes/section-node';

const nodeTypes = { concept: ConceptNodeView, section: SectionNodeView };
const edgeTypes = { relation: RelationEdgeView };
const miniMapStyle = { width: 150, height: 100 };
const fitViewOptions = { padding: 0.04 };
const ariaLabelConfig = {
  'node.a11yDescription.default':
    'Press Enter to select a concept, the arrow keys to move to a connected concept, Escape to clear the selection.',
  'controls.ariaLabel': 'Map zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole map',
  'minimap.ariaLabel': 'Overview of the whole map',
};
const arrows: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

function miniMapColour(node: AtlasNode): string {
  return node.type === 'concept' ? kindStyles[node.data.kind].colour : 'transparent';
}

function MiniMapNode({ x, y, width, height, color }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} fill={color} rx={8} />;
}

function useMapView(): MapView | null {
  const atlas = useAtlasStore((s) => s.atlas);
  const input = useAtlasStore(
    useShallow((s) => ({
      selectedId: s.selectedId,
      focusDepth: s.focusDepth,
      focusMode: s.focusMode,
      hiddenKinds: s.hiddenKinds,
      hiddenSections: s.hiddenSections,
      searchMatches: s.searchMatches,
      showCrossLinks: s.showCrossLinks,
      tourId: s.view === 'tour' || s.view === 'presenter' ? s.tour?.id : undefined,
      tourStep: s.tour?.step,
      reveal: s.reveal,
    })),
  );
  return useMemo(() => {
    if (!atlas) return null;
    const tour = atlas.tours.find((t) => t.id === input.tourId);
    const frame = tour ? tourFrame(tour, input.tourStep ?? 1) : null;
    return computeView(atlas, {
      ...input,
      tour: frame ? { ...frame, reveal: input.reveal } : null,
    });
  }, [atlas, input]);
}

/** Moves the camera smoothly to the selection's neighbourhood (instantly under reduced motion). */
function CameraFollower({ frame, large }: { frame: readonly string[]; large: boolean }) {
  const { fitView } = useReactFlow();
  const initialised = useNodesInitialized();
  const framed = useRef(false);
  const inTour = useAtlasStore((s) => s.view === 'tour' || s.view === 'presenter');
  const key = frame.join(' ');
  useEffect(() => {
    // Nodes must be measured before the camera can frame them. With nothing to frame the camera
    // shows the whole map; a deep link goes straight to its concept.
    if (!initialised) return;
    // A large map jumps: every frame of a glide would redraw thousands of concepts.
    const first = !framed.current || large;
    framed.current = true;
    if (key === '') {
      void fitView({ ...fitViewOptions, duration: first ? 0 : cameraDuration(600) });
      return;
    }
    void fitView({
      nodes: key.split(' ').map((id) => ({ id })),
      duration: first ? 0 : cameraDuration(600),
      padding: inTour ? 0.12 : 0.2,
      maxZoom: inTour ? 1.6 : 1.1,
    });
  }, [initialised, key, inTour, fitView, large]);
  return null;
}

export { LARGE_MAP };
/** Below this zoom a large map is drawn as an overview on a canvas, without text or links. */
export const OVERVIEW_ZOOM = 0.35;

/**
 * Level of detail for large maps: zoomed out, the overview canvas stands in for the concepts and
 * the relations are left out, so panning and zooming stay smooth. Only crossing the threshold
 * re-renders anything.
 */
function LevelOfDetail({ container }: { container: React.RefObject<HTMLDivElement | null> }) {
  const overview = useStore((s) => s.transform[2] < OVERVIEW_ZOOM);
  useEffect(() => {
    container.current?.classList.toggle('is-overview', overview);
  }, [container, overview]);
  return null;
}

/**
 * Fading is a class on the whole map rather than on each concept and relation, so that a new
 * selection or search re-renders only the concepts that stand out, not all of them.
 */
const DIMMING = /\b(is-faded|is-unmatched)\b/g;

function focusNode(id: string) {
  const element = document.querySelector<HTMLElement>(
    `.react-flow__node[data-id="${CSS.escape(id)}"]`,
  );
  element?.focus();
}

/** The whole argument as a read-only React Flow map: sections as groups, concepts inside them. */
export function ConceptMap() {
  const atlas = useAtlasStore((s) => s.atlas);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const select = useAtlasStore((s) => s.select);
  const view = useMapView();
  const visitedIds = useAtlasStore((s) => s.visited);
  const quizzedIds = useAtlasStore((s) => s.quizzed);
  const visited = useMemo(() => new Set(visitedIds), [visitedIds]);
  const quizzed = useMemo(() => new Set(quizzedIds), [quizzedIds]);
  const links = atlas?.links;
  const positions = useMemo(() => new Map(Object.entries(atlas?.layout.concepts ?? {})), [atlas]);

  const dims = useMemo(() => {
    const classes = new Set<string>();
    for (const className of view?.conceptClass.values() ?? []) {
      for (const [token] of className.matchAll(DIMMING)) classes.add(token);
    }
    return classes;
  }, [view]);

  const nodes = useMemo(() => {
    if (!atlas || !view) return emptyNodes;
    return atlas.nodes.map((node): AtlasNode => {
      if (node.type === 'section') {
        const hidden = view.hiddenSections.has(node.id.slice(sectionNodeId('').length));
        return hidden ? { ...node, hidden } : node;
      }
      const progress = quizzed.has(node.id)
        ? 'is-quizzed'
        : visited.has(node.id)
          ? 'is-visited'
          : '';
      const emphasis = view.conceptClass.get(node.id)?.replace(DIMMING, '').trim();
      const className = [emphasis, progress].filter(Boolean).join(' ');
      const hidden = view.hidden.has(node.id);
      const selected = node.id === selectedId;
      if (!className && !hidden && !selected) return node;
      return { ...node, hidden, selected, ...(className ? { className } : {}) };
    });
  }, [atlas, view, selectedId, visited, quizzed]);

  const edges = useMemo(() => {
    if (!atlas || !view) return emptyEdges;
    const fading = dims.has('is-faded');
    return atlas.edges.map((edge): RelationEdge => {
      const hidden = view.hiddenEdges.has(edge.id);
      const emphasised = view.emphasisedEdges.has(edge.id);
      // While the rest fades, the few relations that stay clear say so.
      const clear = fading && !hidden && !emphasised && !view.fadedEdges.has(edge.id);
      if (!hidden && !emphasised && !clear) return edge;
      return {
        ...edge,
        hidden,
        ...(clear ? { className: 'is-in-focus' } : {}),
        ...(emphasised ? { zIndex: 1, className: 'is-emphasised' } : {}),
        data: { ...edge.data!, emphasised },
      };
    });
  }, [atlas, view, dims]);

  const large = (atlas?.graph.concepts.length ?? 0) > LARGE_MAP;
  const flow = useRef<ReactFlowInstance<AtlasNode, RelationEdge> | null>(null);

  /** The concept under a click on the overview canvas, which stands in for the concepts. */
  function conceptAt(event: React.MouseEvent): string | null {
    const instance = flow.current;
    if (!large || !atlas || !instance || instance.getZoom() >= OVERVIEW_ZOOM) return null;
    const at = instance.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const hit = atlas.graph.concepts.find((concept) => {
      const box = atlas.boxes.get(concept.id);
      return (
        box !== undefined &&
        at.x >= box.x &&
        at.x <= box.x + box.width &&
        at.y >= box.y &&
        at.y <= box.y + box.height
      );
    });
    return hit?.id ?? null;
  }
  const searchMatches = useAtlasStore((s) => s.searchMatches);
  const marked = useMemo(
    () => new Set(selectedId ? [selectedId, ...searchMatches] : searchMatches),
    [selectedId, searchMatches],
  );
  const container = useRef<HTMLDivElement>(null);
  const mapClass = ['concept-map', ...(large ? [] : [...dims].map((d) => `has-${d.slice(3)}`))];
  if (large) mapClass.push('is-large');

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node-concept');
    const id = element?.dataset.id;
    if (!id || !links) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(id);
    } else if (event.key in arrows) {
      event.preventDefault();
      const next = neighbourInDirection(
        links,
        positions,
        id,
        arrows[event.key]!,
        (other) => !view?.hidden.has(other),
      );
      if (next) focusNode(next);
    }
  }

  return (
    <div
      ref={container}
      className={mapClass.join(' ')}
      aria-label="Concept map"
      role="region"
      onKeyDown={onKeyDown}
    >
      <ReactFlow
        nodes={nodes}
        edges={large ? emptyEdges : edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        // A large map still fits as a whole: its overview draws plain boxes.
        minZoom={large ? 0.01 : 0.05}
        maxZoom={2.5}
        ariaLabelConfig={ariaLabelConfig}
        onNodeClick={(_, node) => node.type === 'concept' && select(node.id)}
        onInit={(instance) => {
          flow.current = instance;
        }}
        onPaneClick={(event) => select(conceptAt(event))}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
        <Controls showInteractive={false} />
        {large ? <EdgeLayer edges={edges} /> : null}
        {large && atlas ? (
          <OverviewCanvas atlas={atlas} marked={marked} below={OVERVIEW_ZOOM} />
        ) : null}
        {large ? (
          <LevelOfDetail container={container} />
        ) : (
          // The minimap redraws every concept on every camera move: too slow for a large map,
          // whose own zoomed-out overview serves instead.
          <MiniMap<AtlasNode>
            style={miniMapStyle}
            nodeColor={miniMapColour}
            nodeComponent={MiniMapNode}
            pannable
            zoomable
            ariaLabel="Overview of the whole map"
          />
        )}
        <ExportMenu />
        <CameraFollower frame={view?.frame ?? emptyFrame} large={large} />
      </ReactFlow>
    </div>
  );
}

const emptyNodes: AtlasNode[] = [];
const emptyEdges: RelationEdge[] = [];
const emptyFrame: string[] = [];
