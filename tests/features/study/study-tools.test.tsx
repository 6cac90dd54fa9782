import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudyTools } from '../../../src/features/study/study-tools';
import { exportNotesMarkdown } from '../../../src/model/notes-markdown';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { makeConcept, makeGraph, makeRelation } from '../../fixtures/atlas-fixture';
import { fixtureAtlas } from '../../fixtures/load-fixture';

const graph = makeGraph({
  concepts: [
    makeConcept({ id: 'water', label: 'Clean water', passages: [{ exact: 'Cities need water.' }] }),
    makeConcept({
      id: 'pipes',
      label: 'Water pipes',
      section: 'pipes',
      passages: [{ exact: 'Water needs pipes.' }],
    }),
    makeConcept({
      id: 'rain',
      label: 'Rain',
      section: 'rain',
      passages: [{ exact: 'Rain fills' }],
    }),
  ],
  relations: [
    makeRelation({ source: 'rain', target: 'water' }),
    makeRelation({ source: 'pipes', target: 'water' }),
  ],
});

// jsdom has no object URLs and does not navigate; the download is observed through these.
const created: Blob[] = [];
const clicked: { href: string; download: string }[] = [];
beforeEach(() => {
  created.length = 0;
  clicked.length = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return 'blob:notes';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push({ href: this.href, download: this.download });
  });
});
afterEach(() => {
  delete (URL as { createObjectURL?: unknown }).createObjectURL;
  delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
});

async function setup() {
  const atlas = await fixtureAtlas(graph);
  useAtlasStore.getState().setAtlas(atlas);
  const user = userEvent.setup();
  render(<StudyTools />);
  return { user, atlas };
}

const fileInput = () => screen.getByLabelText<HTMLInputElement>('Notes file to import');

describe('study tools', () => {
  it('downloads the notes as notes.md', async () => {
    const { user } = await setup();
    act(() => useAtlasStore.getState().setNote('pipes', 'Pipes are > veins\n# really'));
    await user.click(screen.getByRole('button', { name: 'Export notes (Markdown)' }));
    expect(created).toHaveLength(1);
    const text = await created[0]!.text();
    expect(text).toContain('### Water pipes {#pipes}');
    expect(text).toContain('Pipes are > veins\n\\# really');
    expect(created[0]!.type).toMatch(/^text\/markdown/);
    expect(clicked).toEqual([{ href: 'blob:notes', download: 'notes.md' }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Downloaded notes.md with 1 note.');
  });

  it('says so instead of downloading an empty file when there are no notes', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Export notes (Markdown)' }));
    expect(created).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('You have no notes to export yet.');
  });

  it('imports a notes file, merging it with the notes already here', async () => {
    const { user, atlas } = await setup();
    const file = exportNotesMarkdown(atlas, {
      water: { text: 'From the file' },
      rain: { text: 'Rain note' },
      gone: { text: 'A retired concept' },
    });
    act(() => {
      useAtlasStore.getState().setNote('water', 'Typed here');
      useAtlasStore.getState().setNote('pipes', 'Untouched');
    });
    const button = screen.getByRole('button', { name: 'Import notes' });
    const opened = vi.fn();
    fileInput().addEventListener('click', opened);
    await user.click(button);
    expect(opened).toHaveBeenCalledOnce();

    await user.upload(fileInput(), new File([file], 'notes.md', { type: 'text/markdown' }));
    const status = screen.getByRole('status');
    await within(status).findByText('Imported 2 notes (1 new, 1 added to a note you already had).');
    expect(within(status).getByRole('listitem')).toHaveTextContent(
      /“gone” \(\{#gone\}\) is not a concept in this map/,
    );
    const { notes } = useAtlasStore.getState();
    expect(notes.water?.text).toBe('Typed here\n\nFrom the file');
    expect(notes.rain?.text).toBe('Rain note');
    expect(notes.pipes?.text).toBe('Untouched');
    expect(notes.gone).toBeUndefined();

    // The same file again adds nothing twice.
    await user.upload(fileInput(), new File([file], 'notes.md', { type: 'text/markdown' }));
    await within(status).findByText('Your notes already hold everything in this file.');
    expect(useAtlasStore.getState().notes.water?.text).toBe('Typed here\n\nFrom the file');
  });

  it('shows progress and asks before resetting it: Cancel and Escape keep it', async () => {
    const { user } = await setup();
    act(() => {
      const store = useAtlasStore.getState();
      store.select('water');
      store.select('rain');
      store.markQuizzed(['water']);
      store.setNote('water', 'Keep me');
    });
    expect(screen.getByText('Visited 2 of 3 concepts · Quizzed 1')).toBeInTheDocument();

    const reset = screen.getByRole('button', { name: 'Reset progress…' });
    await user.click(reset);
    const dialog = screen.getByRole('dialog', { name: 'Reset your progress?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reset).toHaveFocus();
    expect(useAtlasStore.getState().visited).toEqual(['water', 'rain']);

    await user.click(reset);
    expect(screen.getByRole('dialog', { name: 'Reset your progress?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useAtlasStore.getState().quizzed).toEqual(['water']);
  });

  it('erases visits and quizzes, but not notes, once confirmed', async () => {
    const { user } = await setup();
    act(() => {
      const store = useAtlasStore.getState();
      store.select('water');
      store.markQuizzed(['water', 'rain']);
      store.setNote('water', 'Keep me');
    });
    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset your progress?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reset progress' }));
    const state = useAtlasStore.getState();
    expect(state.visited).toEqual([]);
    expect(state.quizzed).toEqual([]);
    expect(state.notes.water?.text).toBe('Keep me');
    expect(screen.getByText('Visited 0 of 3 concepts · Quizzed 0')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Progress reset. Your notes are kept.');
  });
});
