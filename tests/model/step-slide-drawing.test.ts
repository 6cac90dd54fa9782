import { describe, expect, it } from 'vitest';
import { boxesMeet, type Box } from '../../src/model/floating';
import { svgToText } from '../../src/model/map-drawing';
import { bareLines, PROJECTOR, relationSentences, tourMapPane } from '../../src/model/step-slide';
import { type MeasureFont, tourStepSlide } from '../../src/model/step-slide-drawing';
import { loadRealAtlas } from '../fixtures/real-atlas';

const atlas = loadRealAtlas();
/** What the browser draws: about 0.58 of the size a character, bold a little wider. */
const measure = (text: string, px: number) => text.length * px * 0.58;
const measureFont: MeasureFont = (text, px, weight) =>
  text.length * px * (weight >= 700 ? 0.6 : weight >= 600 ? 0.58 : 0.52);
const steps = atlas.tours.flatMap((tour) =>
  tour.steps.map((_, index) => ({ name: `${tour.id} ${index + 1}`, tour, step: index + 1 })),
);

async function slideOf(name: string) {
  const { tour, step } = steps.find((s) => s.name === name)!;
  const made = await tourStepSlide({ atlas, tour, step, reveal: false, measure, measureFont });
  return { ...made, content: tour.steps[step - 1]! };
}

const within = (inner: Box, outer: Box, slack = 1) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

const screen = { x: 0, y: 0, ...PROJECTOR };

describe('a tour step as a slide', () => {
  it.each(steps.map((s) => s.name))(
    '%s: 1920x1080, the step named at the class’s size, nothing on anything else',
    async (name) => {
      const { slide, view, closeUp, content } = await slideOf(name);
      expect(slide.svg.attrs).toMatchObject({ width: 1920, height: 1080 });
      const svg = svgToText(slide.svg);
      expect(svg).toContain(content.title.split(' ')[0]);
      // Every concept of the step named once: on the map, or on its card in the close-up.
      const named = slide.blocks.filter((b) => b.part === (closeUp ? 'card' : 'label'));
      expect(named.map((b) => b.id).sort()).toEqual([...view.frame].sort());
      // Text a class reads from the back of the room: the step's names at 32 px, nothing small.
      for (const text of slide.texts) {
        expect(text.size, text.text).toBeGreaterThanOrEqual(text.part === 'title' ? 20 : 24);
        if (text.part === 'label' || text.part === 'card')
          expect(text.size).toBeGreaterThanOrEqual(32);
        expect(within(text.box, screen, 0), text.text).toBe(true);
        // Each line inside its block: a label's ground, a card, the caption's paragraph.
        const home = slide.blocks.filter((b) => b.part === text.part && within(text.box, b.box));
        expect(home.length, text.text).toBeGreaterThan(0);
      }
      for (const [i, block] of slide.blocks.entries()) {
        for (const other of slide.blocks.slice(i + 1)) {
          expect(boxesMeet(block.box, other.box), `${block.id} on ${other.id}`).toBe(false);
        }
      }
      // The caption on the left, the map on the right.
      const map = tourMapPane(PROJECTOR);
      for (const block of slide.blocks) {
        if (block.part === 'caption') expect(block.box.x + block.box.width).toBeLessThan(map.x);
        else expect(block.box.x).toBeGreaterThanOrEqual(map.x);
      }
    },
  );

  it('says under its text what the close-up’s bare lines join, as sentences', async () => {
    // A dense step: its close-up has no room for every phrase on its line.
    const { slide, closeUp, view } = await slideOf('whole-argument 12');
    const unsaid = relationSentences(atlas, bareLines(closeUp!), view.frame);
    expect(unsaid.length).toBeGreaterThan(0);
    expect(unsaid.length).toBe(closeUp!.lines.length - closeUp!.phrases.length);
    const caption = slide.texts
      .filter((t) => t.part === 'caption')
      .map((t) => t.text)
      .join(' ');
    expect(caption).toContain('What the other lines say');
    for (const { source, phrase, target } of unsaid) {
      expect(caption).toContain(`${source} ${phrase} ${target}`);
    }
    const sentences = slide.blocks.filter(
      (b) => b.id.startsWith('unsaid-') && b.id !== 'unsaid-title',
    );
    expect(sentences).toHaveLength(unsaid.length);
  });

  it('says the step’s progress and draws its bar as far as the step', async () => {
    const { slide } = await slideOf('whole-argument 4');
    const text = svgToText(slide.svg);
    expect(text).toContain('>Step 4 of 14<');
    expect(text).toContain('>The whole argument<');
    const bar = /<rect x="48" y="\d+" width="([\d.]+)" height="12" rx="6" fill="#1d4ed8">/.exec(
      text,
    );
    expect(Number(bar?.[1])).toBeCloseTo((557 * 4) / 14, 0);
  });

  it('draws a close-up’s cards, arrows and phrases over the faded map', async () => {
    const { slide, closeUp } = await slideOf('whole-argument 4');
    expect(closeUp).not.toBeNull();
    const text = svgToText(slide.svg);
    expect(text).toContain('class="slide-close-up"');
    const drawn = text.slice(text.indexOf('class="slide-close-up"'));
    expect(drawn.match(/<polyline points=/g)?.length).toBe(closeUp!.lines.length);
    expect(slide.blocks.filter((b) => b.part === 'phrase').length).toBe(closeUp!.phrases.length);
  });
});
