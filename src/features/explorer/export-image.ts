import { downloadBlob } from '../../shared/download';
import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';
import { drawingToSvg, type Drawing } from '../../model/map-drawing';

export type ExportFormat = 'png' | 'svg';
/** The whole map at a readable size, or the part of it the map shows now. */
export type ExportScope = 'whole' | 'view';

export type ExportOptions = {
  format: ExportFormat;
  scope: ExportScope;
  /** The `.react-flow` element. */
  flowElement: HTMLElement;
  /** The bounds of every visible node, from `getNodesBounds`. */
  nodesBounds: Rect;
  /** What the SVG draws: the map's shapes and text, framed as the scope asks. */
  drawing: Drawing;
  /** The SVG's title. */
  title: string;
};

const PADDING = 0.05;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2;
/** The longest side of a whole-map image, in CSS pixels. */
const MAX_SIDE = 8000;
/**
 * The smallest zoom at which labels (15 px on the map) stay readable at twice the pixel density;
 * a map too big for MAX_SIDE at this zoom gets a bigger image rather than unreadable text.
 */
const READABLE_ZOOM = 0.5;
const PIXEL_RATIO = 2;
/** Browsers refuse larger canvases, and a 64-megapixel one already needs 256 MB. */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_AREA = 8000 * 8000;
const BACKGROUND = '#ffffff';

const excludedClasses = [
  // The map's chrome, not the map.
  'react-flow__minimap',
  'react-flow__controls',
  'react-flow__panel',
  'react-flow__attribution',
  // Invisible here (handles are transparent, interaction paths are wide hit areas), and each
  // element cloned costs a full copy of its computed style.
  'react-flow__handle',
  'react-flow__edge-interaction',
];

/** html-to-image's filter: false drops the node and everything inside it. */
export function keepInImage(node: HTMLElement): boolean {
  // Text nodes reach the filter too, and they have no class list.
  const classes = node.classList as DOMTokenList | undefined;
  return !classes || !excludedClasses.some((name) => classes.contains(name));
}

/** The image size and camera that show the whole map at about its natural size. */
export function wholeMapFrame(bounds: Rect): { width: number; height: number; viewport: Viewport } {
  const longest = Math.max(bounds.width, bounds.height) * (1 + PADDING);
  const zoom = Math.max(READABLE_ZOOM, Math.min(1, MAX_SIDE / longest));
  const width = Math.ceil(bounds.width * zoom * (1 + PADDING));
  const height = Math.ceil(bounds.height * zoom * (1 + PADDING));
  const viewport = getViewportForBounds(bounds, width, height, MIN_ZOOM, MAX_ZOOM, PADDING);
  return { width, height, viewport };
}

/** Twice the density where the browser can hold the canvas, less where it could not. */
export function pixelRatioFor(width: number, height: number): number {
  return Math.min(
    PIXEL_RATIO,
    MAX_CANVAS_SIDE / Math.max(width, height),
    Math.sqrt(MAX_CANVAS_AREA / (width * height)),
  );
}

/**
 * Renders the map as a PNG or SVG data URL. The PNG is a picture of the map as the page draws it;
 * the SVG is the map's vector drawing (see map-drawing.ts), boxes, arrows and text that any
 * program opens, rather than the page's markup wrapped in an image.
 */
export async function exportMap({
  format,
  scope,
  flowElement,
  nodesBounds,
  drawing,
  title,
}: ExportOptions): Promise<string> {
  if (format === 'svg') {
    if (drawing.concepts.length === 0) throw new Error('there is nothing on the map to export');
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${drawingToSvg(drawing, title)}\n`;
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }
  // Loaded on first use: most visitors never export, so it stays out of the first bundle.
  const { toPng: render } = await import('html-to-image');
  // The app's fonts are system fonts, already available wherever the image is drawn; embedding
  // would only fetch and inline every stylesheet, which a strict CSP or CORS can refuse.
  const common = { backgroundColor: BACKGROUND, filter: keepInImage, skipFonts: true };

  if (scope === 'view') {
    const width = flowElement.clientWidth;
    const height = flowElement.clientHeight;
    if (width === 0 || height === 0) throw new Error('the map is not on screen');
    return render(flowElement, {
      ...common,
      width,
      height,
      pixelRatio: pixelRatioFor(width, height),
    });
  }

  if (nodesBounds.width <= 0 || nodesBounds.height <= 0 || drawing.concepts.length === 0) {
    throw new Error('there is nothing on the map to export');
  }
  if (typeof Image === 'function' && typeof URL.createObjectURL === 'function') {
    return rasterise(drawing, title);
  }
  const target = flowElement.querySelector<HTMLElement>('.react-flow__viewport');
  if (!target) throw new Error('the map is not ready yet');
  // The viewport holds the nodes and edges only; drawn with its own camera it shows all of them,
  // whatever part of the map is on screen.
  const { width, height, viewport } = wholeMapFrame(nodesBounds);
  return render(target, {
    ...common,
    width,
    height,
    pixelRatio: pixelRatioFor(width, height),
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
    },
  });
}

/**
 * The whole map as a PNG, drawn from its vector drawing rather than by copying the page's every
 * element into an image: about a second instead of ten, with the page answering meanwhile (the
 * browser decodes the drawing off the main thread). Drawn at the same size and density as before.
 */
async function rasterise(drawing: Drawing, title: string): Promise<string> {
  const { width: w, height: h } = drawing.viewBox;
  const scale = Math.max(READABLE_ZOOM, Math.min(1, MAX_SIDE / (Math.max(w, h) * (1 + PADDING))));
  const width = Math.ceil(w * scale);
  const height = Math.ceil(h * scale);
  const ratio = pixelRatioFor(width, height);
  const svg = drawingToSvg(drawing, title, scale * ratio);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw the image');
    context.fillStyle = BACKGROUND;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0) throw new Error('not a data URL');
  const header = dataUrl.slice('data:'.length, comma);
  const body = dataUrl.slice(comma + 1);
  const type = header.split(';')[0] || 'application/octet-stream';
  if (!header.endsWith(';base64')) return new Blob([decodeURIComponent(body)], { type });
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * Saves a data URL as a file through a temporary `<a download>`. It goes through a blob URL,
 * because a whole-map PNG runs to megabytes, more than browsers accept in a link's address.
 */
export function downloadDataUrl(dataUrl: string, filename: string): void {
  downloadBlob(dataUrlToBlob(dataUrl), filename);
}
