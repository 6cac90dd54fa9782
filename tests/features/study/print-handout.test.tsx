import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PrintHandout } from '../../../src/features/study/print-handout';
import { LARGE_MAP } from '../../../src/model/geometry';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { makeAnnotatedVeins, makeGraph } from '../../fixtures/atlas-fixture';
import { largeAtlas } from '../../fixtures/large-atlas';
import { fixtureAtlas } from '../../fixtures/load-fixture';

async function renderHandout() {
  const graph = makeGraph();
  const [water, pipes, , rain] = graph.concepts;
  const veins = makeAnnotatedVeins();
  // Listed out of reading order, so that the handout has to put them in order itself.
  graph.concepts = [rain!, veins, pipes!, water!];
  useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
  const view = render(<PrintHandout />);
  // Built just before printing (or when the page is idle), never in the way of the map.
  act(() => {
    fireEvent(window, new Event('beforeprint'));
  });
  const concept = (label: string) =>
    screen.getByRole('heading', { level: 3, name: label }).closest('article')!;
  return { ...view, concept };
}

describe('the printable handout', () => {
  it('waits until the page is idle or about to print', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const { container } = render(<PrintHandout />);
    expect(container).toBeEmptyDOMElement();
    act(() => {
      fireEvent(window, new Event('beforeprint'));
    });
    expect(container.querySelector('.print-handout')).not.toBeNull();
  });

  it('renders nothing before the atlas has loaded', () => {
    const { container } = render(<PrintHandout />);
    expect(container).toBeEmptyDOMElement();
  });

  it('starts with the article’s title and source', async () => {
    await renderHandout();
    expect(screen.getByRole('heading', { level: 1, name: 'A small argument' })).toBeInTheDocument();
    expect(
      screen.getByText('Source: https://example.org/argument, published 2026-01-02'),
    ).toBeInTheDocument();
  });

  it('has one heading per section, in the article’s order', async () => {
    await renderHandout();
    expect(
      screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent),
    ).toEqual(['Introduction', 'Section 1: Pipes', 'Section 2: Rain']);
  });

  it('lists each section’s concepts under it, in reading order', async () => {
    const { container } = await renderHandout();
    const sections = [...container.querySelectorAll('section')];
    expect(
      sections.map((section) =>
        within(section)
          .queryAllByRole('heading', { level: 3 })
          .map((heading) => heading.textContent),
      ),
    ).toEqual([['water'], ['pipes', 'Veins'], ['rain']]);
  });

  it('gives every concept its kind, summary, passages and relations', async () => {
    const { container, concept } = await renderHandout();
    expect(container.querySelectorAll('article')).toHaveLength(4);
    for (const label of ['water', 'pipes', 'Veins', 'rain']) {
      const entry = concept(label);
      expect(entry.querySelector('.print-handout__summary')?.textContent).toMatch(/\S/);
      expect(entry.querySelectorAll('blockquote').length).toBeGreaterThan(0);
      expect(within(entry).getAllByRole('listitem').length).toBeGreaterThan(0);
    }

    const veins = concept('Veins');
    expect(within(veins).getByText(/^Metaphor/)).toBeInTheDocument();
    expect(within(veins).getByText('Pipes carry water the way veins carry blood.')).toBeVisible();
    expect([...veins.querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual([
      'the veins of a city',
      'Old pipes leak.',
    ]);
    expect(within(concept('water')).getByText(/^Thesis/)).toBeInTheDocument();
    expect(within(concept('rain')).getByText(/^Example/)).toBeInTheDocument();
  });

  it('writes relations as propositions, both ways, nearest in reading order first', async () => {
    const { concept } = await renderHandout();
    const relations = (label: string) =>
      within(concept(label))
        .getByRole('list', { name: `Relations of ${label}` })
        .querySelectorAll('li');
    expect([...relations('water')].map((li) => li.textContent)).toEqual([
      'pipes → carry → water',
      'rain → provides → water',
    ]);
    expect([...relations('pipes')].map((li) => li.textContent)).toEqual([
      'pipes → carry → water',
      'Veins → is the image for → pipes',
    ]);
    expect([...relations('Veins')].map((li) => li.textContent)).toEqual([
      'Veins → is the image for → pipes',
    ]);
  });

  it('adds the Chinese term and the curator’s note where there are any', async () => {
    const { concept } = await renderHandout();
    const veins = concept('Veins');
    expect(within(veins).getByText('经络')).toHaveAttribute('lang', 'zh-Hans');
    expect(within(veins).getByText('A figure of speech, not a claim about biology.')).toBeVisible();
    expect(within(veins).getByText('Curator’s note:')).toBeInTheDocument();
    expect(concept('water').querySelector('[lang]')).toBeNull();
    expect(concept('water').querySelector('.print-handout__note')).toBeNull();
  });
});

describe('the handout of a map that grows large', () => {
  it('is dropped when a large map replaces a small one, until printing', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const { container } = render(<PrintHandout />);
    // The small map's handout is built once the page is idle.
    await waitFor(() => expect(container.querySelector('.print-handout')).not.toBeNull());
    const large = await largeAtlas();
    act(() => useAtlasStore.getState().setAtlas(large));
    expect(container).toBeEmptyDOMElement();
    act(() => {
      fireEvent(window, new Event('beforeprint'));
    });
    expect(container.querySelectorAll('.print-handout article')).toHaveLength(LARGE_MAP + 1);
  });

  it('draws the whole map, then each section’s part of it before its concepts', async () => {
    await renderHandout();
    const atlas = useAtlasStore.getState().atlas!;
    const whole = screen.getByRole('img', { name: 'The whole map' });
    expect(whole.querySelectorAll('g')).toHaveLength(
      atlas.graph.sections.length + atlas.graph.concepts.length,
    );
    expect(within(whole).getByText('pipes')).toBeInTheDocument();
    for (const section of atlas.graph.sections) {
      const heading =
        section.order === 0 ? 'Introduction' : `Section ${section.order}: ${section.title}`;
      const figure = screen.getByRole('img', { name: `The map of ${heading}` });
      const region = screen.getByRole('heading', { level: 2, name: heading }).closest('section')!;
      expect(region).toContainElement(figure);
    }
  });

  it('carries the student’s notes only when asked to', async () => {
    useAtlasStore.getState().setNote('pipes', 'Ask about the old ones.');
    const { concept } = await renderHandout();
    expect(within(concept('pipes')).queryByText(/Ask about the old ones/)).toBeNull();
    act(() => useAtlasStore.getState().setHandoutNotes(true));
    expect(within(concept('pipes')).getByText('Ask about the old ones.')).toBeInTheDocument();
    expect(within(concept('water')).queryByText(/My notes/)).toBeNull();
  });
});
