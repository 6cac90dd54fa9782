import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// What a test waits for (a chunk loaded on demand, an index built in steps, a frame) can take
// seconds on a busy machine. A wait ends as soon as its condition holds, so a long limit costs
// nothing when all is well; it only keeps a slow machine from failing a test that would pass. The
// test timeout in vite.config.ts is longer, so that a wait that fails says what it waited for.
configure({ asyncUtilTimeout: 20_000 });

// React Flow measures nodes with ResizeObserver and reads transforms with DOMMatrixReadOnly,
// which jsdom lacks (the mocks follow React Flow's testing guide). The entry's size is the
// element's offset size below: the camera's glides divide by the map's size, and a map 0 wide
// would move the camera through NaN positions, which React reports on the console.
class ResizeObserverMock {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const { offsetWidth: width, offsetHeight: height } = target as HTMLElement;
    const contentRect = {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: width,
      bottom: height,
      width,
      height,
    };
    this.callback(
      [{ target, contentRect } as unknown as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyMock {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

globalThis.ResizeObserver = ResizeObserverMock as unknown as typeof ResizeObserver;
globalThis.DOMMatrixReadOnly = DOMMatrixReadOnlyMock as unknown as typeof DOMMatrixReadOnly;

Object.defineProperties(globalThis.HTMLElement.prototype, {
  offsetHeight: {
    get(this: HTMLElement) {
      return Number.parseFloat(this.style.height) || 1;
    },
  },
  offsetWidth: {
    get(this: HTMLElement) {
      return Number.parseFloat(this.style.width) || 1;
    },
  },
});

// jsdom has no canvas: getContext() returns null, as a browser does without the context asked
// for, but first says "Not implemented" on the console. The overview of a large map copes with null.
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
  value: () => null,
  writable: true,
});

// jsdom does not lay out, so it has no scrolling; the reader scrolls passages into view.
if (!('scrollIntoView' in Element.prototype)) {
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value() {}, writable: true });
}

(globalThis.SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
  ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

afterEach(() => cleanup());
