import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConceptDetails } from '../../src/features/explorer/concept-details';
import { CJK_COVERAGE_ELEMENT_ID } from '../../src/model/cjk';
import { ChineseTerm } from '../../src/shared/chinese-term';
import { forgetGlyphProbes } from '../../src/shared/cjk-glyphs';
import { useAtlasStore } from '../../src/store/atlas-store';
import { makeAnnotatedVeins, makeGraph } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';

const NOTE = '(Chinese font missing on this device)';

/**
 * A canvas whose pixels are `draw(text)` for the last text drawn: the same pixels for every text
 * is a device with no Chinese font (every character the same empty box as the noncharacter).
 */
function deviceCanvas(draw: (text: string) => string) {
  let drawn = '';
  const context = {
    font: '',
    clearRect: () => {},
    fillText: (text: string) => void (drawn = text),
    getImageData: () => ({ data: [draw(drawn)] }),
  };
  const getContext = vi.fn(() => context);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    getContext as unknown as HTMLCanvasElement['getContext'],
  );
  return getContext;
}
const noChineseFont = () => deviceCanvas(() => 'box');
const chineseFont = () => deviceCanvas((text) => (text === '\uffff' ? 'box' : `glyph ${text}`));

/** The page as the build makes it: the characters of the subset font listed in index.html. */
function subsetFontHas(characters: string) {
  const list = document.createElement('script');
  list.type = 'application/json';
  list.id = CJK_COVERAGE_ELEMENT_ID;
  list.textContent = JSON.stringify(characters);
  document.body.append(list);
}

afterEach(() => {
  document.getElementById(CJK_COVERAGE_ELEMENT_ID)?.remove();
  forgetGlyphProbes();
});

describe('a Chinese term', () => {
  it('says the font is missing where neither the subset font nor the device can draw it', () => {
    noChineseFont();
    subsetFontHas('传统产业');
    render(<ChineseTerm term="饕餮" />);
    expect(screen.getByText('饕餮')).toHaveAttribute('lang', 'zh-Hans');
    expect(screen.getByText(NOTE)).toBeVisible();
  });

  it('says so when only one of its characters is missing', () => {
    noChineseFont();
    subsetFontHas('传统产');
    render(<ChineseTerm term="传统产业" />);
    expect(screen.getByText(NOTE)).toBeInTheDocument();
  });

  it('is shown as it is when the subset font has every character, without asking the device', () => {
    const canvas = noChineseFont();
    subsetFontHas('、传统产业');
    render(<ChineseTerm term="传统产业、5G" />);
    expect(screen.getByText('传统产业、5G')).toBeInTheDocument();
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    expect(canvas).not.toHaveBeenCalled();
  });

  it('is shown as it is when the device has a font for it', () => {
    chineseFont();
    render(<ChineseTerm term="饕餮" />);
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
  });

  it('is shown as it is where the page cannot tell (no canvas)', () => {
    render(<ChineseTerm term="饕餮" />);
    expect(screen.getByText('饕餮')).toBeInTheDocument();
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
  });

  it('comes with the note in the details panel of a bundle’s concept', async () => {
    noChineseFont();
    const graph = makeGraph();
    graph.concepts[2] = makeAnnotatedVeins();
    useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
    useAtlasStore.getState().select('veins');
    render(<ConceptDetails />);
    const panel = screen.getByRole('complementary', { name: 'Concept details' });
    expect(within(panel).getByText('经络')).toHaveAttribute('lang', 'zh-Hans');
    expect(within(panel).getByText(NOTE)).toBeVisible();
  });
});
