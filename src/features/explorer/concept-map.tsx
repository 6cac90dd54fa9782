import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  type MiniMapNodeProps,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  useStoreApi,
} from '@xyflow/react';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useMapEditing, type MapEditing } from './map/use-map-editing';
import type { AtlasNode, RelationEdge } from '../../model/flow';
import { MAP_MIN_ZOOM } from '../../model/framing';
import { LARGE_MAP } from '../../model/geometry';
import { kindStyles } from '../../model/kinds';
import { useAtlasStore } from '../../store/atlas-store';
import { selectInTour } from '../../store/selectors';
import { useUnhurriedAtlas } from '../../store/unhurried-atlas';
import EdgeLayer from './edges/edge-layer';
import RelationEdgeView from './edges/relation-edge';
import { ExportMenu } from './export-menu';
import { CameraFollower } from './map/camera-follower';
import { framePadding, WHOLE_MAP_PADDING } from './map/frame-padding';
import { FitViewIcon } from './map/fit-view-icon';
import { conceptAtOverview } from './map/overview-hit-test';
import { OVERVIEW_ZOOM, useConceptWindow } from './map/use-concept-window';
import { useMapEdges, useMapNodes } from './map/use-map-elements';
import { useFocusWhenRendered, useMapKeyboard } from './map/use-map-keyboard';
import { FarSectionTitles } from './map/far-section-titles';
import { StepCloseUp } from './map/step-close-up';
import { StepCloseUpReturn } from './map/step-close-up-return';
import { tiersOf, useFarLabels } from './map/use-far-labels';
import { useMapView } from './map/use-map-view';
import { wholeMapPadding, wholeMapViewport } from './map/whole-map-view';
import { ZoomVariable } from './map/zoom-variable';
import ConceptNodeView from './nodes/concept-node';
import SectionNodeView from './nodes/section-node';
import OverviewCanvas from './overview-canvas';

const nodeTypes = { concept: ConceptNodeView, section: SectionNodeView };
const edgeTypes = { relation: RelationEdgeView };
const miniMapStyle = { width: 150, height: 100 };
const ariaLabelConfig = {
  'node.a11yDescription.default':
    'Press Enter to select a concept, the arrow keys to move to a connected concept, Escape to clear the selection.',
  'controls.ariaLabel': 'Map zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole map',
  'minimap.ariaLabel': 'Overview of the whole map',
};
const noDimming: ReadonlySet<string> = new Set();
const emptyEdges: RelationEdge[] = [];
const emptyFrame: string[] = [];

function miniMapColour(node: AtlasNode): string {
  return node.type === 'concept' ? kindStyles[node.data.kind].colour : 'transparent';
}

function MiniMapNode({ x, y, width, height, color }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} fill={color} rx={8} />;
}

export type { MapEditing };

/**
 * The whole argument as a React Flow map: sections as groups, concepts inside them. Read-only,
 * unless `editing` is given (a map being made): then a line drawn from a concept's handle to
 * another concept asks to relate them, and a concept dragged elsewhere asks to stay there.
 */
export function ConceptMap({ editing }: { editing?: MapEditing }) {
  // Its own store, which the map reads to know what part of it the camera shows.
  return (
    <ReactFlowProvider>
      <ConceptFlow editing={editing} />
    </ReactFlowProvider>
  );
}

function ConceptFlow({ editing }: { editing: MapEditing | undefined }) {
  // A concept's node shows what is typed into it at once; the rest of the map (its emphasis,
  // relations and labels zoomed out) follows when React has a moment (see useUnhurriedAtlas).
  const live = useAtlasStore((s) => s.atlas);
  const atlas = useUnhurriedAtlas();
  const select = useAtlasStore((s) => s.select);
  // A map being made is laid out anew as it changes: until then its concepts are still to move.
  const layingOut = useAtlasStore((s) => s.draftLayingOut);
  const state = useMapView(atlas);
  const view = state?.view ?? null;
  const edgeView = state?.edgeView ?? null;
  const selectedId = state?.selectedId ?? null;
  const searchMatches = state?.searchMatches ?? emptyFrame;
  const large = (atlas?.graph.concepts.length ?? 0) > LARGE_MAP;
  const flow = useRef<ReactFlowInstance<AtlasNode, RelationEdge> | null>(null);
  const flowStore = useStoreApi();

  // A large map gives elements only to the concepts near the camera, once the camera is placed,
  // and to the concept that has the keyboard focus, wherever it is.
  const [placed, setPlaced] = useState(false);
  const onFramed = useCallback(() => setPlaced(true), []);
  const near = useConceptWindow(atlas, large && placed);
  const overview = large && (!placed || near.overview);
  // Each time the camera comes to rest, the floating labels are placed for exactly where it is.
  const [rest, setRest] = useState(0);
  const inTour = useAtlasStore(selectInTour);
  const far = useFarLabels(atlas, view, large ? near.concepts : null, rest, inTour);
  // Zoomed out, concept boxes are too small to be targets (under 24 px): the map itself takes the
  // keyboard, as a large map's overview does, and Enter brings the camera close to a concept.
  const farKeys = !large && far.detail === 'far';
  const regionKeys = overview || farKeys;
  const keys = useMapKeyboard({ atlas, view, selectedId, large, overview: regionKeys, flow });
  const hintId = useId();
  // The same function at every render: React Flow draws each concept again when it changes.
  const onNodeClick = useCallback(
    (_: React.MouseEvent, node: AtlasNode) => {
      if (node.type === 'concept') select(node.id);
    },
    [select],
  );

  const mapNodes = useMapNodes({
    atlas: live,
    view,
    selectedId,
    large,
    near: near.concepts,
    focusedId: keys.focusedId,
    labelled: far.labelled,
    focusable: !farKeys,
  });
  // Zoomed out with nothing selected, the relations among the concepts that carry the argument.
  // Not in a tour: there the step's own relations stand out, each with its phrase.
  const backbone = useMemo(() => {
    if (!atlas || large || far.detail !== 'far' || selectedId || inTour) return null;
    const tiers = tiersOf(atlas);
    return new Set([...tiers].flatMap(([id, tier]) => (tier === 1 ? [id] : [])));
  }, [atlas, large, far.detail, selectedId, inTour]);
  const edges = useMapEdges(
    atlas,
    edgeView,
    backbone,
    inTour && far.detail === 'far' ? far.phrases : null,
  );
  const edit = useMapEditing(editing, mapNodes, atlas, keys.onKeyDown);
  const nodes = edit.nodes;
  useFocusWhenRendered(keys.pendingFocus, nodes);

  const marked = useMemo(
    () => new Set(selectedId ? [selectedId, ...searchMatches] : searchMatches),
    [selectedId, searchMatches],
  );
  const dims = view?.dimming ?? noDimming;
  const mapClass = ['concept-map', ...(large ? [] : [...dims].map((d) => `has-${d.slice(3)}`))];
  if (large) mapClass.push('is-large');
  if (overview) mapClass.push('is-overview');
  if (far.detail === 'far') mapClass.push('is-far');
  if (inTour) mapClass.push('is-tour');
  if (editing) mapClass.push('is-editing');
  const closeUp = Boolean(atlas && view && inTour && far.detail === 'far' && far.closeUp);
  // The close-up's cards name the step's concepts: the map's own labels under it give way.
  if (closeUp) mapClass.push('has-close-up');
  const wrapper = useRef<HTMLDivElement>(null);

  const conceptAt = (event: React.MouseEvent): string | null =>
    large && atlas && flow.current
      ? conceptAtOverview(flow.current, atlas.boxes, view?.hidden, event)
      : null;

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the map's keys: the region passes arrow keys between its concept buttons
    <div
      ref={wrapper}
      className={mapClass.join(' ')}
      aria-label="Concept map"
      aria-busy={editing ? layingOut : undefined}
      role="region"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- zoomed out, the map draws no concept buttons, so the region itself takes the keyboard
      tabIndex={regionKeys ? 0 : undefined}
      aria-describedby={regionKeys ? hintId : undefined}
      onKeyDown={keys.onKeyDown}
      onKeyDownCapture={edit.onKeyDownCapture}
      onFocus={keys.onFocus}
      style={
        {
          '--map-label-px': `${far.px}px`,
          '--map-title-px': `${far.titlePx}px`,
          '--tour-phrase-px': `${far.phrasePx}px`,
        } as React.CSSProperties
      }
    >
      {regionKeys ? (
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
        nodesDraggable={editing !== undefined}
        nodesConnectable={editing !== undefined}
        {...edit.flowProps}
        edgesFocusable={false}
        elementsSelectable
        // Layers as the map's CSS and elements set them: React Flow would lift the selection's
        // relations over every concept (a thousand layers up, its concepts being a section's
        // children), so that zoomed out they crossed the floating labels' text.
        zIndexMode="manual"
        // A large map still fits as a whole: its overview draws plain boxes.
        minZoom={large ? 0.01 : MAP_MIN_ZOOM}
        maxZoom={2.5}
        ariaLabelConfig={ariaLabelConfig}
        onNodeClick={onNodeClick}
        onInit={(instance) => {
          flow.current = instance;
        }}
        onPaneClick={(event) => select(conceptAt(event))}
        onMoveEnd={() => setRest((n) => n + 1)}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
        <Controls showInteractive={false} showFitView={false}>
          {/* Its own fit frames every node over the whole pane; this one keeps them clear of
              the controls, the minimap, the Export button and the legend. */}
          <ControlButton
            className="react-flow__controls-fitview"
            title={ariaLabelConfig['controls.fitView.ariaLabel']}
            aria-label={ariaLabelConfig['controls.fitView.ariaLabel']}
            onClick={() => {
              const state = flowStore.getState();
              // A large map has elements only near the camera: its whole is framed from the layout.
              const whole = large ? wholeMapViewport(state, atlas, true) : null;
              const padding =
                wholeMapPadding(state) ?? framePadding(WHOLE_MAP_PADDING, state.domNode);
              if (whole) void flow.current?.setViewport(whole);
              else void flow.current?.fitView({ padding });
            }}
          >
            <FitViewIcon />
          </ControlButton>
        </Controls>
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
        <ZoomVariable target={wrapper} />
        {atlas && view && !large && far.detail === 'far' ? (
          <FarSectionTitles atlas={atlas} hiddenSections={view.hiddenSections} shown={far.titles} />
        ) : null}
        {closeUp && atlas && view ? (
          <StepCloseUp atlas={atlas} ids={view.frame} px={far.px} />
        ) : null}
        {/* A close-up just left glides back to the map, this one or the explorer's after a tour. */}
        {atlas ? <StepCloseUpReturn atlas={atlas} ready={placed} /> : null}
        <ExportMenu />
        <CameraFollower
          frame={view?.frame ?? emptyFrame}
          selectedId={selectedId}
          large={large}
          onFramed={onFramed}
        />
      </ReactFlow>
    </div>
  );
}
