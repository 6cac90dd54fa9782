import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConceptDetails } from '../../../src/features/explorer/concept-details';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { makeAnnotatedVeins, makeGraph } from '../../fixtures/atlas-fixture';
import { fixtureAtlas } from '../../fixtures/load-fixture';

async function renderDetails(selected: string | null) {
  const graph = makeGraph();
  graph.concepts[2] = makeAnnotatedVeins();
  useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
  useAtlasStore.getState().select(selected);
  const user = userEvent.setup();
  render(<ConceptDetails />);
  return { user, panel: screen.getByRole('complementary', { name: 'Concept details' }) };
}

describe('concept details', () => {
  it('invites the user to select something when nothing is selected', async () => {
    const { panel } = await renderDetails(null);
    expect(within(panel).getByRole('heading', { name: 'No concept selected' })).toBeInTheDocument();
  });

  it('shows the label, kind, section, summary, Chinese term, note and aliases', async () => {
    const { panel } = await renderDetails('veins');
    expect(within(panel).getByRole('heading', { level: 2, name: 'Veins' })).toBeInTheDocument();
    expect(within(panel).getByText('Metaphor')).toBeInTheDocument();
    expect(within(panel).getByText('Section 1: Pipes')).toBeInTheDocument();
    expect(
      within(panel).getByText('Pipes carry water the way veins carry blood.'),
    ).toBeInTheDocument();
    expect(within(panel).getByText('经络')).toHaveAttribute('lang', 'zh-Hans');
    expect(
      within(panel).getByText('A figure of speech, not a claim about biology.'),
    ).toBeInTheDocument();
    expect(within(panel).getByText('Also called: arteries')).toBeInTheDocument();
  });

  it('quotes every passage with a way to show it in the article', async () => {
    const { user, panel } = await renderDetails('veins');
    const quotes = panel.querySelectorAll('blockquote');
    expect([...quotes].map((q) => q.textContent)).toEqual([
      'the veins of a city',
      'Old pipes leak.',
    ]);
    const buttons = within(panel).getAllByRole('button', { name: /Show in article/ });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]!);
    expect(useAtlasStore.getState().passageRequest).toMatchObject({ conceptId: 'veins', index: 1 });
  });

  it('shows a curator’s correction inside a quote, after the words it corrects', async () => {
    const graph = makeGraph({
      corrections: [{ exact: 'Old pipes', correction: 'aged mains', note: 'They are mains.' }],
    });
    graph.concepts[2] = makeAnnotatedVeins();
    useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
    useAtlasStore.getState().select('veins');
    render(<ConceptDetails />);
    const quotes = screen.getByRole('complementary').querySelectorAll('blockquote');
    expect(quotes[0]?.textContent).toBe('the veins of a city');
    expect(within(quotes[1] as HTMLElement).getByRole('note')).toHaveTextContent(
      '[curator’s note: aged mains. They are mains.]',
    );
    expect(quotes[1]?.textContent).toBe(
      'Old pipes[curator’s note: aged mains. They are mains.] leak.',
    );
  });

  it('says whose words each quote gives: the author’s, or a quoted source’s', async () => {
    const graph = makeGraph();
    graph.concepts[1] = { ...graph.concepts[1]!, kind: 'source', label: 'The plan' };
    graph.concepts[2] = makeAnnotatedVeins();
    graph.concepts[2].passages[1] = { ...graph.concepts[2].passages[1]!, speaker: 'pipes' };
    useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
    useAtlasStore.getState().select('veins');
    render(<ConceptDetails />);
    const panel = screen.getByRole('complementary', { name: 'Concept details' });
    expect(
      within(panel).getByRole('heading', { name: 'In the article’s words (2)' }),
    ).toBeVisible();
    const items = [...panel.querySelectorAll('.details__passages > li')];
    expect(items[0]).toHaveTextContent('The author’s own words');
    expect(items[1]).toHaveTextContent('Words of The plan, as the author reports them');
    expect(within(items[1] as HTMLElement).getByRole('link', { name: 'The plan' })).toHaveAttribute(
      'href',
      '#/concept/pipes',
    );
  });

  it('names the article’s author and institution, and whom it quotes, when nothing is selected', async () => {
    const graph = makeGraph();
    graph.meta.byline = { role: 'Professor of hydrology', institution: 'Rain University' };
    graph.concepts[1] = { ...graph.concepts[1]!, kind: 'source', label: 'The water plan' };
    useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
    render(<ConceptDetails />);
    const panel = screen.getByRole('complementary', { name: 'Concept details' });
    const about = within(panel).getByRole('region', { name: 'Who wrote the article' });
    expect(about).toHaveTextContent(
      'Written by an author the article does not name: Professor of hydrology, Rain University.',
    );
    expect(about).toHaveTextContent(
      'The author also quotes these sources: The water plan. Each quoted passage says whose words it gives.',
    );
    expect(within(about).getByRole('link', { name: 'The water plan' })).toHaveAttribute(
      'href',
      '#/concept/pipes',
    );
  });

  it('writes relations as propositions whose other end is a link to that concept', async () => {
    const { panel } = await renderDetails('pipes');
    const items = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.className === 'details-relation');
    expect(items.map((li) => li.textContent)).toEqual([
      'pipes → carry → water',
      'Veins → is the image for → pipes',
    ]);
    expect(within(items[1]!).getByRole('link', { name: 'Veins' })).toHaveAttribute(
      'href',
      '#/concept/veins',
    );
  });

  it('keeps the focus and filters in the links it offers', async () => {
    useAtlasStore.setState({ focusDepth: 2, hiddenKinds: ['example'] });
    const { panel } = await renderDetails('pipes');
    expect(within(panel).getByRole('link', { name: 'water' })).toHaveAttribute(
      'href',
      '#/concept/water?depth=2&hide-kinds=example',
    );
  });

  it('updates its links when the focus changes while the panel is open', async () => {
    const { panel } = await renderDetails('pipes');
    act(() => useAtlasStore.getState().setFocusDepth(3));
    expect(within(panel).getByRole('link', { name: 'water' })).toHaveAttribute(
      'href',
      '#/concept/water?depth=3',
    );
  });

  it('clears the selection', async () => {
    const { user, panel } = await renderDetails('pipes');
    await user.click(within(panel).getByRole('button', { name: 'Clear selection' }));
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  describe('a new selection', () => {
    /** The details in a panel that scrolls, as the app's is, scrolled down to its relations. */
    async function renderScrolled(selected: string) {
      const graph = makeGraph();
      graph.concepts[2] = makeAnnotatedVeins();
      useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
      useAtlasStore.getState().select(selected);
      const user = userEvent.setup();
      render(
        <>
          <button type="button">Elsewhere</button>
          <div data-testid="scroller" style={{ overflowY: 'auto' }}>
            <ConceptDetails />
          </div>
        </>,
      );
      const scroller = screen.getByTestId('scroller');
      scroller.scrollTop = 400;
      return {
        user,
        scroller,
        panel: screen.getByRole('complementary', { name: 'Concept details' }),
      };
    }

    it('starts at the top, with the focus on its heading, after a relation is followed', async () => {
      const { user, scroller, panel } = await renderScrolled('pipes');
      expect(scroller.scrollTop).toBe(400);
      await user.click(within(panel).getByRole('link', { name: 'water' }));
      // The link changes the address; the app's URL sync then selects the concept.
      act(() => useAtlasStore.getState().select('water'));
      const heading = within(panel).getByRole('heading', { level: 2, name: 'water' });
      expect(scroller.scrollTop).toBe(0);
      expect(heading).toHaveFocus();
    });

    it('takes the focus to its heading when the focus fell to the page', async () => {
      const { scroller, panel } = await renderScrolled('pipes');
      act(() => useAtlasStore.getState().select('veins'));
      expect(scroller.scrollTop).toBe(0);
      expect(within(panel).getByRole('heading', { level: 2, name: 'Veins' })).toHaveFocus();
    });

    it('leaves the focus where the user acted outside the panel, and still starts at the top', async () => {
      const { scroller } = await renderScrolled('pipes');
      const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
      elsewhere.focus();
      act(() => useAtlasStore.getState().select('rain'));
      expect(scroller.scrollTop).toBe(0);
      expect(elsewhere).toHaveFocus();
    });

    it('does not take the focus when the page opens on a selection', async () => {
      await renderScrolled('pipes');
      expect(document.body).toHaveFocus();
    });
  });
});
