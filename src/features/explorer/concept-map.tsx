import {
  Background,
  BackgroundVariant,
  Controls,
  type FitViewOptions,
  MiniMap,
  type MiniMapNodeProps,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  getViewportForBounds,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import {
  type FocusEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cameraDuration } from '../../shared/motion';
import type { Atlas } from '../../model/atlas';
import type { AtlasNode, RelationEdge } from '../../model/flow';
import { sectionNodeId } from '../../model/flow';
import { LARGE_MAP } from '../../model/geometry';
import { kindStyles } from '../../model/kinds';
import { type Direction, neighbourInDirection } from '../../model/neighbours';
import { tourFrame } from '../../model/tour-view';
import { computeView, type MapView } from '../../model/view';
import {
  boundsOf,
  conceptsInWindow,
  visibleWindow,
  windowFromKey,
  windowKey,
} from '../../model/visible-window';
import { useAtlasStore } from '../../store/atlas-store';
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

type ViewState = {
  view: MapView;
  /** The same without the search: what the relations are drawn from, so typing leaves them be. */
  edgeView: MapView;
  selectedId: string | null;
  searchMatches: readonly string[];
};

/** The map's emphasis for the selection, focus, filters, search and tour in the store. */
function useMapView(): ViewState | null {
  const atlas = useAtlasStore((s) => s.atlas);
  const input = useAtlasStore(
    useShallow((s) => ({
      selectedId: s.selectedId,
      focusDepth: s.focusDepth,
      focusMode: s.focusMode,
      hiddenKinds: s.hiddenKinds,
      hiddenSections: s.hiddenSections,
      showCrossLinks: s.showCrossLinks,
      tourId: s.view === 'tour' || s.view === 'presenter' ? s.tour?.id : undefined,
      tourStep: s.tour?.step,
      reveal: s.reveal,
    })),
  );
  const searchMatches = useAtlasStore((s) => s.searchMatches);
  const viewInput = useMemo(() => {
    const tour = atlas?.tours.find((t) => t.id === input.tourId);
    const frame = tour ? tourFrame(tour, input.tourStep ?? 1) : null;
    return { ...input, tour: frame ? { ...frame, reveal: input.reveal } : null };
  }, [atlas, input]);
  const edgeView = useMemo(
    () => (atlas ? computeView(atlas, { ...viewInput, searchMatches: [] }) : null),
    [atlas, viewInput],
  );
  return useMemo(() => {
    if (!atlas || !edgeView) return null;
    const view =
      searchMatches.length === 0 ? edgeView : computeView(atlas, { ...viewInput, searchMatches });
    return { view, edgeView, selectedId: input.selectedId, searchMatches };
  }, [atlas, input.selectedId, viewInput, edgeView, searchMatches]);
}

type Padding = NonNullable<FitViewOptions['padding']>;

/**
 * The room to leave around what the camera frames: `fraction` of the view on each side, and on
 * the left at least as far as an open legend reaches over the map, so that it hides nothing.
 */
function framePadding(fraction: number, pane: HTMLElement | null): Padding {
  const legend = pane?.closest('.map-pane__canvas')?.querySelector('.legend');
  if (!pane || !legend || legend.querySelector('#legend-body[hidden]')) return fraction;
  const covered = legend.getBoundingClientRect().right - pane.getBoundingClientRect().left;
  if (covered <= 0) return fraction;
  return { top: fraction, right: fraction, bottom: fraction, left: `${Math.ceil(covered) + 12}px` };
}

/** Moves the camera smoothly to the selection's neighbourhood (instantly under reduced motion). */
function CameraFollower({
  frame,
  large,
  onFramed,
}: {
  frame: readonly string[];
  large: boolean;
  onFramed: () => void;
}) {
  const { fitView, setViewport } = useReactFlow();
  const store = useStoreApi();
  const initialised = useNodesInitialized();
  const sized = useStore((s) => s.width > 0 && s.height > 0);
  const atlas = useAtlasStore((s) => s.atlas);
  const framed = useRef(false);
  const framedKey = useRef<string | null>(null);
  const inTour = useAtlasStore((s) => s.view === 'tour' || s.view === 'presenter');
  const key = frame.join(' ');
  useEffect(() => {
    const ids = key === '' ? [] : key.split(' ');
    const padding = framePadding(
      ids.length === 0 ? fitViewOptions.padding : inTour ? 0.12 : 0.2,
      store.getState().domNode,
    );
    const maxZoom = inTour ? 1.6 : 1.1;
    if (large) {
      // Most of a large map's concepts have no element to measure: the camera frames their boxes,
      // and jumps, since every frame of a glide would redraw thousands of concepts. Concepts come
      // and go as the user pans, which must not bring the camera back: it moves for a new frame.
      const wanted = `${key}|${inTour}`;
      if (!sized || !atlas || framedKey.current === wanted) return;
      framedKey.current = wanted;
      const bounds =
        ids.length > 0
          ? boundsOf(ids.flatMap((id) => atlas.boxes.get(id) ?? []))
          : (boundsOf(Object.values(atlas.layout.sections)) ?? boundsOf(atlas.boxes.values()));
      if (!bounds) return;
      const { width, height, minZoom, maxZoom: most } = store.getState();
      const fit = ids.length > 0 ? maxZoom : most;
      void setViewport(getViewportForBounds(bounds, width, height, minZoom, fit, padding));
      framed.current = true;
      onFramed();
      return;
    }
    // Nodes must be measured before the camera can frame them. With nothing to frame the camera
    // shows the whole map; a deep link goes straight to its concept.
    if (!initialised) return;
    const first = !framed.current;
    framed.current = true;
    const duration = first ? 0 : cameraDuration(600);
    if (ids.length === 0) void fitView({ padding, duration });
    else void fitView({ nodes: ids.map((id) => ({ id })), duration, padding, maxZoom });
    onFramed();
  }, [initialised, sized, atlas, key, inTour, fitView, setViewport, store, large, onFramed]);
  return null;
}

export { LARGE_MAP };
/**
 * Below this zoom a large map is drawn as an overview on a canvas, without text or links. Labels
 * are 7 px at this zoom, too small to read, and every concept on a screen of them would need an
 * element.
 */
export const OVERVIEW_ZOOM = 0.5;
const OVERVIEW = 'overview';
/** How far from a concept's box, in screen pixels, a click on the overview still selects it. */
const OVERVIEW_REACH = 6;

/**
 * Which concepts of a large map get elements: none at the overview, else those in the window
 * around the viewport (see visibleWindow). The store selector returns a string, so a camera move
 * re-renders the map only when the window changes.
 */
function useConceptWindow(atlas: Atlas | null, enabled: boolean) {
  const key = useStore((s) => {
    if (!enabled) return '';
    if (s.transform[2] < OVERVIEW_ZOOM) return OVERVIEW;
    return windowKey(visibleWindow(s.transform, s.width, s.height));
  });
  return useMemo(() => {
    if (key === OVERVIEW) return { overview: true, concepts: emptyIds };
    const window = windowFromKey(key);
    return {
      overview: false,
      concepts: atlas && window ? conceptsInWindow(atlas.boxes, window) : emptyIds,
    };
  }, [atlas, key]);
}

/**
 * Fading is a class on the whole map rather than on each concept and relation, so that a new
 * selection or search re-renders only the concepts that stand out, not all of them.
 */
const DIMMING = /\b(is-faded|is-unmatched)\b/g;
const noDimming: ReadonlySet<string> = new Set();

const conceptElement = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/** The concept a focus event or key press happened on, if any. */
const conceptIdOf = (target: EventTarget) =>
  target instanceof Element
    ? target.closest<HTMLElement>('.react-flow__node-concept')?.dataset.id
    : undefined;

/** The whole argument as a read-only React Flow map: sections as groups, concepts inside them. */
export function ConceptMap() {
  // Its own store, which the map reads to know what part of it the camera shows.
  return (
    <ReactFlowProvider>
      <ConceptFlow />
    </ReactFlowProvider>
  );
}

function ConceptFlow() {
  const atlas = useAtlasStore((s) => s.atlas);
  const select = useAtlasStore((s) => s.select);
  const state = useMapView();
  const view = state?.view ?? null;
  const edgeView = state?.edgeView ?? null;
  const selectedId = state?.selectedId ?? null;
  const searchMatches = state?.searchMatches ?? emptyFrame;
  const visitedIds = useAtlasStore((s) => s.visited);
  const quizzedIds = useAtlasStore((s) => s.quizzed);
  const visited = useMemo(() => new Set(visitedIds), [visitedIds]);
  const quizzed = useMemo(() => new Set(quizzedIds), [quizzedIds]);
  const links = atlas?.links;
  const positions = useMemo(() => new Map(Object.entries(atlas?.layout.concepts ?? {})), [atlas]);
  const large = (atlas?.graph.concepts.length ?? 0) > LARGE_MAP;

  // A large map gives elements only to the concepts near the camera, once the camera is placed,
  // and to the concept that has the keyboard focus, wherever it is.
  const [placed, setPlaced] = useState(false);
  const onFramed = useCallback(() => setPlaced(true), []);
  const near = useConceptWindow(atlas, large && placed);
  const overview = large && (!placed || near.overview);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const hintId = useId();

  const dims = view?.dimming ?? noDimming;

  const nodes = useMemo(() => {
    if (!atlas || !view) return emptyNodes;
    const shown: AtlasNode[] = [];
    for (const node of atlas.nodes) {
      if (node.type === 'section') {
        const hidden = view.hiddenSections.has(node.id.slice(sectionNodeId('').length));
        shown.push(hidden ? { ...node, hidden } : node);
        continue;
      }
      const selected = node.id === selectedId;
      if (large && !near.concepts.has(node.id) && !selected && node.id !== focusedId) continue;
      const progress = quizzed.has(node.id)
        ? 'is-quizzed'
        : visited.has(node.id)
          ? 'is-visited'
          : '';
      const emphasis = view.conceptClass.get(node.id)?.replace(DIMMING, '').trim();
      const className = [emphasis, progress].filter(Boolean).join(' ');
      const hidden = view.hidden.has(node.id);
      if (!className && !hidden && !selected) shown.push(node);
      else shown.push({ ...node, hidden, selected, ...(className ? { className } : {}) });
    }
    return shown;
  }, [atlas, view, selectedId, visited, quizzed, large, near, focusedId]);

  const edges = useMemo(() => {
    if (!atlas || !edgeView) return emptyEdges;
    const view = edgeView;
    // Only a selection or a tour fades concepts; a search leaves the relations as they are.
    const fading = view.dimming.has('is-faded');
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
  }, [atlas, edgeView]);

  // A concept reached by an arrow key that had no element yet: focus it once it has one.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const element = conceptElement(id);
      if (element) {
        pendingFocus.current = null;
        element.focus();
      } else if (++tries < 30) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [nodes]);

  const flow = useRef<ReactFlowInstance<AtlasNode, RelationEdge> | null>(null);
  const flowStore = useStoreApi();

  /**
   * The concept under a click on the overview canvas, which stands in for the concepts: the nearest
   * box within a few pixels, since zoomed out a box may be a pixel or two high.
   */
  function conceptAt(event: React.MouseEvent): string | null {
    const instance = flow.current;
    if (!large || !atlas || !instance) return null;
    const zoom = instance.getZoom();
    if (zoom >= OVERVIEW_ZOOM) return null;
    const at = instance.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    let nearest: string | null = null;
    let best = OVERVIEW_REACH / zoom;
    for (const [id, box] of atlas.boxes) {
      if (view?.hidden.has(id)) continue;
      const dx = Math.max(box.x - at.x, 0, at.x - box.x - box.width);
      const dy = Math.max(box.y - at.y, 0, at.y - box.y - box.height);
      const distance = Math.hypot(dx, dy);
      if (distance <= best) {
        best = distance;
        nearest = id;
      }
    }
    return nearest;
  }
  const marked = useMemo(
    () => new Set(selectedId ? [selectedId, ...searchMatches] : searchMatches),
    [selectedId, searchMatches],
  );
  const mapClass = ['concept-map', ...(large ? [] : [...dims].map((d) => `has-${d.slice(3)}`))];
  if (large) mapClass.push('is-large');
  if (overview) mapClass.push('is-overview');

  /**
   * Zoomed out, a large map has no concept elements for Tab to reach, so the map itself takes the
   * focus. Enter, Space or an arrow key there brings the camera to the selection, or else to the
   * argument's first concept, and puts the focus on it; the arrow keys go on from there.
   */
  function enterOverview(): void {
    const instance = flow.current;
    if (!atlas || !instance) return;
    let start = selectedId;
    if (!start || view?.hidden.has(start)) {
      start = null;
      let first = Infinity;
      for (const [id, place] of atlas.order) {
        if (place < first && !view?.hidden.has(id)) [start, first] = [id, place];
      }
    }
    const box = start ? atlas.boxes.get(start) : undefined;
    if (!start || !box) return;
    pendingFocus.current = start;
    setFocusedId(start);
    void instance.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: 1 });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (overview && event.target === event.currentTarget) {
      if (event.key === 'Enter' || event.key === ' ' || event.key in arrows) {
        event.preventDefault();
        enterOverview();
      }
      return;
    }
    const id = conceptIdOf(event.target);
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
      if (!next) return;
      const element = conceptElement(next);
      if (element) element.focus();
      else if (large) {
        pendingFocus.current = next;
        setFocusedId(next);
      }
    }
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const id = conceptIdOf(event.target);
    if (large && id && id !== focusedId) setFocusedId(id);
  }

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the map's keys: the region passes arrow keys between its concept buttons
    <div
      className={mapClass.join(' ')}
      aria-label="Concept map"
      role="region"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- zoomed out, the map draws no concept buttons, so the region itself takes the keyboard
      tabIndex={overview ? 0 : undefined}
      aria-describedby={overview ? hintId : undefined}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {overview ? (
        <p id={hintId} className="visually-hidden concept-map__hint">
          Zoomed out. Press Enter to start at {selectedId ? 'the selected' : 'the first'} concept,
          or / to search.
        </p>
      ) : null}
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
        <Controls
          showInteractive={false}
          // Its own fit runs first, over the whole pane; this one leaves an open legend room.
          onFitView={() => {
            const pane = flowStore.getState().domNode;
            void flow.current?.fitView({ padding: framePadding(fitViewOptions.padding, pane) });
          }}
        />
        {large ? <EdgeLayer edges={edges} /> : null}
        {large && atlas ? (
          <OverviewCanvas atlas={atlas} marked={marked} below={OVERVIEW_ZOOM} />
        ) : null}
        {large ? null : (
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
        <CameraFollower frame={view?.frame ?? emptyFrame} large={large} onFramed={onFramed} />
      </ReactFlow>
    </div>
  );
}

const emptyNodes: AtlasNode[] = [];
const emptyEdges: RelationEdge[] = [];
const emptyFrame: string[] = [];
const emptyIds: ReadonlySet<string> = new Set();
