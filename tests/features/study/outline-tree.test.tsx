import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OutlineTree } from '../../../src/features/study/outline-tree';
import type { Concept } from '../../../src/model/schema';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { makeConcept, makeGraph, makeRelation } from '../../fixtures/atlas-fixture';
import { fixtureAtlas } from '../../fixtures/load-fixture';

const inPipes = (overrides: Partial<Concept> & Pick<Concept, 'id'>) =>
  makeConcept({ section: 'pipes', passages: [{ exact: 'Water needs pipes.' }], ...overrides });

// Introduction > Clean water > Water plan; Section 1 > Pipes > (Veins > Artery, Leaks > Crack);
// Section 2 > Cloud and rain.
const graph = makeGraph({
  concepts: [
    makeConcept({ id: 'water', label: 'Clean water', kind: 'thesis' }),
    makeConcept({ id: 'plan', label: 'Water plan', kind: 'policy' }),
    inPipes({ id: 'pipes', label: 'Pipes', kind: 'pillar' }),
    inPipes({ id: 'veins', label: 'Veins of the city', kind: 'metaphor' }),
    inPipes({ id: 'artery', label: 'Artery', kind: 'metaphor' }),
    inPipes({ id: 'leak', label: 'Leaks', kind: 'idea' }),
    inPipes({ id: 'crack', label: 'Crack', kind: 'example' }),
    makeConcept({
      id: 'rain',
      label: 'Cloud and rain',
      kind: 'example',
      section: 'rain',
      passages: [{ exact: 'Rain fills the reservoir.' }],
    }),
  ],
  relations: [
    makeRelation({ source: 'plan', target: 'water', kind: 'supports' }),
    makeRelation({ source: 'pipes', target: 'water', kind: 'enables' }),
    makeRelation({ source: 'veins', target: 'pipes', kind: 'likened-to' }),
    makeRelation({ source: 'artery', target: 'veins', kind: 'likened-to' }),
    makeRelation({ source: 'leak', target: 'pipes', kind: 'part-of' }),
    makeRelation({ source: 'crack', target: 'leak', kind: 'example-of' }),
    makeRelation({ source: 'rain', target: 'water', kind: 'supports' }),
  ],
});

async function renderTree(props: Parameters<typeof OutlineTree>[0] = {}) {
  useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
  const user = userEvent.setup();
  const view = render(
    <>
      <button type="button">Before</button>
      <OutlineTree {...props} />
    </>,
  );
  const tree = screen.getByRole('tree', { name: 'Outline of the argument' });
  const item = (name: string) => within(tree).getByRole('treeitem', { name });
  const queryItem = (name: string) => within(tree).queryByRole('treeitem', { name });
  return { user, tree, item, queryItem, ...view };
}

/** Focuses the tree's tab stop the way a keyboard user does. */
async function tabIntoTree(user: ReturnType<typeof userEvent.setup>) {
  screen.getByRole('button', { name: 'Before' }).focus();
  await user.tab();
}

describe('OutlineTree', () => {
  it('shows the sections and their main concepts as a tree, named and levelled', async () => {
    const { tree, item, queryItem } = await renderTree();
    expect(screen.getByRole('heading', { name: 'Outline of the argument' })).toBeInTheDocument();
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(6);

    const intro = item('Introduction');
    expect(intro).toHaveAttribute('aria-level', '1');
    expect(intro).toHaveAttribute('aria-posinset', '1');
    expect(intro).toHaveAttribute('aria-setsize', '3');
    expect(intro).toHaveAttribute('aria-expanded', 'true');
    expect(item('Section 1: Pipes')).toHaveAttribute('aria-posinset', '2');
    expect(item('Section 2: Rain')).toHaveAttribute('aria-posinset', '3');

    // Concepts are named by label and kind, the kind also written out on screen.
    const water = item('Clean water (Thesis)');
    expect(within(water).getByText('Thesis')).toBeVisible();
    expect(water).toHaveAttribute('aria-level', '2');
    expect(water).toHaveAttribute('aria-setsize', '1');
    expect(water).toHaveAttribute('aria-expanded', 'false');
    expect(within(intro).getByRole('group')).toContainElement(water);
    // A concept without children has no aria-expanded; nothing is selected yet.
    expect(item('Cloud and rain (Example)')).not.toHaveAttribute('aria-expanded');
    expect(within(tree).queryAllByRole('treeitem', { selected: true })).toHaveLength(0);
    // Closed concepts do not show their children.
    expect(queryItem('Water plan (Policy)')).toBeNull();
  });

  it('has one tab stop, the first item, which follows the keyboard', async () => {
    const { user, tree, item } = await renderTree();
    const tabStops = () =>
      within(tree)
        .getAllByRole('treeitem')
        .filter((i) => i.tabIndex === 0);
    expect(tabStops()).toEqual([item('Introduction')]);
    await tabIntoTree(user);
    expect(item('Introduction')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(tabStops()).toEqual([item('Section 1: Pipes')]);
    await user.tab({ shift: true });
    await user.tab();
    expect(item('Section 1: Pipes')).toHaveFocus();
  });

  it('moves through the visible items with Down, Up, Home and End', async () => {
    const { user, item } = await renderTree();
    await tabIntoTree(user);
    await user.keyboard('{ArrowDown}');
    expect(item('Clean water (Thesis)')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Section 1: Pipes')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(item('Clean water (Thesis)')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('Cloud and rain (Example)')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Cloud and rain (Example)')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('Introduction')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(item('Introduction')).toHaveFocus();
  });

  it('opens with Right, enters with Right, goes up with Left and closes with Left', async () => {
    const { user, item, queryItem } = await renderTree();
    await tabIntoTree(user);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    const pipes = item('Pipes (Pillar)');
    expect(pipes).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(pipes).toHaveAttribute('aria-expanded', 'true');
    expect(pipes).toHaveFocus();
    expect(item('Veins of the city (Metaphor)')).toHaveAttribute('aria-level', '3');

    await user.keyboard('{ArrowRight}');
    expect(item('Veins of the city (Metaphor)')).toHaveFocus();
    // Down goes to the next visible item, the sibling, not into the closed Veins.
    await user.keyboard('{ArrowDown}');
    expect(item('Leaks (Idea)')).toHaveFocus();

    await user.keyboard('{ArrowLeft}');
    expect(pipes).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(pipes).toHaveAttribute('aria-expanded', 'false');
    expect(queryItem('Leaks (Idea)')).toBeNull();
    expect(pipes).toHaveFocus();

    await user.keyboard('{ArrowLeft}');
    const section = item('Section 1: Pipes');
    expect(section).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(section).toHaveAttribute('aria-expanded', 'false');
    expect(queryItem('Pipes (Pillar)')).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(section).toHaveAttribute('aria-expanded', 'true');
  });

  it('selects the focused concept with Enter or Space, and opens a section with Enter', async () => {
    const { user, item } = await renderTree();
    await tabIntoTree(user);
    await user.keyboard('{Enter}');
    expect(item('Introduction')).toHaveAttribute('aria-expanded', 'false');
    expect(useAtlasStore.getState().selectedId).toBeNull();
    await user.keyboard('{Enter}{ArrowDown}{ArrowDown}{ArrowDown}');
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe('pipes');
    expect(item('Pipes (Pillar)')).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{End} ');
    expect(useAtlasStore.getState().selectedId).toBe('rain');
    expect(item('Cloud and rain (Example)')).toHaveAttribute('aria-selected', 'true');
    expect(item('Pipes (Pillar)')).not.toHaveAttribute('aria-selected');
  });

  it('opens every sibling with *', async () => {
    const { user, item } = await renderTree();
    await tabIntoTree(user);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowRight}{ArrowRight}');
    expect(item('Veins of the city (Metaphor)')).toHaveFocus();
    await user.keyboard('*');
    expect(item('Veins of the city (Metaphor)')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Leaks (Idea)')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Artery (Metaphor)')).toBeInTheDocument();
    expect(item('Crack (Example)')).toBeInTheDocument();
    expect(item('Veins of the city (Metaphor)')).toHaveFocus();
  });

  it('moves to the next item starting with what is typed', async () => {
    // Letters add up while they come within the pause, which a busy machine could outlast: here
    // the clock stands still, so every letter is within it.
    vi.spyOn(Date, 'now').mockReturnValue(10_000);
    const { user, item } = await renderTree();
    await tabIntoTree(user);
    await user.keyboard('p');
    // “Pipes”, not “Section 1: Pipes”: the label must start with it.
    expect(item('Pipes (Pillar)')).toHaveFocus();
    await user.keyboard('{Home}');
    // Letters typed in a row add up: “cl” stays on “Clean water”, “clo” goes on to “Cloud”.
    await user.keyboard('cl');
    expect(item('Clean water (Thesis)')).toHaveFocus();
    await user.keyboard('o');
    expect(item('Cloud and rain (Example)')).toHaveFocus();
    // Repeating one letter steps through the items that start with it, wrapping around.
    await user.keyboard('{Home}');
    await user.keyboard('s');
    expect(item('Section 1: Pipes')).toHaveFocus();
    await user.keyboard('s');
    expect(item('Section 2: Rain')).toHaveFocus();
    await user.keyboard('s');
    expect(item('Section 1: Pipes')).toHaveFocus();
  });

  it('starts a new search after a pause in typing', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(10_000);
    const { user, item } = await renderTree();
    await tabIntoTree(user);
    await user.keyboard('c');
    expect(item('Clean water (Thesis)')).toHaveFocus();
    now.mockReturnValue(10_600);
    await user.keyboard('p');
    expect(item('Pipes (Pillar)')).toHaveFocus();
    now.mockReturnValue(10_700);
    // Within the pause the letters add up: “pz” matches nothing, so focus stays.
    await user.keyboard('z');
    expect(item('Pipes (Pillar)')).toHaveFocus();
  });

  it('selects a concept on click and opens or closes a section on click', async () => {
    const { user, item, queryItem } = await renderTree();
    await user.click(within(item('Pipes (Pillar)')).getByText('Pipes'));
    expect(useAtlasStore.getState().selectedId).toBe('pipes');
    expect(item('Pipes (Pillar)')).toHaveAttribute('tabindex', '0');
    await user.click(within(item('Section 1: Pipes')).getByText('Section 1: Pipes'));
    expect(item('Section 1: Pipes')).toHaveAttribute('aria-expanded', 'false');
    expect(queryItem('Pipes (Pillar)')).toBeNull();
    await user.click(within(item('Section 1: Pipes')).getByText('Section 1: Pipes'));
    expect(item('Section 1: Pipes')).toHaveAttribute('aria-expanded', 'true');
    expect(useAtlasStore.getState().selectedId).toBe('pipes');
  });

  it('follows a selection made elsewhere without taking focus from the map', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { tree, item } = await renderTree();
    const before = screen.getByRole('button', { name: 'Before' });
    before.focus();
    act(() => useAtlasStore.getState().select('crack'));

    const crack = item('Crack (Example)');
    expect(crack).toHaveAttribute('aria-selected', 'true');
    expect(item('Pipes (Pillar)')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Leaks (Idea)')).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(tree)
        .getAllByRole('treeitem')
        .filter((i) => i.tabIndex === 0),
    ).toEqual([crack]);
    expect(scroll).toHaveBeenCalledWith({ block: 'nearest' });
    expect(crack.contains(scroll.mock.contexts.at(-1) as Node)).toBe(true);
    expect(before).toHaveFocus();
  });

  it('moves focus to a selection made elsewhere when focus is already in the tree', async () => {
    const { user, item } = await renderTree();
    await tabIntoTree(user);
    act(() => useAtlasStore.getState().select('artery'));
    expect(item('Veins of the city (Metaphor)')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Artery (Metaphor)')).toHaveFocus();
  });

  it('shows the given badges after a concept’s label and in its name', async () => {
    const { item } = await renderTree({
      renderBadges: (id) => (id === 'pipes' ? <span>visited</span> : null),
    });
    const pipes = item('Pipes (Pillar) visited');
    expect(within(pipes).getByText('visited')).toBeInTheDocument();
    expect(item('Clean water (Thesis)')).toBeInTheDocument();
  });
});
