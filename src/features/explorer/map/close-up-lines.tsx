import type { StepLine } from '../../../model/step-graph-layout';

type Point = { x: number; y: number };

type Props = {
  lines: readonly StepLine[];
  width: number;
  height: number;
  /** The id of the arrowhead, one for each close-up on the page. */
  arrowId: string;
  /** Where a point of the close-up is drawn now (a close-up gliding back moves it). */
  at?: (point: Point) => Point;
  opacity?: number;
  /** Marks each line with its relation's id, as the close-up on show does. */
  marked?: boolean;
};

/** A close-up's relations: a line from card to card, each with its arrowhead at the target. */
export function CloseUpLines({ lines, width, height, arrowId, at, opacity, marked }: Props) {
  return (
    <svg
      className="step-close-up__lines"
      width={width}
      height={height}
      style={opacity === undefined ? undefined : { opacity }}
    >
      <defs>
        <marker
          id={arrowId}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      {lines.map((line) => (
        <polyline
          key={line.id}
          {...(marked ? { 'data-relation': line.id } : {})}
          points={line.points
            .map((p) => (at ? at(p) : p))
            .map((p) => `${p.x},${p.y}`)
            .join(' ')}
          markerEnd={`url(#${arrowId})`}
        />
      ))}
    </svg>
  );
}
