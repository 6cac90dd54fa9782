import { getBezierPath, ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { RelationEdge } from '../../../model/flow';

// Concepts never move, so each relation's path is worked out once, keyed by its fixed ends.
const paths = new WeakMap<object, string>();
function path(edge: RelationEdge): string {
  if (!edge.data) return '';
  let d = paths.get(edge.data.ends);
  if (d === undefined) {
    d = getBezierPath(edge.data.ends)[0];
    paths.set(edge.data.ends, d);
  }
  return d;
}

/**
 * The relations of a large map as one SVG path, drawn under the concepts. React Flow gives each
 * edge an element and a store subscription; thousands of them slow every camera move. Relations
 * that touch the selection are drawn apart, with their arrow and linking phrase.
 */
function EdgeLayer({ edges }: { edges: readonly RelationEdge[] }) {
  const { plain, cross, emphasised } = useMemo(() => {
    const shown = edges.filter((edge) => !edge.hidden && edge.data);
    return {
      plain: shown
        .filter((e) => !e.data?.emphasised && !e.data?.crossesSections)
        .map(path)
        .join(''),
      cross: shown
        .filter((e) => !e.data?.emphasised && e.data?.crossesSections)
        .map(path)
        .join(''),
      emphasised: shown.filter((e) => e.data?.emphasised),
    };
  }, [edges]);
  return (
    <ViewportPortal>
      <svg className="edge-layer" aria-hidden="true">
        <defs>
          <marker
            id="edge-layer-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#374151" />
          </marker>
        </defs>
        <path className="relation-edge" d={plain} fill="none" />
        <path className="relation-edge relation-edge--cross" d={cross} fill="none" />
        {emphasised.map((edge) => (
          <path
            key={edge.id}
            className={`relation-edge relation-edge--${edge.data?.kind} relation-edge--emphasised`}
            d={path(edge)}
            fill="none"
            markerEnd="url(#edge-layer-arrow)"
          />
        ))}
      </svg>
      {emphasised.map((edge) => {
        const [, x, y] = getBezierPath(edge.data!.ends);
        return (
          <div
            key={edge.id}
            className="relation-label"
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
          >
            {edge.data?.label}
          </div>
        );
      })}
    </ViewportPortal>
  );
}

export default memo(EdgeLayer);
