import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/components/app';
import { useAtlasStore } from '../../src/store/atlas-store';
import { fixtureAtlas } from '../fixtures/load-fixture';

async function renderWithFixture() {
  useAtlasStore.getState().setAtlas(await fixtureAtlas());
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, ...view };
}

describe('the first screen', () => {
  it('shows the article title and a link to its source', async () => {
    await renderWithFixture();
    expect(screen.getByRole('heading', { level: 1, name: 'A small argument' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Source article' })).toHaveAttribute(
      'href',
      'https://example.org/argument',
    );
  });

  it('draws every concept as a node with its kind in words', async () => {
    const { container } = await renderWithFixture();
    for (const id of ['water', 'pipes', 'veins', 'rain']) {
      expect(container.querySelector(`.react-flow__node[data-id="${id}"]`)).not.toBeNull();
    }
    const veins = container.querySelector('.react-flow__node[data-id="veins"]') as HTMLElement;
    expect(within(veins).getByText('Metaphor')).toBeInTheDocument();
  });

  it('labels each section group in reading order', async () => {
    await renderWithFixture();
    expect(screen.getByText('Introduction')).toBeInTheDocument();
    expect(screen.getByText('Section 1')).toBeInTheDocument();
    expect(
      screen.getByText('Pipes', { selector: '.section-node__title span' }),
    ).toBeInTheDocument();
  });

  it('explains each kind in the legend, with counts', async () => {
    await renderWithFixture();
    const legend = screen.getByRole('region', { name: 'Kinds of concept' });
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Thesis1',
      'Pillar1',
      'Metaphor1',
      'Example1',
    ]);
  });

  it('draws links between sections only when asked or when they touch the selection', async () => {
    const { user, container } = await renderWithFixture();
    const edge = (id: string) => container.querySelector(`.react-flow__edge[data-id="${id}"]`);
    expect(edge('r-veins-pipes')).not.toBeNull();
    expect(edge('r-pipes-water')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Show links between sections' }));
    expect(edge('r-pipes-water')).not.toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Show links between sections' }));
    expect(edge('r-pipes-water')).toBeNull();
    useAtlasStore.getState().select('water');
    expect(await screen.findByTestId('rf__edge-r-pipes-water')).toBeInTheDocument();
  });

  it('shows every problem of invalid content instead of a blank page', () => {
    useAtlasStore
      .getState()
      .setProblems(['concepts[0] (x).summary: must not be empty', 'relations: broken']);
    render(<App />);
    const alert = screen.getByRole('alert');
    expect(
      within(alert).getByRole('heading', { name: 'The map could not be drawn' }),
    ).toBeInTheDocument();
    expect(within(alert).getAllByRole('listitem')).toHaveLength(2);
  });
});
