import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConceptForm } from '../../../src/features/authoring/concept-form';
import { applyDraftArticle, setDraftStorage } from '../../../src/features/authoring/draft-actions';
import { DraftBar } from '../../../src/features/authoring/draft-bar';
import { PassagesToFix } from '../../../src/features/authoring/passages-to-fix';
import { SelectionToolbar } from '../../../src/features/authoring/selection-toolbar';
import { SourceReader } from '../../../src/features/explorer/source-reader';
import { draftAtlas, type Draft } from '../../../src/model/draft';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { startDraftSync } from '../../../src/store/draft-sync';
import { mappedRivers } from '../../fixtures/draft-fixture';
import { selectInReader } from '../../fixtures/draft-page';
import { memoryDrafts } from '../../fixtures/memory-drafts';

/** The rivers article with one passage's words changed a little and another's gone. */
const edited = (draft: Draft) =>
  draft.markdown
    .replace('Rivers carry water', 'Rivers carried water')
    .replace('Towns grow where', 'Cities appear where');

const stops: (() => void)[] = [];
beforeEach(() => {
  localStorage.clear();
  const storage = memoryDrafts();
  setDraftStorage(storage);
  stops.push(startDraftSync({ storage }));
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.getSelection()?.removeAllRanges();
});

// Nothing here waits for time: each step is checked as soon as the key or click is handled.
const keys = () => userEvent.setup();

function openDraft(draft = mappedRivers()): Draft {
  act(() => useAtlasStore.getState().openDraft(draft, draftAtlas(draft)));
  return draft;
}

/** The draft with its article edited so that "Towns grow" can no longer be found. */
function withOrphan(): Draft {
  const draft = openDraft();
  act(() => void applyDraftArticle(edited(draft)));
  return draft;
}

describe('editing the article from the draft’s bar', () => {
  it('opens, says what applying does, and applies as one undoable change, all from the keyboard', async () => {
    const before = openDraft();
    const user = keys();
    render(<DraftBar onLeave={() => undefined} />);
    await user.tab();
    const button = screen.getByRole('button', { name: 'Edit article' });
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Edit the article' });
    const box = within(dialog).getByRole('textbox', { name: 'The article' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue(before.markdown);
    expect(within(dialog).getByRole('button', { name: 'Check the changes' })).toBeDisabled();

    await user.keyboard('{Control>}a{/Control}');
    await user.paste(edited(before));
    expect(within(dialog).getByText(/Changed, not yet applied\./)).toBeInTheDocument();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Check the changes' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const summary = within(dialog).getByRole('region', { name: 'What applying the changes does' });
    expect(within(summary).getByRole('heading', { level: 3 })).toHaveFocus();
    expect(summary).toHaveTextContent(
      '1 passage found unchanged, 1 found with small changes, 1 can no longer be found.',
    );
    expect(summary).toHaveTextContent(
      'Towns grow: “Towns grow” Its words are no longer where they stood in the article',
    );
    // Nothing has changed yet.
    expect(useAtlasStore.getState().draft).toBe(before);

    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Apply the changes' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(dialog).not.toHaveAttribute('open');
    expect(button).toHaveFocus();
    expect(useAtlasStore.getState().draft?.markdown).toBe(edited(before));
    expect(screen.getByRole('button', { name: 'Passages to fix (1)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(useAtlasStore.getState().draft).toBe(before);
    // The list stays open, and says that nothing is left to fix; closed, its button goes.
    const toggle = screen.getByRole('button', { name: 'Passages to fix (0)' });
    await user.click(toggle);
    expect(screen.queryByRole('button', { name: /Passages to fix/ })).toBeNull();
  });

  it('asks before discarding changes, and keeps them across a reload until then', async () => {
    const before = openDraft();
    const user = keys();
    const first = render(<DraftBar onLeave={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Edit article' }));
    await user.keyboard('{Control>}a{/Control}');
    await user.paste(edited(before));

    // The page is loaded again: the text typed is there when the editor opens.
    first.unmount();
    act(() => useAtlasStore.getState().setArticleEditorOpen(false));
    render(<DraftBar onLeave={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Edit article' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit the article' });
    expect(within(dialog).getByRole('textbox', { name: 'The article' })).toHaveValue(
      edited(before),
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Your changes from before, not yet applied, are back in the box.',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const asking = screen.getByRole('alertdialog', {
      name: 'Discard your changes to the article?',
    });
    expect(within(asking).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(asking).not.toHaveAttribute('open');
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('textbox', { name: 'The article' })).toHaveFocus();

    // Escape asks too.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await user.click(within(asking).getByRole('button', { name: 'Discard the changes' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(useAtlasStore.getState().draft).toBe(before);
    await user.click(screen.getByRole('button', { name: 'Edit article' }));
    expect(within(dialog).getByRole('textbox', { name: 'The article' })).toHaveValue(
      before.markdown,
    );
  });

  it('says what keeps a text from applying', async () => {
    openDraft();
    const user = keys();
    render(<DraftBar onLeave={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Edit article' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit the article' });
    await user.keyboard('{Control>}a{/Control}{Backspace} ');
    await user.click(within(dialog).getByRole('button', { name: 'Check the changes' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The article has no words left.');
    expect(within(dialog).queryByRole('button', { name: 'Apply the changes' })).toBeNull();
  });
});

describe('the passages to fix', () => {
  it('lists each with its concept, words and reason, and replaces it with words chosen in the reader', async () => {
    withOrphan();
    const user = keys();
    render(
      <>
        <PassagesToFix />
        <SourceReader />
        <SelectionToolbar />
      </>,
    );
    const list = screen.getByRole('region', { name: 'Passages to fix (1)' });
    const [entry] = within(list).getAllByRole('listitem');
    expect(entry).toHaveTextContent('Towns grow, passage 1');
    expect(entry).toHaveTextContent('Its words are not in the article.');
    await user.click(
      within(list).getByRole('button', { name: 'Select new words of “Towns grow”, passage 1' }),
    );
    expect(within(list).getByRole('status')).toHaveTextContent(
      'Now select the new words in the article',
    );
    expect(
      within(list).getByRole('button', { name: 'Stop choosing of “Towns grow”, passage 1' }),
    ).toHaveFocus();
    expect(useAtlasStore.getState().selectedId).toBe('towns-grow');

    selectInReader('Cities appear');
    await user.click(
      screen.getByRole('button', { name: 'Replace the lost passage of “Towns grow”' }),
    );
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([
      { exact: 'Cities appear' },
    ]);
    expect(screen.getByRole('region', { name: 'Passages to fix (0)' })).toHaveTextContent(
      'Every passage is found in the article.',
    );
    act(() => useAtlasStore.temporal.getState().undo());
    expect(screen.getByRole('region', { name: 'Passages to fix (1)' })).toBeInTheDocument();
  });

  it('removes a passage, and Undo brings it back', async () => {
    withOrphan();
    const user = keys();
    render(<PassagesToFix />);
    await user.click(
      screen.getByRole('button', { name: 'Remove this passage of “Towns grow”, passage 1' }),
    );
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([]);
    expect(useAtlasStore.getState().announcement?.text).toBe(
      'Removed the passage “Towns grow” from “Towns grow”. Undo brings it back.',
    );
    act(() => useAtlasStore.temporal.getState().undo());
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([
      { exact: 'Towns grow' },
    ]);
  });

  it('shows a lost passage in its concept’s form, with the same ways to fix it', async () => {
    withOrphan();
    act(() => useAtlasStore.getState().select('towns-grow'));
    const user = keys();
    render(<ConceptForm />);
    const form = screen.getByRole('region', { name: 'Edit the concept “Towns grow”' });
    expect(form).toHaveTextContent('Can no longer be found');
    expect(form).toHaveTextContent('Its words are not in the article.');
    await user.click(within(form).getByRole('button', { name: 'Select new words passage 1' }));
    expect(useAtlasStore.getState().passageFix).toMatchObject({ conceptId: 'towns-grow' });
    await user.click(within(form).getByRole('button', { name: 'Remove this passage passage 1' }));
    expect(useAtlasStore.getState().draft?.concepts[2]?.passages).toEqual([]);
    expect(useAtlasStore.getState().passageFix).toBeNull();
  });
});
