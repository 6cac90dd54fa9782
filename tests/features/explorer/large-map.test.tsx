import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConceptMap } from '../../../src/features/explorer/concept-map';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { largeAtlas } from '../../fixtures/large-atlas';

const atlas = await largeAtlas();

describe('a large map', () => {
  it('draws its relations as one layer, without a minimap, and fades nothing on selection', async () => {
    useAtlasStore.getState().setAtlas(atlas);
    const { container } = render(<ConceptMap />);
    const map = container.querySelector('.concept-map')!;
    expect(map).toHaveClass('is-large');
    expect(container.querySelector('.react-flow__minimap')).toBeNull();
    expect(container.querySelectorAll('.react-flow__edge')).toHaveLength(0);
    const layer = container.querySelector('.edge-layer')!;
    expect(layer.querySelectorAll('path.relation-edge').length).toBe(2);
    expect(layer.querySelector('path.relation-edge')?.getAttribute('d')?.length).toBeGreaterThan(
      1000,
    );
    const relation = atlas.graph.relations[0]!;
    act(() => useAtlasStore.getState().select(relation.source));
    await waitFor(() =>
      expect(layer.querySelectorAll('path.relation-edge--emphasised').length).toBeGreaterThan(0),
    );
    expect(map).not.toHaveClass('has-faded');
    expect(container.querySelector('.relation-label')?.textContent).toBeTruthy();
  });

  it('gives no concept an element at the overview, except the selected one', async () => {
    useAtlasStore.getState().setAtlas(atlas);
    const { container } = render(<ConceptMap />);
    const map = container.querySelector('.concept-map')!;
    // The map fits a small test viewport only from far away, where the overview canvas draws it.
    await waitFor(() => expect(map).toHaveClass('is-overview'));
    expect(container.querySelectorAll('.react-flow__node-section').length).toBe(
      atlas.graph.sections.length,
    );
    expect(container.querySelectorAll('.react-flow__node-concept')).toHaveLength(0);

    const chosen = atlas.graph.concepts[500]!;
    act(() => useAtlasStore.getState().select(chosen.id));
    await waitFor(() =>
      expect(container.querySelectorAll('.react-flow__node-concept')).toHaveLength(1),
    );
    const element = container.querySelector(`.react-flow__node[data-id="${chosen.id}"]`);
    expect(element).toHaveClass('selected');
    act(() => useAtlasStore.getState().select(null));
    await waitFor(() =>
      expect(container.querySelectorAll('.react-flow__node-concept')).toHaveLength(0),
    );
  });

  it('takes the focus itself at the overview, and starts the keyboard at the first concept', async () => {
    useAtlasStore.getState().setAtlas(atlas);
    useAtlasStore.getState().select(null);
    const user = userEvent.setup();
    const { container } = render(<ConceptMap />);
    const map = screen.getByRole('region', { name: 'Concept map' });
    await waitFor(() => expect(map).toHaveClass('is-overview'));
    expect(map).toHaveAttribute('tabindex', '0');
    expect(map).toHaveAccessibleDescription(
      'Zoomed out. Press Enter to start at the first concept, or / to search.',
    );

    await user.tab();
    expect(map).toHaveFocus();
    await user.keyboard('{Enter}');
    const [first] = [...atlas.order].sort((a, b) => a[1] - b[1])[0]!;
    await waitFor(() =>
      expect(container.querySelector(`.react-flow__node[data-id="${first}"]`)).toHaveFocus(),
    );
    // Zoomed in, the concepts take the focus and the map gives it up.
    expect(map).not.toHaveClass('is-overview');
    expect(map).not.toHaveAttribute('tabindex');
    // Nothing was selected: Enter on the concept does that.
    expect(useAtlasStore.getState().selectedId).toBeNull();
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe(first);
  });
});
