import { describe, expect, it } from 'vitest';
import { boxesMeet } from '../../src/model/floating';
import { SCREEN_PHRASE_LINES, screenPhraseSize } from '../../src/model/phrase-placement';
import { layOutStepGraph } from '../../src/model/step-graph-layout';
import { fittingStepPx, STEP_PHRASE_RATIO } from '../../src/model/step-layout';
import { loadRealAtlas } from '../fixtures/real-atlas';

/** What the browser draws: each character 0.58 of the size wide (a bold sans-serif). */
const measure = (text: string, px: number) => text.length * px * 0.58;
const atlas = loadRealAtlas();
// The map's pane on a 1920x1080 projector, beside the step's card.
const pane = { width: 1440, height: 1080 };

const stepOf = (concepts: readonly string[]) => {
  const ids = new Set(concepts);
  return {
    concepts: atlas.graph.concepts.filter((c) => ids.has(c.id)),
    relations: atlas.graph.relations.filter((r) => ids.has(r.source) && ids.has(r.target)),
  };
};

const inside = (box: { x: number; y: number; width: number; height: number }) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= pane.width && box.y + box.height <= pane.height;

describe('a tour step laid out as its own small map', () => {
  const steps = atlas.tours.flatMap((tour) =>
    tour.steps.map((step, index) => ({
      name: `${tour.id} ${index + 1}`,
      ...stepOf(step.concepts),
    })),
  );

  it.each(steps.map((s) => [s.name, s] as const))(
    '%s: cards apart and inside the pane, a line for each relation, each phrase on none',
    async (_, step) => {
      const laid = await layOutStepGraph(step.concepts, step.relations, pane, 32, measure);
      expect(laid.cards.map((c) => c.id).sort()).toEqual(step.concepts.map((c) => c.id).sort());
      expect(laid.px).toBeGreaterThanOrEqual(14);
      expect(laid.px).toBeLessThanOrEqual(32);
      for (const [i, card] of laid.cards.entries()) {
        expect(inside(card.box), card.id).toBe(true);
        for (const other of laid.cards.slice(i + 1)) {
          expect(boxesMeet(card.box, other.box, 0), `${card.id} on ${other.id}`).toBe(false);
        }
      }
      expect(laid.lines.map((l) => l.id).sort()).toEqual(step.relations.map((r) => r.id).sort());
      for (const phrase of laid.phrases) {
        expect(inside(phrase.box), phrase.id).toBe(true);
        for (const card of laid.cards) expect(boxesMeet(phrase.box, card.box, 0)).toBe(false);
      }
    },
  );

  it('keeps the class’s size first, and gives most phrases short enough to read their room', async () => {
    let said = 0;
    let sayable = 0;
    for (const step of steps) {
      const laid = await layOutStepGraph(step.concepts, step.relations, pane, 32, measure);
      // The cards fit the pane at 32 px, in rows if not in ELK's layers: so they are drawn at 32.
      if (fittingStepPx(step.concepts, pane, 32, measure) === 32)
        expect(laid.px, step.name).toBe(32);
      sayable += step.relations.filter(
        (r) =>
          screenPhraseSize(r.label, 32 * STEP_PHRASE_RATIO, measure).lines <= SCREEN_PHRASE_LINES,
      ).length;
      said += laid.phrases.length;
    }
    expect(said / sayable).toBeGreaterThanOrEqual(0.5);
  });

  it('draws a smaller close-up where the class’s size would not fit, as on a phone', async () => {
    const step = steps.find((s) => s.concepts.length >= 6)!;
    const phone = { width: 390, height: 500 };
    const laid = await layOutStepGraph(step.concepts, step.relations, phone, 32, measure);
    expect(laid.px).toBeLessThan(32);
    expect(laid.px).toBeGreaterThanOrEqual(14);
  });

  it('lays out nothing for a step with no concepts', async () => {
    expect(await layOutStepGraph([], [], pane, 32, measure)).toEqual({
      cards: [],
      lines: [],
      phrases: [],
      px: 32,
    });
  });
});
