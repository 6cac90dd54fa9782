import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  type MiniMapNodeProps,
  ReactFlow,
} from '@xyflow/react';
import { useMemo } from 'react';
import type { AtlasNode, RelationEdge } from '../model/flow';
import { kindStyles } from '../model/kinds';
import { useAtlasStore } from '../store/atlas-store';
import RelationEdgeView from './edges/relation-edge';
import ConceptNodeView from './nodes/concept-node';
import SectionNodeView from './nodes/section-node';

const nodeTypes = { concept: ConceptNodeView, section: SectionNodeView };
const edgeTypes = { relation: RelationEdgeView };
const fitViewOptions = { padding: 0.04 };
const proOptions = { hideAttribution: false };
const ariaLabelConfig = {
  'node.a11yDescription.default':
    'Press Enter to select this concept. Use the arrow keys to move between concepts.',
  'controls.ariaLabel': 'Map zoom controls',
  'minimap.ariaLabel': 'Overview of the whole map',
};

function miniMapColour(node: AtlasNode): string {
  return node.type === 'concept' ? kindStyles[node.data.kind].colour : 'transparent';
}

function MiniMapNode({ x, y, width, height, color }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} fill={color} rx={8} />;
}

/** The whole argument as a read-only React Flow map: sections as groups, concepts inside them. */
export function ConceptMap() {
  const allNodes = useAtlasStore((s) => s.atlas?.nodes ?? emptyNodes);
  const allEdges = useAtlasStore((s) => s.atlas?.edges ?? emptyEdges);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const showCrossLinks = useAtlasStore((s) => s.showCrossLinks);
  const select = useAtlasStore((s) => s.select);
  const nodes = useMemo(
    () =>
      allNodes.map((node) => {
        const selected = node.id === selectedId;
        return selected === Boolean(node.selected) ? node : { ...node, selected };
      }),
    [allNodes, selectedId],
  );
  const edges = useMemo(
    () =>
      allEdges.map((edge) => {
        const touchesSelection = edge.source === selectedId || edge.target === selectedId;
        const hidden = Boolean(edge.data?.crossesSections) && !showCrossLinks && !touchesSelection;
        return hidden === Boolean(edge.hidden) ? edge : { ...edge, hidden };
      }),
    [allEdges, selectedId, showCrossLinks],
  );
  return (
    <div className="concept-map" aria-label="Concept map" role="region">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabelConfig}
        onNodeClick={(_, node) => select(node.type === 'concept' ? node.id : null)}
        onPaneClick={() => select(null)}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
        <Controls showInteractive={false} />
        <MiniMap<AtlasNode>
          nodeColor={miniMapColour}
          nodeComponent={MiniMapNode}
          pannable
          zoomable
          ariaLabel="Overview of the whole map"
        />
      </ReactFlow>
    </div>
  );
}

const emptyNodes: AtlasNode[] = [];
const emptyEdges: RelationEdge[] = [];
