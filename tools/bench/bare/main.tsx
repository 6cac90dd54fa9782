/**
 * The baseline of `npm run bench`: the plainest React Flow page that draws a bundle's map. Default
 * nodes and edges in the library's quick-start pattern, no custom components, no memoisation, so
 * the app's numbers can be read against what React Flow costs on its own. A plain search box over
 * the labels gives the baseline for typing: what a key costs the browser when the page does little.
 */
import { type Edge, type Node, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import { useState } from 'react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import type { Bundle } from '../../../src/model/bundle-format.ts';

type Flow = { nodes: Node[]; edges: Edge[] };

function toFlow(bundle: Bundle): Flow {
  const nodes = bundle.graph.concepts.map((concept, i) => ({
    id: concept.id,
    // A bundle may leave positions to the app's layout; a plain grid stands in for it here.
    position: concept.position ?? { x: (i % 40) * 250, y: Math.floor(i / 40) * 120 },
    data: { label: concept.label },
  }));
  const edges = bundle.graph.relations.map((r) => ({
    id: r.id,
    source: r.source,
    target: r.target,
  }));
  return { nodes, edges };
}

const SHOWN = 8;

/** The labels that hold the query, as a list of the first few over the map, and their number. */
function BareSearch({ labels }: { labels: string[] }) {
  const [query, setQuery] = useState('');
  const wanted = query.trim().toLowerCase();
  const found = wanted ? labels.filter((label) => label.toLowerCase().includes(wanted)) : [];
  return (
    <div className="search-box" style={{ position: 'absolute', zIndex: 5, top: 8, left: 8 }}>
      <input
        type="search"
        role="combobox"
        aria-label="Search"
        aria-expanded={found.length > 0}
        aria-controls="bare-results"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul id="bare-results" hidden={found.length === 0} style={{ background: 'white' }}>
        {found.slice(0, SHOWN).map((label, i) => (
          <li key={i}>{label}</li>
        ))}
      </ul>
      <p role="status">{wanted ? `${found.length} match` : ''}</p>
    </div>
  );
}

/** React Flow's quick-start pattern: nodes and edges held in state, changes applied as they come. */
function BareFlow({ flow, labels }: { flow: Flow; labels: string[] }) {
  const [nodes, , onNodesChange] = useNodesState(flow.nodes);
  const [edges, , onEdgesChange] = useEdgesState(flow.edges);
  return (
    <>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView
        minZoom={0.05}
      />
      <BareSearch labels={labels} />
    </>
  );
}

/** Fetches the bundle named by `?data=<url>`, then draws it; any problem is shown as text. */
async function start(root: HTMLElement) {
  const url = new URLSearchParams(location.search).get('data');
  if (!url) {
    root.textContent = 'Add ?data=<url of a bundle JSON> to the address.';
    return;
  }
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const bundle = (await response.json()) as Bundle;
    const labels = bundle.graph.concepts.map((concept) => concept.label);
    createRoot(root).render(<BareFlow flow={toFlow(bundle)} labels={labels} />);
  } catch (error) {
    root.textContent = String(error);
  }
}

const root = document.getElementById('root');
if (root) void start(root);
