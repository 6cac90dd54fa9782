import { useStoreApi } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { Atlas } from '../../model/atlas';
import { kindStyles } from '../../model/kinds';

type Props = {
  atlas: Atlas;
  /** Drawn with a ring: the selection and search matches. */
  marked: ReadonlySet<string>;
  /** Below this zoom the canvas replaces the concepts' elements. */
  below: number;
};

/**
 * A large map's zoomed-out overview, drawn on a canvas: a box per concept in its kind's colour,
 * each section framed and titled. Redrawing thousands of boxes on a canvas takes a few
 * milliseconds, while the same number of elements would be repainted on every camera move.
 */
function OverviewCanvas({ atlas, marked, below }: Props) {
  const store = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { concepts, sections } = useMemo(() => {
    const concepts = atlas.graph.concepts.map((concept) => {
      const box = atlas.boxes.get(concept.id) ?? { x: 0, y: 0, width: 0, height: 0 };
      return {
        id: concept.id,
        ...box,
        colour: kindStyles[concept.kind].colour,
        tint: kindStyles[concept.kind].tint,
      };
    });
    const sections = atlas.graph.sections.flatMap((section) => {
      const box = atlas.layout.sections[section.id];
      return box ? [{ ...box, title: section.title }] : [];
    });
    return { concepts, sections };
  }, [atlas]);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    let drawn = '';
    const draw = () => {
      const { transform, width, height } = store.getState();
      const [tx, ty, zoom] = transform;
      const key = `${tx} ${ty} ${zoom} ${width} ${height}`;
      if (key === drawn) return;
      drawn = key;
      const ratio = window.devicePixelRatio || 1;
      if (element.width !== Math.round(width * ratio)) element.width = Math.round(width * ratio);
      if (element.height !== Math.round(height * ratio))
        element.height = Math.round(height * ratio);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      if (zoom >= below) {
        delete element.dataset.drawn;
        return;
      }
      context.lineWidth = 1.5;
      context.strokeStyle = '#8a94a3';
      context.fillStyle = '#1b1f24';
      context.font = '600 13px system-ui, sans-serif';
      const titles: { x: number; y: number; width: number; title: string }[] = [];
      for (const s of sections) {
        const x = s.x * zoom + tx;
        const y = s.y * zoom + ty;
        if (x > width || y > height || x + s.width * zoom < 0 || y + s.height * zoom < 0) continue;
        context.strokeRect(x, y, s.width * zoom, s.height * zoom);
        titles.push({ x, y, width: s.width * zoom, title: s.title });
      }
      let count = 0;
      for (const c of concepts) {
        const x = c.x * zoom + tx;
        const y = c.y * zoom + ty;
        const w = c.width * zoom;
        const h = c.height * zoom;
        if (x > width || y > height || x + w < 0 || y + h < 0) continue;
        count += 1;
        context.fillStyle = c.tint;
        context.fillRect(x, y, w, h);
        context.fillStyle = c.colour;
        context.fillRect(x, y, Math.max(1, w * 0.06), h);
      }
      // Section titles last, on a white ground, and only where there is room to read them.
      context.textBaseline = 'top';
      for (const t of titles) {
        if (t.width < 120) continue;
        const text = context.measureText(t.title).width;
        const room = Math.min(text, t.width - 12);
        context.fillStyle = 'rgb(255 255 255 / 92%)';
        context.fillRect(t.x + 2, t.y + 2, room + 8, 19);
        context.fillStyle = '#1b1f24';
        context.fillText(t.title, t.x + 6, t.y + 5, room);
      }
      context.lineWidth = 3;
      context.strokeStyle = '#b45309';
      for (const c of marked.size > 0 ? concepts : []) {
        if (!marked.has(c.id)) continue;
        const [x, y] = [c.x * zoom + tx, c.y * zoom + ty];
        context.strokeRect(x - 3, y - 3, c.width * zoom + 6, c.height * zoom + 6);
      }
      // How many concepts are on screen, for anyone measuring when the map is drawn.
      element.dataset.drawn = String(count);
    };
    draw();
    return store.subscribe(draw);
  }, [concepts, sections, marked, below, store]);
  return <canvas ref={canvas} className="overview-canvas" aria-hidden="true" />;
}

export default memo(OverviewCanvas);
