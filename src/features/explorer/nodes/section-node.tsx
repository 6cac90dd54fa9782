import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SectionNode } from '../../../model/flow';

/** The labelled box that groups a section's concepts. */
function SectionNodeView({ data }: NodeProps<SectionNode>) {
  return (
    <div className="section-node">
      <div className="section-node__title">
        <span className="section-node__number">
          {data.order === 0 ? 'Introduction' : `Section ${data.order}`}
        </span>
        {data.order === 0 ? null : <span>{data.title}</span>}
      </div>
    </div>
  );
}

export default memo(SectionNodeView);
