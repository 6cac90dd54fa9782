import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import type { Atlas } from '../../../model/atlas';
import { sectionNodeId } from '../../../model/flow';

type Props = {
  atlas: Atlas;
  hiddenSections: ReadonlySet<string>;
  /** The sections whose titles have room: a title gives way to the selection's label. */
  shown: ReadonlySet<string>;
};

/**
 * Zoomed out, each section's number and title on one line across the top of its box, at a size
 * that reads, drawn above the concepts (the section's own title lies under them). `--zoom` undoes
 * the camera's zoom.
 */
function FarSectionTitlesView({ atlas, hiddenSections, shown }: Props) {
  return (
    <ViewportPortal>
      {atlas.graph.sections.map((section) => {
        const box = atlas.layout.sections[section.id];
        if (!box || hiddenSections.has(section.id) || !shown.has(section.id)) return null;
        return (
          <div
            key={section.id}
            className="far-section-title"
            data-section={sectionNodeId(section.id)}
            aria-hidden="true"
            style={{
              transform: `translate(${box.x}px, ${box.y}px) scale(calc(1 / var(--zoom, 1)))`,
              width: `calc(${box.width}px * var(--zoom, 1))`,
            }}
          >
            {section.order === 0 ? (
              <span className="far-section-title__title">Introduction</span>
            ) : (
              <>
                <span className="far-section-title__number">{section.order}</span>
                <span className="far-section-title__title">{section.title}</span>
              </>
            )}
          </div>
        );
      })}
    </ViewportPortal>
  );
}

export const FarSectionTitles = memo(FarSectionTitlesView);
