import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShortcutsDialog } from '../../../src/app/shortcuts-dialog';
import { StatusRegion } from '../../../src/app/status-region';
import { ConceptForm } from '../../../src/features/authoring/concept-form';
import { saveRelation, setDraftStorage } from '../../../src/features/authoring/draft-actions';
import { DraftBar } from '../../../src/features/authoring/draft-bar';
import { RelationDialog } from '../../../src/features/authoring/relation-dialog';
import {
  addConcept,
  draftArticle,
  draftAtlas,
  newDraft,
  updateConcept,
  type Draft,
} from '../../../src/model/draft';
import { addRelation } from '../../../src/model/draft-links';
import { listenToPageKeys } from '../../../src/shared/page-keys';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { SAVE_DELAY_MS, startDraftSync } from '../../../src/store/draft-sync';
import { riversAndTowns } from '../../fixtures/draft-article';
import { memoryDrafts } from '../../fixtures/memory-drafts';

/** A draft of three concepts, each with a summary. */
function threeConcepts(): Draft {
  let draft = newDraft({ id: 'd1', meta: { title: 'Rivers' }, text: riversAndTowns });
  for (const words of ['Rivers carry water', 'Boats carry goods', 'Towns grow']) {
    const at = draftArticle(draft).text.indexOf(words);
    const made = addConcept(draft, at, at + words.length);
    if (!made.ok) throw new Error(made.reason);
    draft = updateConcept(made.draft, made.conceptId, { summary: `About ${words}.` });
  }
  return draft;
}

const water = 'rivers-carry-water';
const towns = 'towns-grow';

const stops: (() => void)[] = [];
let storage = memoryDrafts();

function openDraft(draft: Draft, selected: string | null = water) {
  storage = memoryDrafts();
  setDraftStorage(storage);
  stops.push(startDraftSync({ storage }));
  stops.push(listenToPageKeys());
  act(() => {
    useAtlasStore.getState().openDraft(draft, draftAtlas(draft));
    useAtlasStore.getState().select(selected);
  });
}

function renderEditor() {
  return render(
    <>
      <StatusRegion />
      <DraftBar onLeave={() => undefined} />
      <ConceptForm />
      <RelationDialog />
    </>,
  );
}

const relationDialog = (name: string | RegExp) => screen.getByRole('dialog', { name });
/** What the page's status region has told screen readers of the changes made. */
const announced = () =>
  [...document.querySelectorAll('[aria-live="polite"]')].map((region) => region.textContent);

beforeEach(() => localStorage.clear());
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

describe('Link to…', () => {
  it('relates the selected concept to another, from the keyboard alone', async () => {
    openDraft(threeConcepts());
    const user = userEvent.setup();
    renderEditor();
    expect(screen.getByRole('heading', { name: 'Relations (0)' })).toBeInTheDocument();

    await user.keyboard('l');
    const dialog = relationDialog('Link “Rivers carry water” to…');
    const search = within(dialog).getByRole('combobox', { name: 'Find a concept' });
    expect(search).toHaveFocus();
    // Before anything is typed: every other concept, in the article's order.
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Boats carry goods, Idea', 'Towns grow, Idea']);
    expect(within(dialog).getByRole('status')).toHaveTextContent('2 concepts.');

    // The search forgives a typo, as the map's search does.
    await user.keyboard('towms');
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Towns grow, Idea']);
    expect(search).toHaveAttribute(
      'aria-activedescendant',
      within(dialog).getByRole('option', { selected: true }).id,
    );
    await user.keyboard('{Enter}');

    const form = relationDialog('New relation');
    const phrase = within(form).getByRole('textbox', { name: 'Linking phrase' });
    expect(phrase).toHaveFocus();
    expect(within(form).getByRole('combobox', { name: 'From' })).toHaveValue(water);
    expect(within(form).getByRole('combobox', { name: 'To' })).toHaveValue(towns);
    await user.keyboard('sup');
    await user.tab();
    expect(within(form).getByRole('button', { name: 'supports (kind: supports)' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(phrase).toHaveFocus();
    expect(phrase).toHaveValue('supports');
    expect(within(form).getByRole('combobox', { name: 'Kind of link' })).toHaveValue('supports');
    const save = within(form).getByRole('button', { name: 'Save the relation' });
    expect(save).toHaveAccessibleDescription(
      'The map will read Rivers carry water supports Towns grow',
    );
    await user.keyboard('{Enter}');

    expect(useAtlasStore.getState().draft?.relations).toEqual([
      {
        id: 'r-rivers-carry-water-towns-grow',
        source: water,
        target: towns,
        label: 'supports',
        kind: 'supports',
      },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(announced()).toContain('Saved the relation “Rivers carry water supports Towns grow”.');
    // Drawn on the map at once, and listed with the concept.
    expect(useAtlasStore.getState().atlas?.edges.map((e) => e.id)).toEqual([
      'r-rivers-carry-water-towns-grow',
    ]);
    expect(screen.getByRole('heading', { name: 'Relations (1)' })).toBeInTheDocument();
  });

  it('opens from the form’s button, and gives the focus back to it when cancelled', async () => {
    openDraft(threeConcepts());
    const user = userEvent.setup();
    renderEditor();
    const link = screen.getByRole('button', { name: 'Link to…' });
    expect(link).toHaveAttribute('aria-keyshortcuts', 'L');
    link.focus();
    await user.keyboard('{Enter}');
    expect(relationDialog(/^Link/)).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(
      within(relationDialog('New relation')).getByRole('combobox', { name: 'To' }),
    ).toHaveValue(towns);
    await user.click(screen.getByRole('button', { name: 'Choose another concept' }));
    expect(screen.getByRole('combobox', { name: 'Find a concept' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(link).toHaveFocus();
    expect(useAtlasStore.getState().draft?.relations).toEqual([]);
  });

  it('says when there is nothing else to link to, and is listed among the shortcuts', async () => {
    let draft = newDraft({ id: 'd1', meta: { title: 'Rivers' }, text: riversAndTowns });
    const start = draftArticle(draft).text.indexOf('Rivers carry water');
    const made = addConcept(draft, start, start + 'Rivers carry water'.length);
    if (!made.ok) throw new Error(made.reason);
    draft = made.draft;
    openDraft(draft, made.conceptId);
    useAtlasStore.getState().setShortcutsOpen(true);
    const user = userEvent.setup();
    render(
      <>
        <RelationDialog />
        <ShortcutsDialog />
      </>,
    );
    const shortcuts = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(
      within(shortcuts).getByRole('table', { name: 'Making a map: relations' }),
    ).toHaveTextContent('LLink the selected concept to another (“Link to…”)');
    act(() => useAtlasStore.getState().setShortcutsOpen(false));
    await user.keyboard('l');
    expect(screen.getByRole('status')).toHaveTextContent(
      'The map has no other concept yet: make another from the article’s words first.',
    );
  });
});

describe('the relation form', () => {
  it('reads the relation back as a sentence, and says what keeps it from being saved', async () => {
    let draft = threeConcepts();
    draft = addRelation(draft, {
      source: 'boats-carry-goods',
      target: towns,
      label: 'feed',
      kind: 'supports',
    }).draft;
    openDraft(draft);
    const user = userEvent.setup();
    renderEditor();
    act(() =>
      useAtlasStore.getState().openRelationForm({ kind: 'new', source: water, target: towns }),
    );
    const form = relationDialog('New relation');
    const save = within(form).getByRole('button', { name: 'Save the relation' });
    expect(save).toHaveAccessibleDescription('The map will read Rivers carry water … Towns grow');
    const phrase = within(form).getByRole('textbox', { name: 'Linking phrase' });
    const kind = within(form).getByRole('combobox', { name: 'Kind of link' });
    // Nothing is said against fields not filled in yet, until Save is pressed.
    expect(phrase).not.toHaveAttribute('aria-invalid');
    // The phrase the map already uses is offered first.
    expect(
      within(form)
        .getAllByRole('button', { name: /\(kind: / })
        .map((b) => b.textContent),
    ).toEqual([
      'feed (kind: supports, used 1 time)',
      'is part of (kind: part of)',
      'supports (kind: supports)',
      'makes possible (kind: enables)',
      'contrasts with (kind: contrasts with)',
      'is one side of (kind: pole of)',
      'evolves into (kind: evolves into)',
      'is the image for (kind: likened to)',
    ]);

    await user.click(save);
    expect(phrase).toHaveFocus();
    expect(phrase).toHaveAttribute('aria-invalid', 'true');
    expect(phrase).toHaveAccessibleDescription(
      'The words that join the two into a sentence, read from the first to the second. The linking phrase must not be empty.',
    );
    expect(kind).toHaveAccessibleDescription(/Choose the kind of link\.$/);
    expect(useAtlasStore.getState().draft?.relations).toHaveLength(1);

    await user.type(phrase, '  feeds  ');
    await user.selectOptions(kind, 'supports');
    expect(save).toHaveAccessibleDescription(
      'The map will read Rivers carry water feeds Towns grow',
    );
    expect(kind).toHaveAccessibleDescription(
      '“Rivers carry water” is a base, a reason or a guide for “Towns grow”.',
    );
    expect(phrase).not.toHaveAttribute('aria-invalid');

    // A relation to itself, and one that repeats another, are said as soon as they are so.
    const to = within(form).getByRole('combobox', { name: 'To' });
    await user.selectOptions(to, water);
    expect(to).toHaveAccessibleDescription(
      'A relation joins two different concepts: choose another one to link to.',
    );
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'From' }),
      'boats-carry-goods',
    );
    await user.selectOptions(to, towns);
    expect(kind).toHaveAccessibleDescription(
      /“Boats carry goods feed Towns grow” already joins these two concepts as “supports”: two relations of the same kind between the same two concepts say the same thing\. Choose another kind, or edit that relation\.$/,
    );
    await user.click(within(form).getByRole('button', { name: 'Swap the two concepts' }));
    expect(to).toHaveValue('boats-carry-goods');
    expect(kind).toHaveAttribute('aria-invalid', 'true');
    await user.click(save);
    expect(kind).toHaveFocus();
    expect(useAtlasStore.getState().draft?.relations).toHaveLength(1);

    await user.selectOptions(kind, 'contrasts-with');
    await user.click(save);
    expect(useAtlasStore.getState().draft?.relations.at(-1)).toEqual({
      id: 'r-towns-grow-boats-carry-goods',
      source: towns,
      target: 'boats-carry-goods',
      label: 'feeds',
      kind: 'contrasts-with',
    });
  });
});

describe('a concept’s relations', () => {
  it('are edited and deleted from its form, each change undone and saved', async () => {
    const draft = addRelation(threeConcepts(), {
      source: water,
      target: towns,
      label: 'feeds',
      kind: 'supports',
    }).draft;
    openDraft(draft, towns);
    const user = userEvent.setup();
    renderEditor();
    expect(screen.getByRole('heading', { name: 'Relations (1)' })).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', {
        name: 'Edit the relation “Rivers carry water feeds Towns grow”',
      }),
    );
    const form = relationDialog('Edit the relation');
    const phrase = within(form).getByRole('textbox', { name: 'Linking phrase' });
    expect(phrase).toHaveValue('feeds');
    expect(within(form).getByRole('combobox', { name: 'Kind of link' })).toHaveValue('supports');
    // Not a repeat of itself.
    expect(within(form).queryByText(/already joins/)).not.toBeInTheDocument();
    await user.clear(phrase);
    await user.type(phrase, 'waters');
    await user.click(within(form).getByRole('button', { name: 'Save the relation' }));
    expect(useAtlasStore.getState().draft?.relations).toEqual([
      expect.objectContaining({ id: 'r-rivers-carry-water-towns-grow', label: 'waters' }),
    ]);
    expect(announced()).toContain('Changed the relation “Rivers carry water waters Towns grow”.');

    await user.click(
      screen.getByRole('button', {
        name: 'Delete the relation “Rivers carry water waters Towns grow”',
      }),
    );
    expect(useAtlasStore.getState().draft?.relations).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Relations (0)' })).toHaveFocus();
    expect(announced()).toContain(
      'Deleted the relation “Rivers carry water waters Towns grow”. Undo brings it back.',
    );
    expect(useAtlasStore.getState().atlas?.edges).toEqual([]);

    const bar = screen.getByRole('region', { name: 'Draft' });
    await user.click(within(bar).getByRole('button', { name: 'Undo' }));
    expect(useAtlasStore.getState().draft?.relations.map((r) => r.label)).toEqual(['waters']);
    expect(useAtlasStore.getState().atlas?.edges).toHaveLength(1);
    await user.click(within(bar).getByRole('button', { name: 'Undo' }));
    expect(useAtlasStore.getState().draft?.relations.map((r) => r.label)).toEqual(['feeds']);
    await user.click(within(bar).getByRole('button', { name: 'Redo' }));
    expect(useAtlasStore.getState().draft?.relations.map((r) => r.label)).toEqual(['waters']);
  });

  it('are kept in the browser a moment after they are saved, as every edit is', async () => {
    vi.useFakeTimers();
    openDraft(threeConcepts());
    const fields = { source: water, target: towns, label: 'feeds', kind: 'supports' } as const;
    expect(saveRelation(fields)).toEqual([]);
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'pending' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect((storage.saved.get('d1') as Draft | undefined)?.relations).toEqual([
      { id: 'r-rivers-carry-water-towns-grow', ...fields },
    ]);
    expect(useAtlasStore.getState().draftSaving).toEqual({ state: 'saved' });
  });
});
