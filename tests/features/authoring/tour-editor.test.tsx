import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DetailsPanel } from '../../../src/app/details-panel';
import { ShortcutsDialog } from '../../../src/app/shortcuts-dialog';
import { setDraftStorage } from '../../../src/features/authoring/draft-actions';
import { DraftBar } from '../../../src/features/authoring/draft-bar';
import { draftAtlas } from '../../../src/model/draft';
import { listenToPageKeys } from '../../../src/shared/page-keys';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { startDraftSync } from '../../../src/store/draft-sync';
import { mappedRivers } from '../../fixtures/draft-fixture';
import { memoryDrafts } from '../../fixtures/memory-drafts';

const stops: (() => void)[] = [];
beforeEach(() => {
  localStorage.clear();
  const storage = memoryDrafts();
  setDraftStorage(storage);
  stops.push(startDraftSync({ storage }), listenToPageKeys());
  const draft = mappedRivers();
  act(() => useAtlasStore.getState().openDraft(draft, draftAtlas(draft)));
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Presses Tab until the focus is on the control of that name, as a keyboard user does. */
async function tabTo(user: UserEvent, name: string | RegExp) {
  for (let presses = 0; presses < 80; presses += 1) {
    await user.tab();
    const active = document.activeElement;
    if (!(active instanceof HTMLElement)) continue;
    // Asked of its own surroundings rather than the whole page, which is slow to ask in jsdom.
    const near = within(active.parentElement ?? document.body);
    if (near.queryAllByRole(roleOf(active), { name }).includes(active)) return active;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

function roleOf(element: HTMLElement): string {
  if (element instanceof HTMLButtonElement) return 'button';
  if (element instanceof HTMLSelectElement) return 'combobox';
  return 'textbox';
}

const steps = () =>
  useAtlasStore.getState().draft?.tours?.[0]?.steps.map((step) => step.title) ?? [];

const select = (conceptId: string) => act(() => useAtlasStore.getState().select(conceptId));

describe('the tours editor, from the keyboard alone', () => {
  it('makes a tour, adds steps from the selection, edits, reorders, undoes and presents', async () => {
    const user = userEvent.setup();
    render(
      <>
        <DraftBar onLeave={() => undefined} />
        <DetailsPanel />
      </>,
    );
    const toggle = await tabTo(user, 'Tours');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { name: 'Tours of this map' });
    expect(heading).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await tabTo(user, 'Title of the tour');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Title of the tour' })).toHaveAccessibleDescription(
      'Give the tour a title.',
    );
    await user.keyboard('A walk down the river{Enter}');
    expect(useAtlasStore.getState().draft?.tours).toEqual([
      { id: 'a-walk-down-the-river', title: 'A walk down the river', description: '', steps: [] },
    ]);
    expect(
      screen.getByRole('button', { name: 'A tour needs at least two steps.' }),
    ).toBeInTheDocument();

    await tabTo(user, 'Description');
    await user.keyboard('From the water to the towns.');

    // The selected concept, and with Focus on, the concepts the focus shows around it.
    select('rivers-carry-water');
    act(() => useAtlasStore.getState().setFocusDepth(1));
    const add = await tabTo(user, 'Add step');
    expect(add).toHaveAccessibleDescription(
      'Add step makes a step of the selected concept, “Rivers carry water”, and the concept around it that the focus shows.',
    );
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().draft?.tours?.[0]?.steps[0]?.concepts).toEqual([
      'rivers-carry-water',
      'boats-carry-goods',
    ]);
    // The new step is open, its title ready to edit.
    const title = screen.getByRole('textbox', { name: 'Title', description: /heading/ });
    expect(title).toHaveFocus();
    expect(title).toHaveValue('Rivers carry water');
    await user.keyboard('{Backspace>18/}Water first');
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Text for the class' })).toHaveFocus();
    await user.keyboard('Water comes to the towns.');
    await user.tab();
    await user.keyboard('Rivers carry water.{Enter}Where does it go?');

    act(() => useAtlasStore.getState().setFocusDepth(0));
    select('towns-grow');
    await tabTo(user, 'Add step');
    await user.keyboard('{Enter}');
    expect(steps()).toEqual(['Water first', 'Towns grow']);
    expect(
      screen.getByRole('button', { name: 'Step 2’s text for the class must not be empty.' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Present' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.tab();
    await user.keyboard('Towns grow by rivers.');
    await user.tab();
    await user.keyboard('What makes a town grow?');
    expect(screen.getByText('This tour is ready to present.')).toBeInTheDocument();

    // Reordered with the step's own buttons, and said where it now stands.
    const up = await tabTo(user, 'Move step 2 up');
    await user.keyboard('{Enter}');
    expect(steps()).toEqual(['Towns grow', 'Water first']);
    expect(up).toHaveFocus();
    expect(up).toHaveAccessibleName('Move step 1 up');
    expect(up).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('“Towns grow” is now step 1 of 2.');
    await user.keyboard('{Enter}');
    expect(steps()).toEqual(['Towns grow', 'Water first']);

    // And with Alt+↓ on its title.
    const second = screen.getByRole('button', { name: /^Step 1 Towns grow/ });
    second.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(steps()).toEqual(['Water first', 'Towns grow']);
    expect(second).toHaveFocus();

    // Undo, from the keyboard, outside a text field: each move is taken back, then the words
    // typed into one field, as one change.
    await user.keyboard('{Control>}z{/Control}');
    expect(steps()).toEqual(['Towns grow', 'Water first']);
    await user.keyboard('{Control>}z{/Control}');
    expect(steps()).toEqual(['Water first', 'Towns grow']);
    await user.keyboard('{Control>}z{/Control}');
    const notes = () => useAtlasStore.getState().draft?.tours?.[0]?.steps[1]?.notes;
    expect(notes()).toBe('');
    await user.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    expect(notes()).toBe('What makes a town grow?');

    await tabTo(user, 'Present');
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().view).toBe('tour');
    expect(useAtlasStore.getState().tour).toEqual({ id: 'a-walk-down-the-river', step: 1 });
  });

  it('removes a step and a concept of a step, and says which step lacks what', async () => {
    const user = userEvent.setup();
    act(() => useAtlasStore.getState().setDraftPanel('tours'));
    render(<DetailsPanel />);
    await screen.findByRole('heading', { name: 'Tours of this map' });
    await user.type(screen.getByRole('textbox', { name: 'Title of the tour' }), 'Trade{Enter}');
    await user.click(screen.getByRole('button', { name: 'Add step' }));
    expect(screen.getByText(/^Nothing is selected on the map/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Step 1: a step needs at least one concept.' }),
    ).toBeInTheDocument();
    select('boats-carry-goods');
    await user.click(screen.getByRole('button', { name: 'Add the selection to step 1' }));
    expect(useAtlasStore.getState().draft?.tours?.[0]?.steps[0]?.concepts).toEqual([
      'boats-carry-goods',
    ]);
    await user.click(
      screen.getByRole('button', { name: 'Remove “Boats carry goods” from step 1' }),
    );
    expect(useAtlasStore.getState().draft?.tours?.[0]?.steps[0]?.concepts).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Concepts shown (0)' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Add step' }));
    // One step is open at a time: the new one.
    expect(screen.queryByRole('button', { name: 'Remove step 1' })).not.toBeInTheDocument();
    const first = screen.getByRole('button', { name: /^Step 1 Untitled step/ });
    expect(first).toHaveAttribute('aria-expanded', 'false');
    await user.click(first);
    expect(first).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(steps()).toEqual(['Boats carry goods']);
    expect(screen.getByRole('status')).toHaveTextContent('Removed step 1. Undo brings it back.');
    await user.click(screen.getByRole('button', { name: 'Delete the tour' }));
    expect(useAtlasStore.getState().draft?.tours).toEqual([]);
    expect(screen.getByRole('textbox', { name: 'Title of the tour' })).toBeInTheDocument();
  });

  it('gives the details panel back to the concept, and the focus back to Tours', async () => {
    const user = userEvent.setup();
    render(
      <>
        <DraftBar onLeave={() => undefined} />
        <DetailsPanel />
      </>,
    );
    const toggle = screen.getByRole('button', { name: 'Tours' });
    await user.click(toggle);
    await screen.findByRole('heading', { name: 'Tours of this map' });
    // While the editor is open, the shortcuts list has its keys.
    const { unmount } = render(<ShortcutsDialog />);
    act(() => useAtlasStore.getState().setShortcutsOpen(true));
    const shortcuts = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const table = within(shortcuts).getByRole('table', { name: 'Making a tour' });
    expect(table).toHaveTextContent('Move a step up or down, from its title or its arrow buttons');
    act(() => useAtlasStore.getState().setShortcutsOpen(false));
    unmount();
    await user.click(screen.getByRole('button', { name: 'Back to the concept' }));
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await screen.findByRole('heading', { name: 'Choose a concept to edit' })).toBeVisible();
  });
});
