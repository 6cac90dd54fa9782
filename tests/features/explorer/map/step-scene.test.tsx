import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../../src/app/app';
import type { Atlas } from '../../../../src/model/atlas';
import {
  PROJECTOR,
  type StepScene,
  stepScene,
  tourMapPane,
} from '../../../../src/model/step-slide';
import type { Tour } from '../../../../src/model/tours';
import { tourStepView } from '../../../../src/model/view';
import { useAtlasStore } from '../../../../src/store/atlas-store';
import { fixtureAtlas } from '../../../fixtures/load-fixture';
import { givenScreen } from '../../../fixtures/projector-screen';

/** One concept, two close together, and the whole fixture map, which a small pane cannot name. */
const tour: Tour = {
  id: 'scene',
  title: 'Scenes',
  description: 'Near and far.',
  steps: [
    { title: 'One', text: 'One concept.', concepts: ['water'], notes: 'Ask.' },
    { title: 'Two', text: 'Two close together.', concepts: ['pipes', 'veins'], notes: 'Ask.' },
    {
      title: 'All',
      text: 'All of them.',
      concepts: ['water', 'pipes', 'veins', 'rain'],
      notes: 'Ask.',
    },
  ],
};

const atlasWithScenes = async (): Promise<Atlas> => ({ ...(await fixtureAtlas()), tours: [tour] });

/** The scene a picture of the step is drawn from, worked out from the layout alone. */
async function sceneOf(step: number, pane: { width: number; height: number }): Promise<StepScene> {
  const atlas = await atlasWithScenes();
  const view = tourStepView(atlas, tour, step, false);
  // jsdom lays out none of the map's controls: nothing covers its map.
  return stepScene({ atlas, view, pane, screenWidth: PROJECTOR.width, covers: [] });
}

/** The camera's translation and zoom, as the map's viewport element says them. */
function cameraOf(container: HTMLElement) {
  const style = container.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
  const [x, y, zoom] = [...style.matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((m) => Number(m[0]));
  return { x, y, zoom };
}

const ids = (container: HTMLElement, selector: string, attribute: string) =>
  [...container.querySelectorAll(selector)].map((el) => el.getAttribute(attribute)).sort();

/**
 * A picture of a step must show what the class sees: the same camera, the same labels and phrases
 * named, and the step brought together as a close-up exactly where the map brings it together.
 * The picture works its scene out from the layout alone (it is drawn for a projector, not for the
 * window it is asked from), so this holds it to the map's own placing, on a projector and on a
 * pane too small to name every concept of a step.
 */
describe.each([
  // On a projector, where their names fit, the steps of related concepts still have no room for
  // every phrase; on a small pane, where the names of the whole map do not fit either.
  { name: 'on a projector', pane: tourMapPane(PROJECTOR), closeUps: [2, 3] },
  { name: 'on a small pane', pane: { width: 240, height: 180 }, closeUps: [2, 3] },
])('a step’s scene $name', ({ pane, closeUps }) => {
  givenScreen(PROJECTOR, pane);

  it('brings together the steps whose labels or phrases have no room', async () => {
    const scenes = await Promise.all(tour.steps.map((_, i) => sceneOf(i + 1, pane)));
    const together = scenes.flatMap((scene, i) => (scene.closeUp ? [i + 1] : []));
    expect(together).toEqual(closeUps);
  });

  it.each(tour.steps.map((_, i) => i + 1))(
    'frames and names step %i as the map does',
    async (step) => {
      const scene = await sceneOf(step, pane);
      useAtlasStore.getState().setAtlas(await atlasWithScenes());
      useAtlasStore.setState({ view: 'tour', tour: { id: tour.id, step } });
      const { container } = render(<App />);
      await screen.findByRole('heading', { level: 2, name: tour.steps[step - 1]!.title });
      await waitFor(() => {
        const camera = cameraOf(container);
        expect(camera.zoom).toBeCloseTo(scene.viewport.zoom, 6);
        expect(camera.x).toBeCloseTo(scene.viewport.x, 3);
        expect(camera.y).toBeCloseTo(scene.viewport.y, 3);
      });
      const { closeUp } = scene;
      await waitFor(() => {
        const map = container.querySelector('.concept-map');
        expect(map?.classList.contains('has-close-up')).toBe(closeUp);
        expect(ids(container, '.react-flow__node.has-far-label', 'data-id')).toEqual(
          scene.labels.map((l) => l.id).sort(),
        );
        expect(ids(container, '.relation-label', 'data-relation')).toEqual(
          scene.phrases.map((p) => p.id).sort(),
        );
      });
    },
  );
});
