import { drawingToSvg, type Drawing } from '../../model/map-drawing';

export type ExportFormat = 'png' | 'svg';
/** The whole map at a readable size, or the part of it the map shows now. */
export type ExportScope = 'whole' | 'view';

export type ExportOptions = {
  format: ExportFormat;
  scope: ExportScope;
  /** What the image shows: the map's shapes and text, framed as the scope asks. */
  drawing: Drawing;
  /** The camera's zoom: the current view is drawn at the size the map shows it, or larger. */
  zoom: number;
  /** The SVG's title. */
  title: string;
};

const PADDING = 0.05;
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

/** Twice the density where the browser can hold the canvas, less where it could not. */
export function pixelRatioFor(width: number, height: number): number {
  return Math.min(
    PIXEL_RATIO,
    MAX_CANVAS_SIDE / Math.max(width, height),
    Math.sqrt(MAX_CANVAS_AREA / (width * height)),
  );
}

/**
 * CSS pixels per map unit. The whole map: about its natural size, within MAX_SIDE. The current
 * view: as large as the map shows it, and zoomed out, large enough for its labels to read.
 */
export function imageScale(drawing: Drawing, scope: ExportScope, zoom: number): number {
  if (scope === 'view') return Math.max(zoom, READABLE_ZOOM);
  const { width, height } = drawing.viewBox;
  return Math.max(READABLE_ZOOM, Math.min(1, MAX_SIDE / (Math.max(width, height) * (1 + PADDING))));
}

/**
 * Renders the map as a PNG or an SVG file. Both come from the map's vector drawing (see
 * map-drawing.ts): the SVG is its boxes, arrows and text, which any program opens, and the PNG
 * is that drawing rasterised, never a copy of the page's every element.
 */
export async function exportMap({
  format,
  scope,
  drawing,
  zoom,
  title,
}: ExportOptions): Promise<Blob> {
  if (drawing.concepts.length === 0) throw new Error('there is nothing on the map to export');
  if (format === 'svg') {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${drawingToSvg(drawing, title)}\n`;
    return new Blob([svg], { type: 'image/svg+xml' });
  }
  return rasterise(drawing, title, imageScale(drawing, scope, zoom));
}

/**
 * The drawing as a PNG. The browser decodes the SVG and encodes the PNG off the main thread
 * (`decode`, `toBlob`), so the page keeps answering: a PNG encoded in place (`toDataURL`) held
 * it for half a second, and copying the page into an image for over ten.
 */
function rasterise(drawing: Drawing, title: string, scale: number): Promise<Blob> {
  const width = Math.ceil(drawing.viewBox.width * scale);
  const height = Math.ceil(drawing.viewBox.height * scale);
  if (width === 0 || height === 0) throw new Error('the map is not on screen');
  const ratio = pixelRatioFor(width, height);
  return svgToPng(drawingToSvg(drawing, title, scale * ratio));
}

/**
 * An SVG document as a PNG of its own width and height, on a white ground: decoded and encoded
 * by the browser off the main thread.
 */
export async function svgToPng(svg: string): Promise<Blob> {
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
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the image is too large'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
