import { BaseEdge, type EdgeProps, getBezierPath, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import type { RelationEdge } from '../../model/flow';
import { floatingEndpoints } from './floating';

/** A relation drawn border to border; links that cross sections are drawn lighter. */
function RelationEdgeView({ id, source, target, data, markerEnd }: EdgeProps<RelationEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode) return null;
  const [path] = getBezierPath(floatingEndpoints(sourceNode, targetNode));
  return (
    <BaseEdge
      id={id}
      path={path}
      {...(markerEnd ? { markerEnd } : {})}
      className={data?.crossesSections ? 'relation-edge relation-edge--cross' : 'relation-edge'}
    />
  );
}

export default memo(RelationEdgeView);
