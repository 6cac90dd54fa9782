import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  useInternalNode,
} from '@xyflow/react';
import { memo } from 'react';
import type { RelationEdge } from '../../model/flow';
import { floatingEndpoints } from './floating';

/**
 * A relation drawn border to border. Links across sections are lighter; the two poles of a
 * dialectical pair are joined by a distinct double line; an emphasised relation shows its phrase.
 */
function RelationEdgeView({ id, source, target, data, markerEnd }: EdgeProps<RelationEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode || !data) return null;
  const [path, labelX, labelY] = getBezierPath(floatingEndpoints(sourceNode, targetNode));
  const classes = ['relation-edge', `relation-edge--${data.kind}`];
  if (data.crossesSections) classes.push('relation-edge--cross');
  if (data.emphasised) classes.push('relation-edge--emphasised');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd ? { markerEnd } : {})}
        className={classes.join(' ')}
      />
      {data.emphasised ? (
        <EdgeLabelRenderer>
          <div
            className="relation-label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export default memo(RelationEdgeView);
