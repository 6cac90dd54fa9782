import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Atlas } from '../../../../src/model/atlas';
import { useMapEditing } from '../../../../src/features/explorer/map/use-map-editing';
import { useMapNodes } from '../../../../src/features/explorer/map/use-map-elements';
import { computeView } from '../../../../src/model/view';
import { fixtureAtlas } from '../../../fixtures/load-fixture';

/** The map with one concept renamed, as a key typed into its label makes it. */
function renamed(atlas: Atlas, id: string, label: string): Atlas {
  return {
    ...atlas,
    nodes: atlas.nodes.map((node) =>
      node.id === id && node.type === 'concept' ? { ...node, data: { ...node.data, label } } : node,
    ),
  };
}

const editing = { onConnect: () => {}, onPlace: () => {} };

/**
 * React Flow draws again each node given as a new object: a key typed into one concept must give
 * it every other node as the same object as before, or a large map is drawn whole at each key.
 */
describe('the nodes given to React Flow', () => {
  it('are the same objects for every concept a change of another leaves alone', async () => {
    const atlas = await fixtureAtlas();
    const view = computeView(atlas, {
      selectedId: 'water',
      focusDepth: 1,
      focusMode: 'fade',
      hiddenKinds: [],
      hiddenSections: [],
      searchMatches: [],
      showCrossLinks: true,
    });
    const { result, rerender } = renderHook(
      ({ shown }: { shown: Atlas }) => {
        const nodes = useMapNodes({
          atlas: shown,
          view,
          selectedId: 'water',
          large: false,
          near: new Set(),
          focusedId: null,
          labelled: new Map(),
          focusable: true,
        });
        return useMapEditing(editing, nodes, shown, () => {}).nodes;
      },
      { initialProps: { shown: atlas } },
    );
    const before = result.current;
    // The selection and its neighbours stand out: they are objects of the map's own.
    expect(before.find((node) => node.id === 'water')).toMatchObject({ selected: true });
    expect(before.find((node) => node.id === 'pipes')).toMatchObject({ draggable: true });
    rerender({ shown: renamed(atlas, 'pipes', 'Water mains') });
    const after = result.current;
    expect(after).not.toBe(before);
    for (const [i, node] of after.entries()) {
      if (node.id === 'pipes') {
        expect(node).not.toBe(before[i]);
        expect(node).toMatchObject({ data: { label: 'Water mains' }, draggable: true });
      } else expect(node, node.id).toBe(before[i]);
    }
  });
});
