import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ConceptNode } from '../../../model/flow';
import { kindStyles } from '../../../model/kinds';
import { nameParts } from '../../../model/level-of-detail';
import { KindIcon } from '../../../shared/kind-icon';

const hiddenHandle = { opacity: 0, pointerEvents: 'none' } as const;

/**
 * A concept on the map: its kind's colour band and icon, the kind in words, and the label, whose
 * qualifier (see `nameParts`) the zoomed-out map leaves out.
 */
function ConceptNodeView({ data }: NodeProps<ConceptNode>) {
  const style = kindStyles[data.kind];
  const { head, rest } = nameParts(data.label);
  return (
    <div
      className="concept-node"
      data-kind={data.kind}
      style={{ '--kind-colour': style.colour, '--kind-tint': style.tint } as React.CSSProperties}
    >
      <Handle type="target" position={Position.Top} style={hiddenHandle} isConnectable={false} />
      <span className="concept-node__kind">
        <KindIcon kind={data.kind} size={14} />
        {style.label}
      </span>
      <span className="concept-node__label">
        {head}
        {rest && <span className="concept-node__qualifier">{rest}</span>}
      </span>
      <Handle type="source" position={Position.Bottom} style={hiddenHandle} isConnectable={false} />
    </div>
  );
}

export default memo(ConceptNodeView);
