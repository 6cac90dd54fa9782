import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import {
  restoreStartupDraft,
  setDraftStorage,
  startNewDraft,
} from '../../../src/features/authoring/draft-actions';
import { DraftsDialog } from '../../../src/features/authoring/drafts-dialog';
import { keepArticle, readKeptArticle } from '../../../src/features/authoring/kept-article-text';
import { draftAtlas, newDraft, type Draft } from '../../../src/model/draft';
import { addStep, addTour, updateStep, updateTour } from '../../../src/model/draft-tour-edits';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { asDraft, stamped } from '../../../src/store/draft-storage';
import { SAVE_DELAY_MS, settleDraftWrites, startDraftSync } from '../../../src/store/draft-sync';
import { riversAndTowns } from '../../fixtures/draft-article';
import { mappedRivers } from '../../fixtures/draft-fixture';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { memoryDrafts } from '../../fixtures/memory-drafts';

const DAY = 24 * 60 * 60 * 1000;
const trade = newDraft({ id: 'd-trade', meta: { title: 'Trade by river' }, text: riversAndTowns });
const rivers = mappedRivers();
const broken = { ...trade, id: 'd-broken', name: 'Old notes', concepts: 'lost' };

/** Three drafts: one changed yesterday, one a week ago, and one damaged. */
function keptDrafts() {
  const now = Date.now();
  return memoryDrafts({
    'd-trade': stamped(trade, now - 7 * DAY),
    d1: stamped(rivers, now - DAY),
    'd-broken': broken,
  });
}

const stops: (() => void)[] = [];
beforeEach(() => localStorage.clear());
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function openList(
  storage: ReturnType<typeof memoryDrafts>,
  onLeave: () => void = () => undefined,
) {
  setDraftStorage(storage);
  render(<DraftsDialog onLeave={onLeave} />);
  act(() => useAtlasStore.getState().setDraftsOpen(true));
  const dialog = await screen.findByRole('dialog', { name: 'Your drafts' });
  await within(dialog).findAllByRole('listitem');
  return dialog;
}

const names = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

describe('the drafts kept in this browser', () => {
  it('lists each with its article and last change, the damaged one said in words', async () => {
    const dialog = await openList(keptDrafts());
    expect(names(dialog)).toEqual(['Rivers', 'Trade by river', 'Old notes (cannot be opened)']);
    const [first, , damaged] = within(dialog).getAllByRole('listitem');
    expect(first).toHaveTextContent(/Article: “Rivers”; 3 concepts; last changed .+\./);
    expect(damaged).toHaveTextContent(
      '“Old notes” cannot be opened: part of it is damaged (Concepts: should be a list, not a text). The other drafts are not affected.',
    );
    expect(
      within(damaged!).getByRole('button', { name: 'Download it as it is kept' }),
    ).toBeEnabled();
    expect(within(damaged!).queryByRole('button', { name: /^Open/ })).toBeNull();
  });

  it('opens a draft, and renames one from the keyboard', async () => {
    const storage = keptDrafts();
    const user = userEvent.setup();
    const dialog = await openList(storage);
    await user.click(within(dialog).getByRole('button', { name: 'Rename “Trade by river”' }));
    const field = within(dialog).getByRole('textbox', { name: 'New name for “Trade by river”' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.keyboard('{Enter}');
    expect(field).toHaveAccessibleDescription('Give the draft a name.');
    await user.keyboard('River trade{Enter}');
    await within(dialog).findByText('Renamed to “River trade”.');
    expect(asDraft(storage.saved.get('d-trade'))?.name).toBe('River trade');
    expect(names(dialog)).toContain('River trade');
    expect(within(dialog).getByRole('button', { name: 'Rename “River trade”' })).toHaveFocus();

    // Escape leaves the renaming, not the list.
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(dialog).toHaveAttribute('open');

    stops.push(startDraftSync({ storage }));
    await user.click(within(dialog).getByRole('button', { name: 'Open “Rivers”' }));
    await waitFor(() => expect(useAtlasStore.getState().draft?.id).toBe('d1'));
    expect(useAtlasStore.getState().draft).toEqual(rivers);
    expect(dialog).not.toHaveAttribute('open');
  });

  it('deletes a draft only once asked and confirmed, the damaged one too', async () => {
    const storage = keptDrafts();
    // Article text typed for each and not yet applied, kept beside the drafts.
    keepArticle('d-trade', '# Trade by river, edited');
    keepArticle('d1', '# Rivers, edited');
    const user = userEvent.setup();
    const dialog = await openList(storage);
    const remove = within(dialog).getByRole('button', { name: 'Delete “Trade by river”' });
    await user.click(remove);
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Trade by river”?' });
    expect(confirm).toHaveAccessibleDescription(/removed from this browser for good/);
    // The focus starts on the way out.
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(confirm).not.toHaveAttribute('open');
    expect(storage.saved.has('d-trade')).toBe(true);
    expect(remove).toHaveFocus();

    await user.click(remove);
    await user.click(within(confirm).getByRole('button', { name: 'Delete the draft' }));
    await within(dialog).findByText('Deleted “Trade by river”.');
    expect(storage.saved.has('d-trade')).toBe(false);
    // What was typed for the draft goes with it; another draft keeps its own.
    expect(readKeptArticle('d-trade')).toBeNull();
    expect(readKeptArticle('d1')).toBe('# Rivers, edited');
    expect(names(dialog)).toEqual(['Rivers', 'Old notes (cannot be opened)']);

    await user.click(within(dialog).getByRole('button', { name: 'Delete “Old notes”' }));
    await user.click(within(confirm).getByRole('button', { name: 'Delete the draft' }));
    await within(dialog).findByText('Deleted “Old notes”.');
    expect([...storage.saved.keys()]).toEqual(['d1']);
  });

  it('leaves the draft on screen before deleting it, so that nothing writes it back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const storage = keptDrafts();
      const atlas = await fixtureAtlas();
      stops.push(startDraftSync({ storage }));
      act(() => useAtlasStore.getState().openDraft(rivers, draftAtlas(rivers)));
      // A change still waiting to be written when the draft is deleted.
      act(() => useAtlasStore.getState().editDraft({ ...rivers, name: 'Rivers, edited' }));
      const leave = vi.fn(() => useAtlasStore.getState().openAtlas(atlas, { kind: 'built-in' }));
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const dialog = await openList(storage, leave);
      expect(names(dialog)[0]).toBe('Rivers, edited (open now)');
      expect(useAtlasStore.getState().source).toEqual({ kind: 'draft', name: 'Rivers, edited' });
      await user.click(within(dialog).getByRole('button', { name: 'Delete “Rivers, edited”' }));
      await user.click(screen.getByRole('button', { name: 'Delete the draft' }));
      await within(dialog).findByText('Deleted “Rivers, edited”.');
      expect(leave).toHaveBeenCalledOnce();
      expect(useAtlasStore.getState().draft).toBeNull();
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
      await settleDraftWrites();
      expect(storage.saved.has('d1')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('starting a new map', () => {
  it('never overwrites another draft, even of the same article and title', async () => {
    const storage = memoryDrafts();
    setDraftStorage(storage);
    const meta = { title: 'Rivers and towns' };
    expect(startNewDraft(meta, riversAndTowns)).toEqual({ ok: true });
    const first = useAtlasStore.getState().draft as Draft;
    expect(startNewDraft(meta, riversAndTowns)).toEqual({ ok: true });
    const second = useAtlasStore.getState().draft as Draft;
    expect(second.id).not.toBe(first.id);
    // Leaving writes the change waiting: both are kept, side by side.
    stops.push(startDraftSync({ storage }));
    await settleDraftWrites();
    expect(storage.saved.get(first.id)).toMatchObject({ id: first.id, name: 'Rivers and towns' });
    await waitFor(() => expect(storage.saved.size).toBe(2));
  });

  it('offers the drafts kept from the New map dialog', async () => {
    setDraftStorage(keptDrafts());
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'New map…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make a new map' });
    await within(dialog).findByText(/3 drafts are kept in this browser\./);
    await user.click(within(dialog).getByRole('button', { name: 'Your drafts…' }));
    const list = await screen.findByRole('dialog', { name: 'Your drafts' });
    expect(dialog).not.toHaveAttribute('open');
    await within(list).findByRole('heading', { name: 'Trade by river' });
  });
});

describe('a draft opened as the page starts', () => {
  it('shows what the address names: the step of its tour being presented', async () => {
    let toured = addTour(rivers, 'A walk').draft;
    toured = updateTour(toured, 'a-walk', { description: 'Water, then trade.' });
    for (const conceptId of ['rivers-carry-water', 'boats-carry-goods']) {
      const added = addStep(toured, 'a-walk', [conceptId]);
      toured = updateStep(added.draft, 'a-walk', added.stepId, { text: 'Read.', notes: 'Ask?' });
    }
    setDraftStorage(memoryDrafts({ d1: stamped(toured, 1) }));
    await restoreStartupDraft('d1', '#/presenter/a-walk/2');
    const state = useAtlasStore.getState();
    expect(state.draft).toEqual(toured);
    expect(state.view).toBe('presenter');
    expect(state.tour).toEqual({ id: 'a-walk', step: 2 });
  });
});
