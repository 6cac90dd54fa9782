import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app';
import { ConceptForm } from '../../../src/features/authoring/concept-form';
import { DraftBar } from '../../../src/features/authoring/draft-bar';
import { SelectionToolbar } from '../../../src/features/authoring/selection-toolbar';
import { SourceReader } from '../../../src/features/explorer/source-reader';
import {
  addConcept,
  draftArticle,
  draftAtlas,
  newDraft,
  type Draft,
} from '../../../src/model/draft';
import { addRelation } from '../../../src/model/draft-links';
import { listenToPageKeys } from '../../../src/shared/page-keys';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { startDraftSync } from '../../../src/store/draft-sync';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { waterAndTrade } from '../../fixtures/draft-article';
import { draftPage, selectInReader } from '../../fixtures/draft-page';
import { memoryDrafts } from '../../fixtures/memory-drafts';

const text = waterAndTrade;

function withConcept(draft: Draft, words: string, nth = 0): Draft {
  const all = draftArticle(draft).text;
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = all.indexOf(words, at + 1);
  const made = addConcept(draft, at, at + words.length);
  if (!made.ok) throw new Error(made.reason);
  return made.draft;
}

function openDraft(draft = newDraft({ id: 'd1', meta: { title: 'Rivers' }, text })) {
  stops.push(startDraftSync({ storage: memoryDrafts() }));
  act(() => useAtlasStore.getState().openDraft(draft, draftAtlas(draft)));
  return draft;
}

/** The reader's text node that holds the words. */
function textNode(words: string): Text {
  const article = screen.getByRole('article', { name: 'Source article' });
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(words)) return node as Text;
  }
  throw new Error(`not in the reader: ${words}`);
}

const stops = draftPage();

describe('New map…', () => {
  it('asks for the article and its title, checks the fields, and opens the draft', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'New map…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make a new map' });
    const article = within(dialog).getByRole('textbox', { name: 'The article' });
    expect(article).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Start the map' }));
    expect(article).toHaveAccessibleDescription(/Paste the article, or open its file\./);
    const title = within(dialog).getByRole('textbox', { name: 'Title (required)' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Give the article’s title.');
    expect(article).toHaveFocus();

    await user.click(article);
    await user.paste('# Rivers\n\n## Water\n\nRivers carry water.');
    expect(title).toHaveValue('Rivers');
    expect(title).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).getByText('One section.')).toBeInTheDocument();
    const source = within(dialog).getByRole('textbox', { name: 'Source address' });
    await user.type(source, 'ftp://x');
    const date = within(dialog).getByRole('textbox', { name: 'Date published' });
    await user.type(date, '2026-02-30');
    await user.click(within(dialog).getByRole('button', { name: 'Start the map' }));
    expect(source).toHaveAccessibleDescription(/starting with http:\/\/ or https:\/\//);
    expect(date).toHaveAccessibleDescription(/year-month-day/);
    expect(useAtlasStore.getState().draft).toBeNull();

    await user.clear(source);
    await user.clear(date);
    await user.type(date, '2026-02-28');
    await user.click(within(dialog).getByRole('button', { name: 'Start the map' }));
    const bar = await screen.findByRole('region', { name: 'Draft' });
    expect(within(bar).getByText('Rivers')).toBeInTheDocument();
    expect(
      await screen.findAllByText('Select words in the article to make a concept.'),
    ).not.toHaveLength(0);
    const { draft, source: shown } = useAtlasStore.getState();
    expect(shown).toEqual({ kind: 'draft', name: 'Rivers' });
    expect(draft?.meta).toEqual({ title: 'Rivers', published: '2026-02-28' });
    expect(draft?.sections.map((s) => s.title)).toEqual(['Introduction', 'Water']);
    expect(dialog).not.toHaveAttribute('open');
  });

  it('opens a Markdown file into the article field', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'New map…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make a new map' });
    const file = new File(['Just one paragraph.'], 'my-reading.md', { type: 'text/markdown' });
    await user.upload(within(dialog).getByLabelText('Or open a file (.md or .txt)'), file);
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'The article' })).toHaveValue(
        'Just one paragraph.',
      ),
    );
    expect(within(dialog).getByRole('textbox', { name: 'Title (required)' })).toHaveValue(
      'my-reading',
    );
    expect(within(dialog).getByText('One section.')).toBeInTheDocument();
  });
});

describe('the toolbar over selected words', () => {
  it('makes a concept of the words, and adds others as its passage', async () => {
    openDraft();
    const user = userEvent.setup();
    render(
      <>
        <SourceReader />
        <SelectionToolbar />
      </>,
    );
    expect(screen.queryByRole('toolbar', { name: 'Selected words' })).not.toBeInTheDocument();
    selectInReader('The river is a road', 1);
    const toolbar = await screen.findByRole('toolbar', { name: 'Selected words' });
    expect(within(toolbar).queryByRole('button', { name: /Add as a passage/ })).toBeNull();
    await user.click(
      within(toolbar).getByRole('button', { name: 'New concept from this passage' }),
    );
    const state = useAtlasStore.getState();
    expect(state.draft?.concepts).toEqual([
      expect.objectContaining({
        id: 'the-river-is-a-road',
        label: 'The river is a road',
        section: 'trade',
        passages: [{ exact: 'The river is a road', suffix: 'for' }],
      }),
    ]);
    expect(state.selectedId).toBe('the-river-is-a-road');
    expect(state.atlas?.conceptById.has('the-river-is-a-road')).toBe(true);
    expect(screen.queryByRole('toolbar', { name: 'Selected words' })).not.toBeInTheDocument();

    selectInReader('Boats carry goods');
    await user.click(
      await screen.findByRole('button', { name: 'Add as a passage of “The river is a road”' }),
    );
    expect(useAtlasStore.getState().draft?.concepts[0]?.passages).toEqual([
      { exact: 'The river is a road', suffix: 'for' },
      { exact: 'Boats carry goods' },
    ]);
  });

  it('says why words cannot be a passage, and makes a concept with the N key', async () => {
    openDraft();
    stops.push(listenToPageKeys());
    const user = userEvent.setup();
    render(
      <>
        <SourceReader />
        <SelectionToolbar />
      </>,
    );
    // Across two paragraphs: a passage stays within one.
    const range = document.createRange();
    range.setStart(textNode('Rivers carry water'), 0);
    range.setEnd(textNode('Boats carry goods'), 5);
    act(() => {
      document.getSelection()?.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    await user.click(await screen.findByRole('button', { name: 'New concept from this passage' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A passage stays within one paragraph: select fewer words.',
    );
    expect(useAtlasStore.getState().draft?.concepts).toEqual([]);

    selectInReader('Rivers carry water');
    await user.keyboard('n');
    expect(useAtlasStore.getState().draft?.concepts.map((c) => c.id)).toEqual([
      'rivers-carry-water',
    ]);
  });
});

describe('the concept form', () => {
  it('edits the concept and lists what the validator finds as it is typed', async () => {
    const draft = openDraft(
      withConcept(
        newDraft({ id: 'd1', meta: { title: 'R' }, text }),
        'Boats carry goods on the river. The river is a road for trade',
      ),
    );
    act(() => useAtlasStore.getState().select(draft.concepts[0]!.id));
    const user = userEvent.setup();
    render(<ConceptForm />);
    const summary = screen.getByRole('textbox', { name: 'Summary' });
    expect(summary).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Summary must not be empty.' }));
    expect(summary).toHaveFocus();

    await user.type(
      summary,
      'It says boats carry goods on the river. The river is a road for trade',
    );
    expect(
      screen.getByRole('button', {
        name: 'Summary: copies its passage; explain it in other words.',
      }),
    ).toBeInTheDocument();
    await user.clear(summary);
    await user.type(summary, 'Trade goes by water.');
    expect(screen.getByText('This concept is ready.')).toBeInTheDocument();
    expect(summary).not.toHaveAttribute('aria-invalid');

    const label = screen.getByRole('textbox', { name: 'Label' });
    await user.clear(label);
    expect(label).toHaveAccessibleDescription('Label must not be empty.');
    await user.type(label, 'Trade by river');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'example');
    await user.type(screen.getByRole('textbox', { name: 'Chinese term' }), '河运');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Importance' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Other names' }), 'River trade');
    expect(useAtlasStore.getState().draft?.concepts[0]).toMatchObject({
      label: 'Trade by river',
      kind: 'example',
      summary: 'Trade goes by water.',
      zh: '河运',
      tier: 2,
      aliases: ['River trade'],
    });
    expect(useAtlasStore.getState().atlas?.conceptById.get(draft.concepts[0]!.id)?.label).toBe(
      'Trade by river',
    );
  });
});

describe('typing a label', () => {
  it('shows it on the map at once; the search, the article and the relations follow', async () => {
    let draft = withConcept(newDraft({ id: 'd1', meta: { title: 'R' }, text }), 'Boats carry');
    draft = withConcept(draft, 'Rivers carry water');
    const [boats, rivers] = draft.concepts.map((concept) => concept.id) as [string, string];
    draft = addRelation(draft, {
      source: rivers,
      target: boats,
      label: 'floats',
      kind: 'supports',
    }).draft;
    openDraft(draft);
    act(() => useAtlasStore.getState().select(boats));
    const user = userEvent.setup();
    render(<App />);
    const search = screen.getByRole('combobox', { name: 'Search concepts' });
    act(() => search.focus());
    await user.keyboard('Ferries');
    expect(search).toHaveValue('Ferries');
    expect(useAtlasStore.getState().searchMatches).toEqual([]);
    const label = screen.getByRole('textbox', { name: 'Label' });
    await user.clear(label);
    expect(search).toHaveValue('Ferries');
    fireEvent.change(label, { target: { value: 'Ferries carr' } });
    // The node shows the key typed once its render is done, before anything else follows it.
    const node = () => document.querySelector(`.react-flow__node[data-id="${boats}"]`);
    expect(node()).toHaveTextContent('Ferries carr');
    fireEvent.change(label, { target: { value: 'Ferries carry' } });
    expect(node()).toHaveTextContent('Ferries carry');
    // What is typed in the search box stays while the draft changes, and finds the new label.
    expect(search).toHaveValue('Ferries');
    await waitFor(() => expect(useAtlasStore.getState().searchMatches).toEqual([boats]));
    // The article's passage, and the relation's sentence, name the concept as it is now.
    expect(screen.getByText('Passage about Ferries carry')).toBeInTheDocument();
    const edge = document.querySelector('.react-flow__edge');
    await waitFor(() =>
      expect(edge?.getAttribute('aria-label') ?? '').toMatch(/floats Ferries carry$/),
    );
  });
});

describe('undo and redo', () => {
  it('undoes and redoes with the buttons and the keys, but not while typing in a field', async () => {
    const base = openDraft();
    stops.push(listenToPageKeys());
    const user = userEvent.setup();
    render(<DraftBar onLeave={() => undefined} />);
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    expect(undo).toBeDisabled();
    const edited = withConcept(base, 'Rivers carry water');
    act(() => useAtlasStore.getState().editDraft(edited));
    expect(undo).toBeEnabled();
    await user.click(undo);
    expect(useAtlasStore.getState().draft).toBe(base);
    expect(redo).toBeEnabled();
    await user.click(redo);
    expect(useAtlasStore.getState().draft).toBe(edited);

    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(useAtlasStore.getState().draft).toBe(edited);
    field.remove();
    await user.keyboard('{Control>}z{/Control}');
    expect(useAtlasStore.getState().draft).toBe(base);
    await user.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    expect(useAtlasStore.getState().draft).toBe(edited);
  });

  it('says when the draft cannot be saved and offers to export it now', async () => {
    openDraft();
    render(<DraftBar onLeave={() => undefined} />);
    act(() =>
      useAtlasStore.getState().setDraftSaving({
        state: 'failed',
        problem: 'This browser has no room left to keep your draft.',
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/Not saved: This browser has no room left/);
    expect(within(alert).getByRole('button', { name: 'Export now' })).toBeInTheDocument();
  });
});
