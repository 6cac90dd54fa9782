import { memo } from 'react';
import { DRAWING_FONTS, LABEL_LINE, LABEL_SIZE, type Drawing } from '../../model/map-drawing';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The map's vector drawing (see map-drawing.ts) on paper: the same shapes and text the SVG export
 * writes, drawn as elements so that the handout needs no image file.
 */
export const MapFigure = memo(function MapFigure({
  drawing,
  label,
  markerId,
}: {
  drawing: Drawing;
  label: string;
  /** Unique on the page: each figure has its own arrowhead. */
  markerId: string;
}) {
  const v = drawing.viewBox;
  return (
    <svg
      className="map-figure"
      viewBox={`${round(v.x)} ${round(v.y)} ${round(v.width)} ${round(v.height)}`}
      role="img"
      aria-label={label}
      fontFamily={DRAWING_FONTS}
      preserveAspectRatio="xMidYMid meet"
    >
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M0 0L10 5L0 10z" fill="#6b7280" />
        </marker>
      </defs>
      {drawing.sections.map((s) => (
        <g key={s.id}>
          <rect
            x={s.box.x}
            y={s.box.y}
            width={s.box.width}
            height={s.box.height}
            rx={14}
            fill="#f8fafc"
            stroke="#94a3b8"
            strokeWidth={1.5}
          />
          <text x={s.box.x + 14} y={s.box.y + 20} fontSize={11} fontWeight={700} fill="#475569">
            {s.number}
          </text>
          {s.lines.map((line, i) => (
            <text
              key={i}
              x={s.box.x + 14}
              y={s.box.y + 40 + i * 20}
              fontSize={17}
              fontWeight={700}
              fill="#111827"
            >
              {line}
            </text>
          ))}
        </g>
      ))}
      {drawing.relations.map((r) => (
        <line
          key={r.id}
          x1={round(r.from.x)}
          y1={round(r.from.y)}
          x2={round(r.to.x)}
          y2={round(r.to.y)}
          stroke="#6b7280"
          strokeWidth={r.crossesSections ? 1 : 1.5}
          strokeDasharray={r.crossesSections ? '6 4' : undefined}
          markerEnd={`url(#${markerId})`}
        />
      ))}
      {drawing.concepts.map((c) => (
        <g key={c.id}>
          <rect
            x={c.box.x}
            y={c.box.y}
            width={c.box.width}
            height={c.box.height}
            rx={10}
            fill={c.tint}
            stroke={c.colour}
            strokeWidth={2}
          />
          <text x={c.box.x + 12} y={c.box.y + 16} fontSize={10} fontWeight={700} fill={c.colour}>
            {c.kind.toUpperCase()}
          </text>
          {c.lines.map((line, i) => (
            <text
              key={i}
              x={c.box.x + 12}
              y={c.box.y + 36 + i * LABEL_LINE}
              fontSize={LABEL_SIZE}
              fontWeight={600}
              fill="#111827"
            >
              {line}
            </text>
          ))}
        </g>
      ))}
    </svg>
  );
});
