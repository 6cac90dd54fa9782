import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SearchBox } from '../../../src/features/explorer/search-box';
import { listenToPageKeys } from '../../../src/shared/page-keys';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { makeCleanWater, makeConcept, makeGraph } from '../../fixtures/atlas-fixture';
import { fixtureAtlas } from '../../fixtures/load-fixture';

const graph = makeGraph({
  concepts: [
    makeCleanWater(),
    makeConcept({
      id: 'pipes',
      label: 'Water pipes',
      kind: 'pillar',
      section: 'pipes',
      aliases: ['plumbing'],
      summary: 'The network that carries water to every home.',
      passages: [{ exact: 'Water needs pipes.' }],
    }),
    makeConcept({
      id: 'veins',
      label: 'Veins of the city',
      kind: 'metaphor',
      section: 'pipes',
      aliases: ['lifeline'],
      summary: 'Pipes pictured as the veins of a body.',
      passages: [{ exact: 'the veins of a city' }],
    }),
    makeConcept({
      id: 'rain',
      kind: 'example',
      section: 'rain',
      summary: 'Where the water comes from.',
      passages: [{ exact: 'Rain fills the reservoir.' }],
    }),
  ],
});

/** The page's key listener, which the app starts, for a search box rendered on its own. */
function listenToKeys() {
  onTestFinished(listenToPageKeys());
}

/**
 * Renders the search box over the graph, by default once its search is ready (see searchReady):
 * `{ ready: false }` for a test of what comes before.
 */
async function renderSearchBox(extra?: React.ReactNode, { ready = true } = {}) {
  listenToKeys();
  useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
  const user = userEvent.setup();
  render(
    <>
      <SearchBox />
      {extra}
    </>,
  );
  const box = screen.getByRole('combobox', { name: 'Search concepts' });
  if (ready) await searchReady(box);
  return { user, box };
}

const options = () =>
  within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option');

/**
 * Waits until the search answers, and empties the box again. The index is built in a chunk of its
 * own, which a busy machine can take seconds to load; keys typed before then find nothing yet.
 */
async function searchReady(box: HTMLElement) {
  fireEvent.change(box, { target: { value: 'p' } });
  await waitFor(() => expect(options().length).toBeGreaterThan(0));
  fireEvent.change(box, { target: { value: '' } });
}

/** From now on, records each search text the store is given. */
function recordSharedQueries() {
  const changes: string[] = [];
  const stop = useAtlasStore.subscribe((state) => changes.push(state.searchQuery));
  return { changes, stop };
}
const activeOption = (box: HTMLElement) => {
  const id = box.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the search box', () => {
  it('is a collapsed combobox that controls the results list', async () => {
    const { box } = await renderSearchBox(undefined, { ready: false });
    expect(box).toHaveAttribute('type', 'search');
    expect(box).toHaveAttribute('aria-autocomplete', 'list');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('lists matches with their kind in words and why they matched, the best one active', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'pipe');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    expect(box).toHaveAttribute('aria-controls', listbox.id);
    const [first, second] = options();
    expect(options()).toHaveLength(2);
    expect(first).toHaveAccessibleName(/^Water pipes, Pillar: The network that carries water/);
    expect(second).toHaveAccessibleName(
      /^Veins of the city, Metaphor: Pipes pictured as the veins/,
    );
    expect(activeOption(box)).toBe(first);
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(second).toHaveAttribute('aria-selected', 'false');
  });

  it('says where a match came from: an alias or the Chinese name', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'plumb');
    expect(options()[0]).toHaveTextContent('Also called “plumbing”');
    await user.clear(box);
    await user.type(box, '清洁');
    expect(options()[0]).toHaveAccessibleName(/^Clean water, Thesis: Chinese: 清洁用水/);
  });

  it('shares the matches with the map while typing, and clears them with the text', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'wat');
    // The list answers at once; the map gets the text and its matches once that is painted.
    expect(options()[0]).toHaveAccessibleName(/^Clean water,/);
    await waitFor(() => expect(useAtlasStore.getState().searchMatches[0]).toBe('water'));
    expect(useAtlasStore.getState().searchQuery).toBe('wat');
    expect(useAtlasStore.getState().searchMatches).toEqual(
      expect.arrayContaining(['water', 'pipes', 'rain']),
    );
    await user.type(box, 'er pipes');
    await waitFor(() => expect(useAtlasStore.getState().searchMatches).toEqual(['pipes']));
    await user.clear(box);
    expect(useAtlasStore.getState().searchQuery).toBe('');
    expect(useAtlasStore.getState().searchMatches).toEqual([]);
  });

  it('answers a key in the box alone, leaving the shared state for after the frame', async () => {
    const { box } = await renderSearchBox();
    const { changes, stop } = recordSharedQueries();
    fireEvent.change(box, { target: { value: 'pipe' } });
    // The list shows the key's results while the store, and so the map, has not changed yet.
    expect(options()[0]).toHaveAccessibleName(/^Water pipes,/);
    expect(changes).toEqual([]);
    await waitFor(() => expect(changes).toEqual(['pipe']));
    expect(useAtlasStore.getState().searchMatches[0]).toBe('pipes');
    stop();
  });

  it('lights up the matches on the map once the typing pauses, not after every key', async () => {
    const { box } = await renderSearchBox();
    const { changes, stop } = recordSharedQueries();
    // The clock moves only when the test says so, however busy the machine is.
    vi.useFakeTimers();
    // Keys a fast typist's 60 ms apart: each answered in the list, the map left alone meanwhile.
    for (const text of ['pi', 'pip', 'pipe']) {
      fireEvent.change(box, { target: { value: text } });
      expect(options()[0]).toHaveAccessibleName(/^Water pipes,/);
      act(() => vi.advanceTimersByTime(60));
    }
    expect(changes).toEqual([]);
    // The map's pause (150 ms) counts from the last key, not the first.
    act(() => vi.advanceTimersByTime(80));
    expect(changes).toEqual([]);
    act(() => vi.advanceTimersByTime(1000));
    expect(changes).toEqual(['pipe']);
    expect(useAtlasStore.getState().searchMatches[0]).toBe('pipes');
    stop();
  });

  it('lights up on the map what was typed while the search was being prepared', async () => {
    const { box } = await renderSearchBox(undefined, { ready: false });
    fireEvent.change(box, { target: { value: 'pipe' } });
    expect(screen.getByRole('status')).toHaveTextContent('Preparing the search…');
    await waitFor(() => expect(useAtlasStore.getState().searchMatches[0]).toBe('pipes'));
    expect(useAtlasStore.getState().searchQuery).toBe('pipe');
    expect(options()[0]).toHaveAccessibleName(/^Water pipes,/);
  });

  it('rehearses the results list once, unseen, when the search is ready', async () => {
    const { box } = await renderSearchBox(undefined, { ready: false });
    const list = () => document.querySelector('.search-box__list');
    await waitFor(() => expect(list()?.querySelectorAll('li').length).toBeGreaterThan(0));
    // Laid out but hidden from sight and from assistive technology; the box stays collapsed.
    expect(list()).toHaveClass('search-box__list--rehearsal');
    expect(list()).toHaveAttribute('aria-hidden', 'true');
    expect(list()).not.toHaveAttribute('hidden');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('listbox')).toBeNull();
    // Gone once that frame is painted, and not again.
    await waitFor(() => expect(list()).toHaveAttribute('hidden'));
    expect(list()).not.toHaveClass('search-box__list--rehearsal');
    expect(list()?.querySelectorAll('li')).toHaveLength(0);
  });

  it('moves the active option with the arrow keys, wrapping at both ends', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'pipe');
    const [first, second] = options();
    await user.keyboard('{ArrowDown}');
    expect(activeOption(box)).toBe(second);
    expect(second).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(activeOption(box)).toBe(first);
    await user.keyboard('{ArrowUp}');
    expect(activeOption(box)).toBe(second);
    expect(box).toHaveFocus();
  });

  it('scrolls the active option into view when the arrow keys move it, not while typing', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { user, box } = await renderSearchBox();
    await user.type(box, 'pipe');
    expect(scroll).not.toHaveBeenCalled();
    await user.keyboard('{ArrowDown}');
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.contexts[0]).toBe(options()[1]);
    await user.type(box, 's');
    expect(scroll).toHaveBeenCalledTimes(1);
  });

  it('opens the active result with Enter, then clears and closes', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'pipe');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe('veins');
    expect(box).toHaveValue('');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(useAtlasStore.getState().searchMatches).toEqual([]);
  });

  it('opens the best result with Enter right after typing', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'lifelin{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe('veins');
  });

  it('leaves Enter to the input method while a Chinese word is being composed', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'pipe');
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    expect(useAtlasStore.getState().selectedId).toBeNull();
    expect(box).toHaveAttribute('aria-expanded', 'true');
  });

  it('opens a result that is clicked', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'pipe');
    await user.click(screen.getByRole('option', { name: /^Veins of the city/ }));
    expect(useAtlasStore.getState().selectedId).toBe('veins');
    expect(box).toHaveValue('');
  });

  it('closes the list with Escape and clears the text with a second Escape', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'pipe');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box).toHaveValue('pipe');
    await waitFor(() => expect(useAtlasStore.getState().searchMatches).toEqual(['pipes', 'veins']));
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBeNull();
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(useAtlasStore.getState().searchMatches).toEqual([]);
  });

  it('tells the user, politely, when nothing matches and how many concepts do', async () => {
    const { user, box } = await renderSearchBox();
    const status = screen.getByRole('status');
    await user.type(box, 'pipe');
    expect(status).toHaveTextContent('2 concepts match');
    await user.clear(box);
    await user.type(box, 'xyz');
    expect(status).toHaveTextContent('No concept matches “xyz”');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  it('is focused from anywhere with "/" without typing the slash', async () => {
    const { user, box } = await renderSearchBox();
    expect(box).not.toHaveFocus();
    await user.keyboard('/');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');
  });

  it('is focused with Ctrl+K and Cmd+K', async () => {
    const { user, box } = await renderSearchBox(<button type="button">Elsewhere</button>);
    await user.keyboard('{Control>}k{/Control}');
    expect(box).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(box).not.toHaveFocus();
    await user.keyboard('{Meta>}k{/Meta}');
    expect(box).toHaveFocus();
  });

  it('leaves "/" alone while the user types in another field', async () => {
    const { user, box } = await renderSearchBox(<textarea aria-label="Notes" />);
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await user.type(notes, 'either/or');
    expect(notes).toHaveFocus();
    expect(notes).toHaveValue('either/or');
    expect(box).not.toHaveFocus();
  });

  it('selects the query with Ctrl+K inside the box, and types "/" there as text', async () => {
    const { user, box } = await renderSearchBox();
    await user.type(box, 'a/b');
    expect(box).toHaveValue('a/b');
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('rain');
    expect(box).toHaveValue('rain');
  });

  it('does not take the shortcut while there is nothing to search', () => {
    listenToKeys();
    render(<SearchBox />);
    expect(screen.queryByRole('combobox')).toBeNull();
    const slash = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
    document.body.dispatchEvent(slash);
    expect(slash.defaultPrevented).toBe(false);
  });

  it('gives up its keys when it goes away', async () => {
    const { box } = await renderSearchBox();
    expect(box).toBeInTheDocument();
    cleanup();
    const slash = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
    document.body.dispatchEvent(slash);
    expect(slash.defaultPrevented).toBe(false);
  });
});
