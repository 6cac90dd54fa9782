import { Handle, type NodeProps, Position } from '@xyflow/react';
import { ArrowRight } from 'lucide-react';
import { memo } from 'react';
import type { ConceptNode } from '../../../model/flow';
import { kindStyles } from '../../../model/kinds';
import { nameParts } from '../../../model/level-of-detail';
import { KindIcon } from '../../../shared/kind-icon';

const hiddenHandle = { opacity: 0, pointerEvents: 'none' } as const;

/**
 * A concept on the map: its kind's colour band and icon, the kind in words, and the label, whose
 * qualifier (see `nameParts`) the zoomed-out map leaves out. On a map being made
 * (`isConnectable`) it has a handle to draw a relation from, and the whole concept takes the end
 * of a relation drawn to it.
 */
function ConceptNodeView({ data, isConnectable }: NodeProps<ConceptNode>) {
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
      {isConnectable ? (
        <>
          <Handle
            id="drop"
            type="target"
            position={Position.Left}
            className="concept-node__drop"
            isConnectableStart={false}
          />
          <Handle
            id="link"
            type="source"
            position={Position.Right}
            className="concept-node__link"
            title="Drag to another concept to relate them"
          >
            <ArrowRight aria-hidden="true" focusable="false" strokeWidth={3} />
          </Handle>
        </>
      ) : null}
    </div>
  );
}

export default memo(ConceptNodeView);
