import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SelectionToolbar } from '../../../src/features/authoring/selection-toolbar';
import { SourceReader } from '../../../src/features/explorer/source-reader';
import { draftAtlas, newDraft } from '../../../src/model/draft';
import { listenToPageKeys, usePageKeyGroups } from '../../../src/shared/page-keys';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { startDraftSync } from '../../../src/store/draft-sync';
import { waterAndTrade } from '../../fixtures/draft-article';
import { draftPage } from '../../fixtures/draft-page';
import { memoryDrafts } from '../../fixtures/memory-drafts';

const text = waterAndTrade;

const HINT = 'Paragraph. Press Enter to select its words.';

const stops = draftPage();

/** The titles of the key groups on the page, as the shortcuts list shows them. */
function KeyTitles() {
  const groups = usePageKeyGroups();
  return (
    <ul aria-label="Key groups">
      {groups.map((group) => (
        <li key={group.title}>{group.title}</li>
      ))}
    </ul>
  );
}

function openEditor() {
  const draft = newDraft({ id: 'd1', meta: { title: 'Rivers' }, text });
  stops.push(startDraftSync({ storage: memoryDrafts() }));
  stops.push(listenToPageKeys());
  act(() => useAtlasStore.getState().openDraft(draft, draftAtlas(draft)));
  render(
    <>
      <SourceReader paragraphHint={HINT} />
      <SelectionToolbar />
      <KeyTitles />
    </>,
  );
  return userEvent.setup();
}

const paragraph = (words: string) =>
  screen.getByText(
    (_, element) => element?.tagName === 'P' && (element.textContent ?? '').includes(words),
  );
const said = () => useAtlasStore.getState().announcement?.text;
const selected = () => document.getSelection()?.toString() ?? '';

describe('selecting words with the keyboard alone', () => {
  it('reaches a paragraph with Tab, selects three words and makes a concept of them', async () => {
    const user = openEditor();
    expect(
      within(screen.getByRole('list', { name: 'Key groups' })).getByText(
        'Making a map: selecting words with the keyboard',
      ),
    ).toBeInTheDocument();
    await user.tab();
    const water = paragraph('Rivers carry water');
    expect(water).toHaveFocus();
    expect(water).toHaveAccessibleDescription(HINT);

    await user.keyboard('{Enter}');
    expect(selected()).toBe('Rivers');
    expect(said()).toMatch(/^Selecting words: “Rivers”, word 1 of 11\./);
    // Not offered until the words are chosen: meanwhile the arrows move over them.
    expect(screen.queryByRole('toolbar', { name: 'Selected words' })).toBeNull();

    await user.keyboard('{ArrowRight}');
    expect(selected()).toBe('carry');
    expect(said()).toBe('“carry”, word 2 of 11.');
    await user.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(selected()).toBe('carry water to');
    expect(said()).toBe('Selected 3 words: “carry water to”.');
    await user.keyboard('{Home}{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(selected()).toBe('Rivers carry water');

    await user.keyboard('{Enter}');
    const toolbar = await screen.findByRole('toolbar', { name: 'Selected words' });
    const make = within(toolbar).getByRole('button', { name: 'New concept from this passage' });
    expect(make).toHaveFocus();
    await user.keyboard('{Enter}');

    const [concept] = useAtlasStore.getState().draft?.concepts ?? [];
    expect(concept?.passages).toEqual([{ exact: 'Rivers carry water' }]);
    expect(useAtlasStore.getState().selectedId).toBe(concept?.id);
    expect(screen.queryByRole('toolbar', { name: 'Selected words' })).toBeNull();
    // Back where the words were, to select more.
    expect(paragraph('Rivers carry water')).toHaveFocus();
  });

  it('cancels with Escape, selecting nothing, and keeps the focus on the paragraph', async () => {
    const user = openEditor();
    await user.tab();
    await user.keyboard('{Enter}{Shift>}{ArrowRight}{/Shift}');
    expect(selected()).toBe('Rivers carry');
    // As a browser does a moment after the selection moves.
    act(() => void document.dispatchEvent(new Event('selectionchange')));
    // A browser says the selection is gone a moment after Escape; until then the toolbar must
    // not stand over words no longer selected.
    const later = (event: Event) => event.stopImmediatePropagation();
    document.addEventListener('selectionchange', later, true);
    await user.keyboard('{Escape}');
    expect(selected()).toBe('');
    expect(screen.queryByRole('toolbar', { name: 'Selected words' })).toBeNull();
    document.removeEventListener('selectionchange', later, true);
    expect(said()).toBe('No words selected.');
    expect(paragraph('Rivers carry water')).toHaveFocus();
    // The arrows are the reader's again: they select nothing.
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(selected()).toBe('');
    expect(screen.queryByRole('toolbar', { name: 'Selected words' })).toBeNull();

    // Escape in the toolbar also gives the focus back.
    await user.keyboard('{Enter}{Enter}');
    expect(
      await screen.findByRole('button', { name: 'New concept from this passage' }),
    ).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('toolbar', { name: 'Selected words' })).toBeNull();
    expect(paragraph('Rivers carry water')).toHaveFocus();
    expect(useAtlasStore.getState().draft?.concepts).toEqual([]);
  });

  it("extends and shrinks the selection, stopping at the paragraph's first and last word", async () => {
    const user = openEditor();
    await user.tab();
    await user.keyboard('{Enter}{Shift>}{ArrowLeft}{/Shift}');
    expect(selected()).toBe('Rivers');
    await user.keyboard('{ArrowLeft}');
    expect(selected()).toBe('Rivers');

    await user.keyboard('{End}');
    expect(selected()).toBe('road');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(selected()).toBe('road');
    await user.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}');
    expect(selected()).toBe('is a road');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(selected()).toBe('a road');
    await user.keyboard('{Shift>}{Home}{/Shift}');
    expect(selected()).toBe('Rivers carry water to the towns. The river is a road');
    await user.keyboard('{Home}{Shift>}{End}{/Shift}');
    expect(selected()).toBe('Rivers carry water to the towns. The river is a road');

    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().draft?.concepts[0]?.passages).toEqual([
      { exact: 'Rivers carry water to the towns. The river is a road' },
    ]);
  });

  it('starts in the paragraph with the focus, and stops when the focus leaves it', async () => {
    const user = openEditor();
    await user.tab();
    await user.tab();
    const boats = paragraph('Boats carry goods');
    expect(boats).toHaveFocus();
    await user.keyboard('{Enter}{ArrowRight}{Shift>}{ArrowRight}{/Shift}');
    expect(selected()).toBe('carry goods');
    await user.tab({ shift: true });
    expect(selected()).toBe('');
    expect(paragraph('Rivers carry water')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(selected()).toBe('');
  });
});
