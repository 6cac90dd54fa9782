import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../../src/bundle/check-bundle';
import { ConceptMap, LARGE_MAP } from '../../src/components/concept-map';
import { makeSyntheticBundle } from '../../src/model/synthetic-bundle';
import { useAtlasStore } from '../../src/store/atlas-store';

async function largeAtlas() {
  const checked = await checkBundle(JSON.stringify(makeSyntheticBundle(LARGE_MAP + 1)), {
    layOut: () => Promise.reject(new Error('the synthetic bundle places every concept')),
  });
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return checked.atlas;
}

describe('a large map', () => {
  it('draws its relations as one layer, without a minimap, and fades nothing on selection', async () => {
    const atlas = await largeAtlas();
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
    useAtlasStore.getState().select(relation.source);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(map).not.toHaveClass('has-faded');
    expect(layer.querySelectorAll('path.relation-edge--emphasised').length).toBeGreaterThan(0);
    expect(container.querySelector('.relation-label')?.textContent).toBeTruthy();
  }, 30_000);
});
