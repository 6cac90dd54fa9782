import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { useAtlasStore } from '../../src/store/atlas-store';
import { fixtureAtlas } from '../fixtures/load-fixture';
import { isFaded, isUnmatched } from '../fixtures/emphasis';

async function renderApp() {
  useAtlasStore.getState().setAtlas(await fixtureAtlas());
  const user = userEvent.setup();
  const view = render(<App />);
  const node = (id: string) =>
    view.container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
  const edge = (id: string) => view.container.querySelector(`.react-flow__edge[data-id="${id}"]`);
  return { user, node, edge, ...view };
}

/** Brings the camera close enough for the concepts to take the keyboard, as Enter on the map does. */
async function comeClose(user: ReturnType<typeof userEvent.setup>, concept: HTMLElement) {
  const map = screen.getByRole('region', { name: 'Concept map' });
  // The camera first frames the whole map, which in the test's small pane is zoomed out.
  await waitFor(() => expect(map).toHaveClass('is-far'));
  map.focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(concept).toHaveAttribute('tabindex', '0'));
  // Enter ends with the focus on the first concept.
  await waitFor(() => expect(document.activeElement).toHaveClass('react-flow__node-concept'));
}

describe('the explorer', () => {
  it('shows the article title and a link to its source', async () => {
    await renderApp();
    expect(
      within(document.querySelector<HTMLElement>('.app-header')!).getByRole('heading', {
        level: 1,
        name: 'A small argument',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Source article' })).toHaveAttribute(
      'href',
      'https://example.org/argument',
    );
  });

  it('draws every concept as a node named by its label and kind', async () => {
    const { node } = await renderApp();
    for (const id of ['water', 'pipes', 'veins', 'rain']) expect(node(id)).not.toBeNull();
    expect(node('veins')).toHaveAttribute('aria-label', 'veins (Metaphor)');
    expect(within(node('veins')!).getByText('Metaphor')).toBeInTheDocument();
  });

  it('labels each section group in reading order', async () => {
    await renderApp();
    expect(screen.getAllByText('Introduction').length).toBeGreaterThan(0);
    expect(screen.getByText('Section 1')).toBeInTheDocument();
    expect(
      screen.getByText('Pipes', { selector: '.section-node__title span' }),
    ).toBeInTheDocument();
  });

  it('selects a concept by clicking its node and shows its details', async () => {
    const { user, node } = await renderApp();
    await user.click(node('pipes')!);
    expect(useAtlasStore.getState().selectedId).toBe('pipes');
    const details = screen.getByRole('complementary', { name: 'Concept details' });
    expect(within(details).getByRole('heading', { level: 2, name: 'pipes' })).toBeInTheDocument();
    expect(node('pipes')).toHaveClass('is-selected');
    expect(node('water')).toHaveClass('is-neighbour');
    expect(isFaded(node('rain'))).toBe(true);
  });

  it('shows the linking phrase of the selection’s relations on the map where it has room', async () => {
    const { user, node, container } = await renderApp();
    expect(container.querySelector('.relation-label')).toBeNull();
    await user.click(node('pipes')!);
    expect(screen.getByText('carry', { selector: '.relation-label' })).toBeInTheDocument();
    // Too long for the gap between the two concepts: said in the details panel instead.
    expect(screen.queryByText('is the image for', { selector: '.relation-label' })).toBeNull();
    const details = screen.getByRole('complementary', { name: 'Concept details' });
    expect(within(details).getByText(/is the image for/)).toBeInTheDocument();
  });

  it('selects the focused node with Enter and clears with Escape', async () => {
    const { user, node } = await renderApp();
    await comeClose(user, node('rain')!);
    node('rain')!.focus();
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe('rain');
    await user.keyboard('{Escape}');
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  it('gives the keyboard back to the map when Escape clears the selection in the details', async () => {
    const { user, node } = await renderApp();
    await user.click(node('pipes')!);
    const details = screen.getByRole('complementary', { name: 'Concept details' });
    within(details).getByRole('button', { name: 'Clear selection' }).focus();
    await user.keyboard('{Escape}');
    expect(useAtlasStore.getState().selectedId).toBeNull();
    const map = screen.getByRole('region', { name: 'Concept map' });
    await waitFor(() => expect(map).toContainElement(document.activeElement as HTMLElement));
  });

  it('takes the keyboard on the map while zoomed out, and Enter brings the camera close', async () => {
    const { user, node } = await renderApp();
    const map = screen.getByRole('region', { name: 'Concept map' });
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    await waitFor(() => expect(map).toHaveClass('is-far'));
    // Zoomed out, the concept boxes are too small to be targets: none is in the Tab order.
    expect(node('water')).not.toHaveAttribute('tabindex');
    expect(map).toHaveAttribute('tabindex', '0');
    expect(map).toHaveAccessibleDescription(
      /Zoomed out\. Press Enter to start at the first concept/,
    );
    map.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(map).not.toHaveClass('is-far'));
    await waitFor(() => expect(document.activeElement).toBe(node('water')));
    expect(node('water')).toHaveAttribute('tabindex', '0');
  });

  it('moves focus to a connected concept with the arrow keys', async () => {
    const { user, node } = await renderApp();
    const { layout } = useAtlasStore.getState().atlas!;
    await comeClose(user, node('veins')!);
    node('veins')!.focus();
    // veins is related only to pipes: the arrow that points at pipes moves there.
    const from = layout.concepts.veins!;
    const to = layout.concepts.pipes!;
    const key =
      Math.abs(to.x - from.x) > Math.abs(to.y - from.y)
        ? to.x > from.x
          ? '{ArrowRight}'
          : '{ArrowLeft}'
        : to.y > from.y
          ? '{ArrowDown}'
          : '{ArrowUp}';
    await user.keyboard(key);
    expect(document.activeElement).toBe(node('pipes'));
  });

  it('reaches the concepts with Tab in the order of the argument', async () => {
    const { container } = await renderApp();
    const order = [...container.querySelectorAll('.react-flow__node-concept')].map((n) =>
      n.getAttribute('data-id'),
    );
    expect(order).toEqual(['water', 'pipes', 'veins', 'rain']);
    for (const id of order) {
      expect(container.querySelector(`[data-id="${id}"]`)).toHaveAttribute('tabindex', '0');
    }
  });

  it('draws links between sections only when asked, when they touch the selection, or carry the argument zoomed out', async () => {
    const { user, edge, node } = await renderApp();
    // Zoomed out with nothing selected: the relation between two top-tier concepts shows how
    // the argument hangs together, across sections.
    await waitFor(() =>
      expect(edge('r-pipes-water')?.querySelector('.relation-edge--backbone')).not.toBeNull(),
    );
    await comeClose(user, node('rain')!);
    expect(edge('r-veins-pipes')).not.toBeNull();
    expect(edge('r-pipes-water')).toBeNull();
    const toggle = screen.getByRole('checkbox', { name: 'Links between sections' });
    await user.click(toggle);
    expect(edge('r-pipes-water')).not.toBeNull();
    await user.click(toggle);
    expect(edge('r-pipes-water')).toBeNull();
    useAtlasStore.getState().select('water');
    expect(await screen.findByTestId('rf__edge-r-pipes-water')).toBeInTheDocument();
  });

  it('filters by kind and by section through the legend', async () => {
    const { user, node } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Legend and filters' }));
    const kinds = screen.getByRole('list', { name: 'Kinds of concept' });
    const metaphor = within(kinds).getByRole('button', { name: /Metaphor/ });
    expect(metaphor).toHaveAttribute('aria-pressed', 'true');
    await user.click(metaphor);
    expect(metaphor).toHaveAttribute('aria-pressed', 'false');
    expect(node('veins')).toBeNull();
    const sections = screen.getByRole('list', { name: 'Sections' });
    await user.click(within(sections).getByRole('button', { name: /Rain/ }));
    expect(node('rain')).toBeNull();
    expect(
      screen.getByRole('button', { name: /Legend and filters \(2 hidden\)/ }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show everything' }));
    expect(node('veins')).not.toBeNull();
    expect(node('rain')).not.toBeNull();
  });

  it('focuses on the selection’s surroundings, fading or hiding the rest', async () => {
    const { user, node } = await renderApp();
    await user.click(node('veins')!);
    await user.click(screen.getByRole('radio', { name: '1 step' }));
    expect(isFaded(node('water'))).toBe(true);
    await user.click(screen.getByRole('radio', { name: '2 steps' }));
    expect(node('water')).toHaveClass('is-neighbour');
    expect(isFaded(node('rain'))).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Hide' }));
    expect(node('rain')).toBeNull();
    expect(useAtlasStore.getState()).toMatchObject({ focusDepth: 2, focusMode: 'hide' });
  });

  it('lets the keyboard skip past the map to the details', async () => {
    const { user } = await renderApp();
    const skip = screen.getByRole('button', { name: 'Skip past the map' });
    const map = screen.getByRole('region', { name: 'Concept map' });
    expect(skip.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    skip.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('complementary', { name: 'Concept details' })).toHaveFocus();
  });

  it('lists the shortcuts in a dialog that ? opens', async () => {
    const { user } = await renderApp();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Select the focused concept')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(useAtlasStore.getState().shortcutsOpen).toBe(false);
  });

  it('announces the selection politely and shows notices in a status region', async () => {
    const { user } = await renderApp();
    useAtlasStore.getState().select('pipes');
    expect(await screen.findByText('Selected: pipes. 2 related concepts.')).toHaveAttribute(
      'aria-live',
      'polite',
    );
    useAtlasStore.getState().select('ghost');
    const status = screen.getByRole('status', { name: 'Notices' });
    expect(
      await within(status).findByText('Concept “ghost” not found. Showing the whole map instead.'),
    ).toBeInTheDocument();
    await user.click(within(status).getByRole('button', { name: 'Dismiss' }));
    expect(useAtlasStore.getState().notice).toBeNull();
  });

  it('turns large text on and off', async () => {
    const { user, container } = await renderApp();
    const button = screen.getByRole('button', { name: 'Large text' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(container.querySelector('.app')).toHaveClass('app--text-large');
    // Every rem size follows the root, and the map's pixel-sized labels follow --text-scale.
    const root = document.documentElement;
    expect([root.style.fontSize, root.style.getPropertyValue('--text-scale')]).toEqual([
      '125%',
      '1.25',
    ]);
    await user.click(screen.getByRole('button', { name: 'Projector theme' }));
    expect(root.style.fontSize).toBe('150%');
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Projector theme' }));
    expect([root.style.fontSize, root.style.getPropertyValue('--text-scale')]).toEqual(['', '1']);
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

describe('search on the map', () => {
  it('highlights matching concepts while the user types and opens the best one with Enter', async () => {
    const { user, node } = await renderApp();
    const box = screen.getByRole('combobox', { name: 'Search concepts' });
    // jsdom has no layout, so the panel separators' hit areas cover every point: focus directly.
    box.focus();
    await user.keyboard('veins');
    // The map lights up once the search is ready and the typing pauses.
    await waitFor(() => {
      expect(useAtlasStore.getState().searchQuery).toBe('veins');
      expect(node('veins')).toHaveClass('is-match');
      expect(isUnmatched(node('rain'))).toBe(true);
    });
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe('veins');
    expect(isUnmatched(node('rain'))).toBe(false);
  });
});
