import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { RelationEdge } from '../../../model/flow';

/**
 * A relation drawn border to border. Links across sections are lighter; the two poles of a
 * dialectical pair are joined by a distinct double line; an emphasised relation shows its phrase.
 */
function RelationEdgeView({ id, data, markerEnd }: EdgeProps<RelationEdge>) {
  if (!data) return null;
  // Worked out with the layout: reading the nodes here would subscribe every edge to the store.
  const [path] = getBezierPath(data.ends);
  // Placed with the map's other phrases, clear of every concept (see phrase-placement.ts).
  const phrase = data.emphasised ? data.phraseAt : null;
  const classes = ['relation-edge', `relation-edge--${data.kind}`];
  if (data.crossesSections) classes.push('relation-edge--cross');
  if (data.emphasised) classes.push('relation-edge--emphasised');
  if (data.backbone) classes.push('relation-edge--backbone');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd ? { markerEnd } : {})}
        className={classes.join(' ')}
      />
      {phrase ? (
        <EdgeLabelRenderer>
          <div
            className="relation-label"
            data-relation={id}
            style={{ transform: `translate(-50%, -50%) translate(${phrase.x}px, ${phrase.y}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export default memo(RelationEdgeView);
