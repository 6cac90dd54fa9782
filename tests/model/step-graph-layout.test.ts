import { describe, expect, it } from 'vitest';
import { boxesMeet } from '../../src/model/floating';
import { SCREEN_PHRASE_LINES, screenPhraseSize } from '../../src/model/phrase-placement';
import { elkOnThisThread, type LayOut, layOutStepGraph } from '../../src/model/step-graph-layout';
import { fittingStepPx, segmentMeetsBox, STEP_PHRASE_RATIO } from '../../src/model/step-layout';
import { loadRealAtlas } from '../fixtures/real-atlas';

/** What the browser draws: each character 0.58 of the size wide (a bold sans-serif). */
const measure = (text: string, px: number) => text.length * px * 0.58;
const atlas = loadRealAtlas();
// The map's pane on a 1920x1080 projector, beside the step's card; and on a 1366x768 laptop.
const pane = { width: 1267, height: 1080 };
const laptop = { width: 902, height: 768 };

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

  it.each([
    ['a projector', pane, 32, 0.9],
    ['a laptop', laptop, 24, 0.85],
  ] as const)(
    'keeps the class’s size first on %s, and says nearly every phrase short enough to read',
    async (_, room, px, share) => {
      let said = 0;
      let sayable = 0;
      for (const step of steps) {
        const laid = await layOutStepGraph(step.concepts, step.relations, room, px, measure);
        // The cards fit the pane at the class's size, in rows if not in ELK's layers: so they
        // are drawn at it.
        if (fittingStepPx(step.concepts, room, px, measure) === px)
          expect(laid.px, step.name).toBe(px);
        sayable += step.relations.filter(
          (r) =>
            screenPhraseSize(r.label, px * STEP_PHRASE_RATIO, measure).lines <= SCREEN_PHRASE_LINES,
        ).length;
        said += laid.phrases.length;
      }
      expect(said / sayable).toBeGreaterThanOrEqual(share);
    },
  );

  it('draws each relation as a short line, never snaking across the pane', async () => {
    for (const step of steps) {
      for (const [room, px] of [
        [pane, 32],
        [laptop, 24],
      ] as const) {
        const laid = await layOutStepGraph(step.concepts, step.relations, room, px, measure);
        // At most four bends: from one card, past its layers' phrases, to the other.
        for (const line of laid.lines) expect(line.points.length, step.name).toBeLessThanOrEqual(6);
      }
    }
  });

  it('draws narrower cards, with phrases on more lines, where the roomier ones would not fit', async () => {
    const concepts = [
      { id: 'a', label: 'Old industries made new' },
      { id: 'b', label: 'Testing ground' },
      { id: 'c', label: 'Emerging new industries' },
    ];
    const relations = [
      { id: 'ab', label: 'serve as the testing ground and converter of', source: 'a', target: 'b' },
      { id: 'bc', label: 'is where the first steps are taken for', source: 'b', target: 'c' },
    ];
    // ELK as it is, except that a layout of cards wider than nine ems is made too wide to fit.
    const widths: number[] = [];
    const narrowOnly: LayOut = async (graph) => {
      const laid = await elkOnThisThread(graph);
      const widest = Math.max(...(graph.children ?? []).map((c) => c.width ?? 0));
      widths.push(widest);
      return widest > 32 * 9 ? { ...laid, width: pane.width * 2 } : laid;
    };
    const laid = await layOutStepGraph(concepts, relations, pane, 32, measure, narrowOnly);
    // The roomy shapes were tried first, and the close-up is drawn in a narrower one.
    expect(widths[0]).toBe(32 * 12);
    expect(Math.max(...laid.cards.map((c) => c.box.width))).toBeLessThanOrEqual(32 * 9);
    expect(laid.px).toBe(32);
    expect(laid.phrases.map((p) => p.id).sort()).toEqual(['ab', 'bc']);
    // A phrase narrower than its one line wraps, and is drawn as tall as its lines.
    const wrapped = laid.phrases.find((p) => p.id === 'ab')!;
    expect(wrapped.box.height).toBeGreaterThan(32 * STEP_PHRASE_RATIO * 1.25 * 2);
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

  it('gives a phrase a place further along its own line where ELK’s room for it is taken', async () => {
    const concepts = [
      { id: 'a', label: 'Roads' },
      { id: 'b', label: 'Networks' },
    ];
    const relations = [{ id: 'ab', label: 'connect', source: 'a', target: 'b' }];
    // ELK as it is, except that it leaves the phrase's room on the first card.
    const onTheCard: LayOut = async (graph) => {
      const laid = await elkOnThisThread(graph);
      const card = laid.children!.find((c) => c.id === 'a')!;
      const edges = (laid.edges ?? []).map((edge) => ({
        ...edge,
        labels: (edge.labels ?? []).map((label) => ({ ...label, x: card.x ?? 0, y: card.y ?? 0 })),
      }));
      return { ...laid, edges };
    };
    const laid = await layOutStepGraph(concepts, relations, pane, 32, measure, onTheCard);
    expect(laid.phrases.map((p) => p.id)).toEqual(['ab']);
    const phrase = laid.phrases[0]!.box;
    // Clear of both cards, and on its line: the line passes through its box.
    for (const card of laid.cards) expect(boxesMeet(phrase, card.box, 2)).toBe(false);
    const line = laid.lines[0]!.points;
    expect(line.some((p, i) => i > 0 && segmentMeetsBox(line[i - 1]!, p, phrase))).toBe(true);
  });
});
