import { describe, expect, it } from 'vitest';
import { boxesMeet } from '../../src/model/floating';
import { TOUR_MAX_ZOOM, tourFramePadding } from '../../src/model/framing';
import { tourLabelPx } from '../../src/model/level-of-detail';
import {
  closeUpInput,
  coverBoxes,
  PROJECTOR,
  stepImageName,
  stepScene,
  tourMapPane,
} from '../../src/model/step-slide';
import { computeView, tourStepView } from '../../src/model/view';
import { loadRealAtlas } from '../fixtures/real-atlas';

const atlas = loadRealAtlas();
/** What the browser draws: each character 0.58 of the size wide (a bold sans-serif). */
const measure = (text: string, px: number) => text.length * px * 0.58;
const pane = tourMapPane(PROJECTOR);

const steps = atlas.tours.flatMap((tour) =>
  tour.steps.map((_, index) => ({ name: `${tour.id} ${index + 1}`, tour, step: index + 1 })),
);

function sceneOf(name: string, reveal = false) {
  const { tour, step } = steps.find((s) => s.name === name)!;
  const view = tourStepView(atlas, tour, step, reveal);
  return { view, scene: stepScene({ atlas, view, pane, screenWidth: PROJECTOR.width, measure }) };
}

describe('a tour step as the projector shows it', () => {
  it('puts the map right of the step’s card, a third of the screen, in whole pixels', () => {
    expect(pane).toEqual({ x: 653, y: 0, width: 1267, height: 1080 });
  });

  it.each(steps.map((s) => s.name))(
    '%s: frames the step with room for its labels, names each concept once, none on another',
    (name) => {
      const { view, scene } = sceneOf(name);
      const { x, y, zoom } = scene.viewport;
      expect(zoom).toBeLessThanOrEqual(TOUR_MAX_ZOOM);
      // Every concept of the step inside the room the camera leaves for the labels.
      const room = tourFramePadding(tourLabelPx(PROJECTOR.width));
      for (const id of view.frame) {
        const box = atlas.boxes.get(id)!;
        expect(box.x * zoom + x).toBeGreaterThanOrEqual(Number.parseFloat(room.left) - 2);
        expect(box.y * zoom + y).toBeGreaterThanOrEqual(Number.parseFloat(room.top) - 2);
        expect((box.x + box.width) * zoom + x).toBeLessThanOrEqual(
          pane.width - Number.parseFloat(room.right) + 2,
        );
        expect((box.y + box.height) * zoom + y).toBeLessThanOrEqual(
          pane.height - Number.parseFloat(room.bottom) + 2,
        );
      }
      // Each of the step's concepts is named on the map or left to the close-up, never both.
      const named = scene.labels.map((l) => l.id);
      expect([...named, ...scene.unplaced].sort()).toEqual([...view.frame].sort());
      expect(scene.px).toBe(32);
      const covers = coverBoxes(pane);
      const boxes = [
        ...scene.labels.map((l) => l.box),
        ...scene.titles.map((t) => t.box),
        ...scene.phrases.map((p) => p.box),
      ];
      for (const [i, box] of boxes.entries()) {
        for (const other of boxes.slice(i + 1)) expect(boxesMeet(box, other)).toBe(false);
      }
      // The picture draws none of the map's controls, but names nothing where they stand on screen;
      // a section's title may run under them, as on the map.
      for (const { box } of [...scene.labels, ...scene.phrases]) {
        expect(covers.some((cover) => boxesMeet(box, cover))).toBe(false);
      }
      for (const label of scene.labels) {
        expect(label.box.x).toBeGreaterThanOrEqual(0);
        expect(label.box.y).toBeGreaterThanOrEqual(0);
        expect(label.box.x + label.box.width).toBeLessThanOrEqual(pane.width);
        expect(label.box.y + label.box.height).toBeLessThanOrEqual(pane.height);
        expect(label.size).toBe(32);
        expect(label.lines.length).toBeGreaterThan(0);
        // A step shown on the map names its concepts whole.
        if (!scene.closeUp) expect(label.lines.join(' ')).not.toContain('…');
      }
    },
  );

  it('keeps a step on the map where its names fit and it has no phrase to say, else brings it together', () => {
    const pillars = computeView(atlas, {
      selectedId: null,
      focusDepth: 0,
      focusMode: 'fade',
      hiddenKinds: [],
      hiddenSections: [],
      searchMatches: [],
      showCrossLinks: false,
      tour: {
        current: [
          'traditional-industries',
          'emerging-future-industries',
          'service-industry',
          'modern-infrastructure',
        ],
        later: [],
        reveal: false,
      },
    });
    const onMap = stepScene({ atlas, view: pillars, pane, screenWidth: PROJECTOR.width, measure });
    expect(onMap.closeUp).toBe(false);
    expect(onMap.labels).toHaveLength(4);
    // Four images and their pillars: too far apart for every phrase to be said on the map.
    expect(sceneOf('whole-argument 4').scene.closeUp).toBe(true);
  });

  it('shows a step on the map only where all of its labels and phrases have room', () => {
    for (const { name } of steps) {
      const { scene } = sceneOf(name);
      if (scene.unplaced.length > 0) expect(scene.closeUp, name).toBe(true);
      // A close-up draws its own phrases; the map's are for a step shown on it.
      if (scene.closeUp) expect(scene.phrases, name).toEqual([]);
    }
  });

  it('gives a close-up the step’s concepts in its order, and only the relations among them', () => {
    const { tour, step } = steps.find((s) => s.name === 'whole-argument 4')!;
    const ids = tour.steps[step - 1]!.concepts;
    const input = closeUpInput(atlas, ids);
    expect(input.concepts.map((c) => c.id)).toEqual(ids);
    expect(input.relations.length).toBeGreaterThan(0);
    for (const r of input.relations) {
      expect(ids).toContain(r.source);
      expect(ids).toContain(r.target);
    }
  });
});

describe('the name a step’s picture is saved under', () => {
  it('names the tour and the step, its number as wide as the last one’s', () => {
    expect(stepImageName('The whole argument', 4, 14, 'A machine in four parts')).toBe(
      'the-whole-argument-step-04-a-machine-in-four-parts.png',
    );
    expect(stepImageName('A small tour', 2, 3, 'Pipes')).toBe('a-small-tour-step-2-pipes.png');
  });

  it('keeps letters of any script and drops what a file name cannot hold', () => {
    expect(stepImageName('新质生产力', 1, 6, 'What/is: "new"?')).toBe(
      '新质生产力-step-1-what-is-new.png',
    );
    expect(stepImageName('???', 1, 1, '')).toBe('tour-step-1.png');
  });

  it('is short even for a long title, cut between words', () => {
    const name = stepImageName('A tour', 1, 1, 'word '.repeat(40));
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^a-tour-step-1-(word-)*word\.png$/);
  });
});
