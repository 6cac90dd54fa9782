import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MapFigure } from '../../../src/features/study/map-figure';
import { drawingToSvg, drawMap } from '../../../src/model/map-drawing';
import { fixtureAtlas } from '../../fixtures/load-fixture';

/** Every shape and text under the drawing, as tag, attributes and text: what a reader sees. */
function shapes(svg: Element): string[] {
  return [...svg.querySelectorAll('g, rect, text, line, path')]
    .map((el) => {
      const attrs = [...el.attributes]
        .filter((a) => a.name !== 'marker-end')
        .map((a) => `${a.name}=${a.value}`)
        .sort();
      const text = el.tagName === 'text' ? el.textContent : '';
      return `${el.tagName} ${attrs.join(' ')} ${text}`;
    })
    .sort();
}

describe('the handout’s map figure', () => {
  it('draws on paper the very shapes and colours of the SVG export', async () => {
    const drawing = drawMap(await fixtureAtlas());
    render(<MapFigure drawing={drawing} label="The whole map" markerId="figure-arrow" />);
    const figure = screen.getByRole('img', { name: 'The whole map' });
    const file = new DOMParser().parseFromString(drawingToSvg(drawing, 'A map'), 'image/svg+xml');
    expect(shapes(figure)).toEqual(shapes(file.documentElement));
    expect(figure.querySelectorAll('g.concept')).toHaveLength(drawing.concepts.length);
    // Its own arrowhead, so that several figures on one page do not share one.
    expect(figure.querySelector('marker')?.id).toBe('figure-arrow');
    expect(figure.querySelector('line')?.getAttribute('marker-end')).toBe('url(#figure-arrow)');
  });
});
