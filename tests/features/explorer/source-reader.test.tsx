import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceReader } from '../../../src/features/explorer/source-reader';
import type { Atlas } from '../../../src/model/atlas';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { largeAtlas } from '../../fixtures/large-atlas';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { readerGraph, readerMarkdown } from '../../fixtures/reader-fixture';

const scrollIntoView = vi.fn<(options?: ScrollIntoViewOptions | boolean) => void>();

const jsdomScrollIntoView = Element.prototype.scrollIntoView;
const jsdomMatchMedia = window.matchMedia;
const jsdomResizeObserver = globalThis.ResizeObserver;

beforeEach(() => {
  scrollIntoView.mockReset();
  Element.prototype.scrollIntoView = scrollIntoView;
});

afterEach(() => {
  Element.prototype.scrollIntoView = jsdomScrollIntoView;
  window.matchMedia = jsdomMatchMedia;
  globalThis.ResizeObserver = jsdomResizeObserver;
  vi.useRealTimers();
});

async function renderReader(atlas?: Promise<Atlas>) {
  useAtlasStore.getState().setAtlas(await (atlas ?? fixtureAtlas()));
  const user = userEvent.setup();
  const view = render(<SourceReader />);
  const article = screen.getByRole('article', { name: 'Source article' });
  return { user, article, ...view };
}

const renderRich = () => renderReader(fixtureAtlas(readerGraph(), readerMarkdown));

const marksOf = (article: HTMLElement, conceptId: string) =>
  [...article.querySelectorAll<HTMLElement>('mark[data-concepts]')].filter((m) =>
    m.dataset.concepts?.split(' ').includes(conceptId),
  );

/** The element scrollIntoView was last called on. */
const lastScrolled = () => scrollIntoView.mock.contexts.at(-1);

describe('the source reader', () => {
  it('shows the article with its headings and paragraphs', async () => {
    const { article } = await renderRich();
    expect(within(article).getByRole('heading', { level: 2 })).toHaveTextContent(
      'A small argument',
    );
    expect(
      within(article)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['1. Pipes', '2. Rain']);
    expect(within(article).getByRole('heading', { level: 4 })).toHaveTextContent(
      'Beneath the streets',
    );
    const paragraphs = [...article.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual([
      'Cities need water. Water needs pipes.',
      'Pipes are the veins of a city. Old pipes leak.',
      'Not on the mapNobody mentions the sewers.',
      'Rain fills the reservoir. Old pipes leak.',
    ]);
  });

  it('marks every quoted passage with the concepts that quote it', async () => {
    const { article } = await renderRich();
    const marks = [...article.querySelectorAll('mark')];
    expect(marks.map((m) => [m.textContent, m.dataset.concepts])).toEqual([
      ['Cities need water.', 'water'],
      ['Water needs pipes.', 'pipes'],
      ['the veins of a city', 'veins'],
      ['Old pipes leak.', 'leaks'],
      ['Rain fills the reservoir.', 'rain reservoir'],
      ['Old pipes leak.', 'leaks'],
    ]);
    for (const mark of marks) {
      expect(mark).toHaveAttribute('role', 'button');
      expect(mark).toHaveAttribute('tabindex', '0');
    }
  });

  it('shows a curator’s correction after every place its words occur, as a note', async () => {
    const graph = readerGraph();
    graph.corrections = [{ exact: 'Old pipes', correction: 'aged mains', note: 'They are mains.' }];
    const { article } = await renderReader(fixtureAtlas(graph, readerMarkdown));
    const notes = within(article).getAllByRole('note');
    expect(notes.map((n) => n.textContent)).toEqual([
      '[curator’s note: aged mains. They are mains.]',
      '[curator’s note: aged mains. They are mains.]',
    ]);
    expect(notes[0]).toHaveAttribute('title', 'They are mains.');
    // Right after the words, between the two parts of the passage, which is still one stop.
    const marks = marksOf(article, 'leaks');
    expect(marks.map((m) => [m.textContent, m.getAttribute('tabindex')])).toEqual([
      ['Old pipes', '0'],
      [' leak.', '-1'],
      ['Old pipes', '0'],
      [' leak.', '-1'],
    ]);
    expect(marks[0]?.nextElementSibling).toBe(notes[0]);
    expect(screen.getByText(/a curator’s note in brackets corrects it/)).toBeInTheDocument();
  });

  it('names each passage by its words and describes what it is about', async () => {
    await renderRich();
    expect(screen.getByRole('button', { name: 'the veins of a city' })).toHaveAccessibleDescription(
      'Passage about veins',
    );
    expect(
      screen.getByRole('button', { name: 'Rain fills the reservoir.' }),
    ).toHaveAccessibleDescription('Passage about 2 concepts: Rain and The reservoir');
  });

  it('selects the concept of a passage that is clicked, without scrolling away from it', async () => {
    const { user } = await renderRich();
    await user.click(screen.getByRole('button', { name: 'the veins of a city' }));
    expect(useAtlasStore.getState().selectedId).toBe('veins');
    await user.click(screen.getAllByRole('button', { name: 'Old pipes leak.' })[1] as HTMLElement);
    expect(useAtlasStore.getState().selectedId).toBe('leaks');
    expect(scrollIntoView).not.toHaveBeenCalled();
  });

  it('selects with Enter or Space on a focused passage', async () => {
    const { user } = await renderReader();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cities need water.' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe('water');
    await user.tab();
    await user.keyboard(' ');
    expect(useAtlasStore.getState().selectedId).toBe('pipes');
  });

  it('asks which concept is meant when a passage is shared, and selects the one chosen', async () => {
    const { user } = await renderRich();
    const shared = screen.getByRole('button', { name: 'Rain fills the reservoir.' });
    expect(shared).toHaveAttribute('aria-expanded', 'false');
    await user.click(shared);
    expect(useAtlasStore.getState().selectedId).toBeNull();
    const chooser = screen.getByRole('dialog', { name: 'This passage is about' });
    expect(shared).toHaveAttribute('aria-expanded', 'true');
    const options = within(chooser).getAllByRole('button');
    expect(options.map((o) => o.textContent)).toEqual(['RainExample', 'The reservoirIdea']);
    expect(options[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().selectedId).toBe('reservoir');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(shared).toHaveFocus();
  });

  it('closes the chooser on Escape, returning focus to the passage', async () => {
    const { user } = await renderRich();
    const shared = screen.getByRole('button', { name: 'Rain fills the reservoir.' });
    shared.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(shared).toHaveFocus();
    expect(shared).toHaveAttribute('aria-expanded', 'false');
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  it('closes the chooser on a click outside it', async () => {
    const { user } = await renderRich();
    await user.click(screen.getByRole('button', { name: 'Rain fills the reservoir.' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.click(screen.getByRole('heading', { level: 2 }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  it('emphasises every passage of the selected concept and scrolls to the first', async () => {
    const { article } = await renderRich();
    act(() => useAtlasStore.getState().select('leaks'));
    const leaks = marksOf(article, 'leaks');
    expect(leaks).toHaveLength(2);
    for (const mark of leaks) {
      expect(mark).toHaveClass('is-active');
      expect(mark).toHaveAttribute('aria-current', 'true');
    }
    expect(article.querySelectorAll('mark.is-active')).toHaveLength(2);
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(lastScrolled()).toBe(leaks[0]);
    expect(scrollIntoView).toHaveBeenLastCalledWith(
      expect.objectContaining({ block: 'center', behavior: 'smooth' }),
    );

    act(() => useAtlasStore.getState().select('rain'));
    expect(marksOf(article, 'leaks')[0]).not.toHaveClass('is-active');
    expect(marksOf(article, 'rain')[0]).toHaveClass('is-active');
    expect(lastScrolled()).toBe(marksOf(article, 'rain')[0]);
  });

  it('scrolls without animation when the user asks for reduced motion', async () => {
    window.matchMedia = vi.fn((query: string) => ({
      matches: query.includes('reduce'),
    })) as unknown as typeof window.matchMedia;
    await renderReader();
    act(() => useAtlasStore.getState().select('rain'));
    expect(scrollIntoView).toHaveBeenLastCalledWith(expect.objectContaining({ behavior: 'auto' }));
  });

  it('brings a requested passage into view, focuses it and highlights it briefly', async () => {
    const { article } = await renderRich();
    vi.useFakeTimers();
    act(() => useAtlasStore.getState().showPassage('leaks', 1));
    const second = marksOf(article, 'leaks')[1];
    expect(second).toHaveFocus();
    expect(second).toHaveClass('is-flash');
    expect(lastScrolled()).toBe(second);
    act(() => vi.advanceTimersByTime(2000));
    expect(second).not.toHaveClass('is-flash');
    expect(second).toHaveFocus();
  });

  it('waits until a hidden reader is shown before it brings a passage into view', async () => {
    const observers: ResizeObserverCallback[] = [];
    globalThis.ResizeObserver = class {
      constructor(callback: ResizeObserverCallback) {
        observers.push(callback);
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    useAtlasStore.getState().setAtlas(await fixtureAtlas(readerGraph(), readerMarkdown));
    const { container } = render(
      <div hidden>
        <SourceReader />
      </div>,
    );
    act(() => useAtlasStore.getState().showPassage('leaks', 1));
    const second = marksOf(container as HTMLElement, 'leaks')[1];
    expect(second).not.toHaveFocus();
    expect(scrollIntoView).not.toHaveBeenCalled();
    container.querySelector('[hidden]')?.removeAttribute('hidden');
    act(() => observers.forEach((notify) => notify([], {} as ResizeObserver)));
    expect(second).toHaveFocus();
    expect(lastScrolled()).toBe(second);
  });

  it('marks the paragraphs the map does not quote and counts the ones it does', async () => {
    const { article } = await renderRich();
    expect(screen.getByText('The map quotes 3 of 4 paragraphs (75%)')).toBeInTheDocument();
    const unquoted = [...article.querySelectorAll('p')].filter((p) =>
      within(p).queryByText('Not on the map'),
    );
    expect(unquoted.map((p) => p.textContent)).toEqual([
      'Not on the mapNobody mentions the sewers.',
    ]);
    expect(unquoted[0]).toHaveClass('reader-paragraph--unquoted');
    expect(article.querySelectorAll('.reader-paragraph--unquoted')).toHaveLength(1);
  });

  it('counts every paragraph as quoted when the map quotes them all', async () => {
    const { article } = await renderReader();
    expect(screen.getByText('The map quotes 3 of 3 paragraphs (100%)')).toBeInTheDocument();
    expect(within(article).queryByText('Not on the map')).not.toBeInTheDocument();
  });
});

describe('the reader of a long article', () => {
  it('builds the article up over a few frames, and renders a selected passage at once', async () => {
    const atlas = await largeAtlas();
    useAtlasStore.getState().setAtlas(atlas);
    const { container } = render(<SourceReader />);
    const blocks = () => container.querySelectorAll('.reader-article > *').length;
    const total = atlas.article.blocks.length;
    expect(total).toBeGreaterThan(100);
    expect(blocks()).toBeLessThan(total / 2);

    // The last concept's passage is near the end of the article.
    const last = atlas.graph.concepts.at(-1)!;
    const start = atlas.anchors.get(last.id)![0]!.start;
    act(() => useAtlasStore.getState().select(last.id));
    expect(container.querySelector(`mark[data-start="${start}"]`)).not.toBeNull();

    // The rest follows, and stays when the selection moves on.
    act(() => useAtlasStore.getState().select(null));
    expect(container.querySelector(`mark[data-start="${start}"]`)).not.toBeNull();
    await waitFor(() => expect(blocks()).toBe(total));
  });
});
