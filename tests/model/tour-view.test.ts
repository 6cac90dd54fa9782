import { describe, expect, it } from 'vitest';
import { openTourChannel, type TourMessage } from '../../src/features/presentation/tour-channel';
import { clampStep, tourFrame } from '../../src/model/tour-view';
import { computeView } from '../../src/model/view';
import { atlasWithTour, fixtureTour } from '../fixtures/tour-fixture';

describe('tour steps', () => {
  it('keeps step numbers inside the tour', () => {
    expect(clampStep(fixtureTour, 0)).toBe(1);
    expect(clampStep(fixtureTour, 2)).toBe(2);
    expect(clampStep(fixtureTour, 99)).toBe(3);
  });

  it('frames the step’s concepts and knows which come later', () => {
    expect(tourFrame(fixtureTour, 1)).toEqual({
      current: ['water'],
      later: ['pipes', 'veins', 'rain'],
    });
    expect(tourFrame(fixtureTour, 2)).toEqual({ current: ['pipes', 'veins'], later: ['rain'] });
    expect(tourFrame(fixtureTour, 3)).toEqual({ current: ['rain'], later: [] });
  });

  it('emphasises the step, fades the rest and hides later concepts under progressive reveal', async () => {
    const atlas = await atlasWithTour();
    const base = {
      selectedId: null,
      focusDepth: 0 as const,
      focusMode: 'fade' as const,
      hiddenKinds: [],
      hiddenSections: [],
      searchMatches: [],
      showCrossLinks: false,
    };
    const dimmed = computeView(atlas, {
      ...base,
      tour: { ...tourFrame(fixtureTour, 2), reveal: false },
    });
    expect(dimmed.conceptClass.get('pipes')).toBe('is-step');
    expect(dimmed.conceptClass.get('rain')).toBe('is-faded');
    expect(dimmed.hidden.size).toBe(0);
    expect([...dimmed.frame]).toEqual(['pipes', 'veins']);
    expect(dimmed.emphasisedEdges.has('r-veins-pipes')).toBe(true);
    const revealed = computeView(atlas, {
      ...base,
      tour: { ...tourFrame(fixtureTour, 2), reveal: true },
    });
    expect([...revealed.hidden]).toEqual(['rain']);
    expect(revealed.hiddenEdges.has('r-rain-water')).toBe(true);
  });
});

describe('the tour channel between windows', () => {
  it('tells the other windows which step is shown and whether the screen is black, and ignores foreign messages', async () => {
    const received: TourMessage[] = [];
    const audience = openTourChannel((m) => received.push(m));
    const presenter = openTourChannel(() => {});
    const stranger = new BroadcastChannel('concept-atlas-tour');
    stranger.postMessage({ type: 'step', tourId: 'x', step: 'two' });
    stranger.postMessage({ type: 'blackout', on: 'yes' });
    presenter.post('small', 2);
    presenter.postBlackout(true);
    await expect
      .poll(() => received)
      .toEqual([
        { type: 'step', tourId: 'small', step: 2 },
        { type: 'blackout', on: true },
      ]);
    audience.close();
    presenter.close();
    stranger.close();
  });
});
