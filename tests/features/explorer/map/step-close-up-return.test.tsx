import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../src/app/app';
import type { Atlas } from '../../../../src/model/atlas';
import type { Tour } from '../../../../src/model/tours';
import { RETURN_MS } from '../../../../src/features/explorer/map/close-up-return';
import type * as Motion from '../../../../src/shared/motion';
import { useAtlasStore } from '../../../../src/store/atlas-store';
import { fixtureAtlas } from '../../../fixtures/load-fixture';
import { givenScreen } from '../../../fixtures/projector-screen';

// The camera jumps here rather than glides, so that no glide of its own is under way, on one clock
// or the other, when a test ends: the cards follow the camera wherever it is.
vi.mock('../../../../src/shared/motion', async (original) => ({
  ...(await original<typeof Motion>()),
  cameraDuration: () => 0,
}));

/**
 * On a pane this small, a step of three of the fixture's concepts has no room for their labels and
 * is brought together as a close-up; one concept alone is named on the map.
 */
const pane = { width: 200, height: 150 };
const tour: Tour = {
  id: 'close-ups',
  title: 'Close-ups',
  description: 'Two close-ups and a step on the map.',
  steps: [
    {
      title: 'Source',
      text: 'Water and pipes.',
      concepts: ['water', 'pipes', 'veins'],
      notes: 'A.',
    },
    { title: 'Ends', text: 'Pipes and rain.', concepts: ['pipes', 'veins', 'rain'], notes: 'A.' },
    { title: 'One', text: 'Water alone.', concepts: ['water'], notes: 'A.' },
  ],
};

givenScreen({ width: 1920, height: 1080 }, pane);

let reducedMotion = false;
const jsdomMatchMedia = window.matchMedia;

afterEach(async () => {
  // What the test's clock started (the camera's glide, a layout) ends on it, so that nothing is
  // left waiting on a clock that is gone when the next test starts.
  if (vi.isFakeTimers()) await act(() => vi.advanceTimersByTimeAsync(3000));
  vi.useRealTimers();
  reducedMotion = false;
  window.matchMedia = jsdomMatchMedia;
});

function preferReducedMotion() {
  reducedMotion = true;
  window.matchMedia = ((query: string) => ({
    matches: reducedMotion && query.includes('prefers-reduced-motion'),
    media: query,
    addEventListener() {},
    removeEventListener() {},
  })) as unknown as typeof window.matchMedia;
}

const cardsOf = (root: ParentNode | null | undefined, attribute: string) =>
  [...(root?.querySelectorAll(`[${attribute}]`) ?? [])]
    .map((c) => c.getAttribute(attribute))
    .sort();

const closeUpCards = (container: HTMLElement) =>
  cardsOf(container.querySelector('.step-close-up'), 'data-id');
const returning = (container: HTMLElement) => container.querySelectorAll('.step-close-up-return');
const returningCards = (container: HTMLElement) =>
  cardsOf(container.querySelector('.step-close-up-return'), 'data-returning');

/**
 * The tour at `step`, its close-up arrived, with the layout engine and every chunk loaded (with
 * the real clock); then the clock is the test's, frames and all, so that a glide is seen frame by
 * frame.
 */
async function arrivedAt(step: number) {
  const atlas: Atlas = { ...(await fixtureAtlas()), tours: [tour] };
  useAtlasStore.getState().setAtlas(atlas);
  useAtlasStore.setState({ view: 'tour', tour: { id: tour.id, step } });
  const { container } = render(<App />);
  await screen.findByRole('heading', { level: 2, name: tour.steps[step - 1]!.title });
  const ids = [...tour.steps[step - 1]!.concepts].sort();
  await waitFor(() => {
    expect(container.querySelector('.step-close-up:not(.is-arriving)')).not.toBeNull();
    expect(closeUpCards(container)).toEqual(ids);
  });
  vi.useFakeTimers();
  return { atlas, container };
}

const press = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key });
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Where a returning card is moved to from where it stood in the close-up. */
function moveOf(card: Element) {
  const style = (card as HTMLElement).style;
  const [dx, dy, k] = [...style.transform.matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((m) =>
    Number(m[0]),
  );
  return { dx: dx!, dy: dy!, k: k! };
}

/** Where a concept stands on screen now: its box's middle, as the map's camera shows it. */
function placeOf(container: HTMLElement, atlas: Atlas, id: string) {
  const style = container.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
  const [tx, ty, zoom] = [...style.matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((m) => Number(m[0]));
  const box = atlas.boxes.get(id)!;
  return {
    x: (box.x + box.width / 2) * zoom! + tx!,
    y: (box.y + box.height / 2) * zoom! + ty!,
    width: box.width * zoom!,
  };
}

describe('a close-up when its step is left', () => {
  it.each([
    ['the next step', 'ArrowRight', 3],
    ['the previous step', 'ArrowLeft', 1],
  ])('glides its cards back to their places on the map on %s', async (_, key, to) => {
    const { atlas, container } = await arrivedAt(2);
    press(key);
    expect(useAtlasStore.getState().tour?.step).toBe(to);
    await wait(0);
    // The step has moved on at once; the close-up left is on its way back, from where it stood.
    expect(returning(container)).toHaveLength(1);
    expect(returningCards(container)).toEqual(['pipes', 'rain', 'veins']);
    const card = container.querySelector('[data-returning="rain"]')!;
    expect(moveOf(card)).toEqual({ dx: 0, dy: 0, k: 1 });
    await wait(RETURN_MS / 2);
    const halfway = moveOf(card);
    expect(Math.hypot(halfway.dx, halfway.dy)).toBeGreaterThan(0);
    await wait(RETURN_MS / 2 - 20);
    // Nearly home: on its concept's place, the size of its box, wherever the camera now is.
    const home = moveOf(card);
    const element = card as HTMLElement;
    const left = Number.parseFloat(element.style.left);
    const top = Number.parseFloat(element.style.top);
    const width = Number.parseFloat(element.style.width);
    const height = Number.parseFloat(element.style.minHeight);
    const place = placeOf(container, atlas, 'rain');
    expect(left + width / 2 + home.dx).toBeCloseTo(place.x, 0);
    expect(top + height / 2 + home.dy).toBeCloseTo(place.y, 0);
    expect(home.k).toBeCloseTo(place.width / width, 2);
    expect(Number(element.style.opacity)).toBeLessThan(1);
    // Then gone: nothing is left of it.
    await wait(40);
    expect(returning(container)).toHaveLength(0);
  });

  it('glides back to the explorer’s map when the tour is left', async () => {
    const { container } = await arrivedAt(1);
    press('Escape');
    expect(useAtlasStore.getState().view).toBe('map');
    await wait(0);
    expect(container.querySelector('.step-close-up')).toBeNull();
    expect(returningCards(container)).toEqual(['pipes', 'veins', 'water']);
    // Over the explorer's map, which the tour's map gave way to.
    expect(
      container.querySelector('.step-close-up-return')?.closest('.concept-map'),
    ).not.toBeNull();
    await wait(RETURN_MS);
    expect(returning(container)).toHaveLength(0);
  });

  it('goes at once under reduced motion', async () => {
    const { container } = await arrivedAt(2);
    preferReducedMotion();
    press('ArrowRight');
    await wait(0);
    expect(returning(container)).toHaveLength(0);
    expect(container.querySelector('[data-returning]')).toBeNull();
    expect(container.querySelector('.step-close-up')).toBeNull();
  });

  it('never queues glides or leaves cards behind when the steps come quickly', async () => {
    const { container } = await arrivedAt(1);
    const steps = tour.steps.map((step) => [...step.concepts].sort());
    const counts: number[] = [];
    const look = () => {
      counts.push(returning(container).length);
      // Whatever glides back is one close-up's cards, and the close-up shows one step's.
      const back = returningCards(container);
      if (back.length > 0) expect(steps).toContainEqual(back);
      const shown = closeUpCards(container);
      if (shown.length > 0) expect(steps).toContainEqual(shown);
    };
    // Source → Ends → One → Ends → Source, a key every 50 ms: a clicker pressed in a hurry.
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft']) {
      press(key);
      look();
      await wait(25);
      look();
      await wait(25);
      look();
    }
    expect(useAtlasStore.getState().tour?.step).toBe(1);
    // One glide at a time at most: a close-up left while another glides replaces it.
    expect(Math.max(...counts)).toBe(1);
    await wait(RETURN_MS);
    expect(returning(container)).toHaveLength(0);
    // The step shown is the last one, with its own cards alone.
    await wait(1000);
    expect(container.querySelectorAll('.step-close-up')).toHaveLength(1);
    expect(closeUpCards(container)).toEqual(['pipes', 'veins', 'water']);
    expect(returning(container)).toHaveLength(0);
  });
});
