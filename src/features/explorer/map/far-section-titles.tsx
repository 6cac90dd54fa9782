import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import type { Atlas } from '../../../model/atlas';
import { sectionNodeId } from '../../../model/flow';
import { titlesOf } from './use-far-labels';

type Props = {
  atlas: Atlas;
  hiddenSections: ReadonlySet<string>;
  /**
   * The sections whose titles have room (a title gives way to the selection's label), and the
   * lines each takes.
   */
  shown: ReadonlyMap<string, 1 | 2>;
};

/**
 * Zoomed out, each section's number and the head of its title across the top of its box, on one
 * line or two, at a size that reads, drawn above the concepts (the section's own title lies under
 * them). `--zoom` undoes the camera's zoom.
 */
function FarSectionTitlesView({ atlas, hiddenSections, shown }: Props) {
  const titles = titlesOf(atlas);
  return (
    <ViewportPortal>
      {atlas.graph.sections.map((section) => {
        const box = atlas.layout.sections[section.id];
        const lines = shown.get(section.id);
        if (!box || hiddenSections.has(section.id) || lines === undefined) return null;
        return (
          <div
            key={section.id}
            className={lines === 2 ? 'far-section-title is-two-lines' : 'far-section-title'}
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
                <span className="far-section-title__title">
                  {titles.get(section.id)?.text ?? section.title}
                </span>
              </>
            )}
          </div>
        );
      })}
    </ViewportPortal>
  );
}

export const FarSectionTitles = memo(FarSectionTitlesView);
