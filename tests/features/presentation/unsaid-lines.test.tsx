import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import type { Atlas } from '../../../src/model/atlas';
import type { Tour } from '../../../src/model/tours';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { givenScreen } from '../../fixtures/projector-screen';

// The close-up's layout, which has room here for the first relation's phrase only: the rest are
// drawn as bare lines.
vi.mock('../../../src/model/step-graph-layout', () => ({
  layOutStepGraph: (
    concepts: { id: string; label: string }[],
    relations: { id: string; label: string }[],
  ) =>
    Promise.resolve({
      px: 32,
      cards: concepts.map((c, i) => ({
        id: c.id,
        label: c.label,
        box: { x: i * 200, y: 0, width: 150, height: 60 },
      })),
      lines: relations.map((r) => ({
        id: r.id,
        points: [
          { x: 0, y: 0 },
          { x: 200, y: 0 },
        ],
      })),
      phrases: relations
        .slice(0, 1)
        .map((r) => ({ id: r.id, label: r.label, box: { x: 60, y: 0, width: 80, height: 30 } })),
    }),
}));

const tour: Tour = {
  id: 'dense',
  title: 'Dense',
  description: 'A step whose close-up has no room for its phrases, and one with no relations.',
  steps: [
    {
      title: 'Water, pipes and veins',
      text: 'How the water comes.',
      concepts: ['water', 'pipes', 'veins'],
      notes: 'A.',
    },
    { title: 'Rain', text: 'Rain alone.', concepts: ['rain'], notes: 'A.' },
  ],
};

/** On a pane this small the step's three concepts have no room on the map: a close-up. */
givenScreen({ width: 1920, height: 1080 }, { width: 200, height: 150 });

afterEach(() => {
  useAtlasStore.setState({ unsaid: null });
});

async function presented(atlas: Atlas, step: number) {
  useAtlasStore.getState().setAtlas(atlas);
  useAtlasStore.setState({ view: 'tour', tour: { id: tour.id, step } });
  const result = render(<App />);
  await screen.findByRole('heading', { level: 2, name: tour.steps[step - 1]!.title });
  return result;
}

/** The relations the close-up draws as lines, and those of them whose phrase it draws. */
function closeUpLines(container: HTMLElement) {
  const closeUp = container.querySelector('.step-close-up')!;
  const ids = (selector: string) =>
    [...closeUp.querySelectorAll(selector)].map((e) => e.getAttribute('data-relation')!).sort();
  return { lines: ids('polyline[data-relation]'), said: ids('.step-close-up__phrase') };
}

describe('a close-up with no room for some phrases', () => {
  it('says the relations of its bare lines as sentences beside the map, and only those', async () => {
    const atlas: Atlas = { ...(await fixtureAtlas()), tours: [tour] };
    const { container } = await presented(atlas, 1);
    await waitFor(() =>
      expect(container.querySelector('.step-close-up:not(.is-laying-out)')).not.toBeNull(),
    );
    const { lines, said } = closeUpLines(container);
    const bare = lines.filter((id) => !said.includes(id));
    expect(lines).toHaveLength(2);
    expect(bare).toHaveLength(1);
    const region = await screen.findByRole('heading', { name: 'What the other lines say' });
    const items = within(region.parentElement!).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-relation')).sort()).toEqual(bare);
    // Each as the proposition it states: source, linking phrase, target.
    for (const item of items) {
      const edge = atlas.edges.find((e) => e.id === item.getAttribute('data-relation'))!;
      const source = atlas.conceptById.get(edge.source)!.label;
      const target = atlas.conceptById.get(edge.target)!.label;
      expect(item).toHaveTextContent(`${source} ${edge.data?.label ?? ''} ${target}`);
    }
  });

  it('says nothing of another step’s lines once the step moves on, nor after the tour', async () => {
    const atlas: Atlas = { ...(await fixtureAtlas()), tours: [tour] };
    await presented(atlas, 1);
    await screen.findByRole('heading', { name: 'What the other lines say' });
    act(() => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowRight' });
    });
    await screen.findByRole('heading', { level: 2, name: 'Rain' });
    expect(screen.queryByRole('heading', { name: 'What the other lines say' })).toBeNull();
    act(() => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    });
    expect(useAtlasStore.getState().unsaid).toBeNull();
  });
});
