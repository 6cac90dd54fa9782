import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { NotesBox } from '../../../src/features/study/notes-box';
import { STUDY_KEY } from '../../../src/store/study-storage';
import { startStudySync } from '../../../src/store/study-sync';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { memoryStorage } from '../../fixtures/memory-storage';

function failingStorage(): Storage & { failWith: (name: string | null) => void } {
  const storage = memoryStorage();
  const write = storage.setItem.bind(storage);
  let failure: string | null = null;
  return Object.assign(storage, {
    setItem: (key: string, value: string) => {
      if (failure) throw new DOMException('refused', failure);
      write(key, value);
    },
    failWith: (name: string | null) => (failure = name),
  });
}

let stop = () => {};
afterEach(() => stop());

function setup() {
  const storage = failingStorage();
  stop = startStudySync(storage, null);
  const user = userEvent.setup();
  const view = render(<NotesBox conceptId="water" />);
  const box = () => screen.getByRole('textbox', { name: 'Your notes' });
  const savedText = () =>
    (
      JSON.parse(storage.getItem(STUDY_KEY) ?? '{"notes":{}}') as {
        notes: Record<string, { text: string }>;
      }
    ).notes.water?.text;
  return { storage, user, view, box, savedText };
}

describe('the notes box', () => {
  it('has a visible label and saves to the store and the browser as the student types', async () => {
    const { user, box, savedText } = setup();
    expect(screen.getByText('Your notes').tagName).toBe('LABEL');
    await user.type(box(), 'Pipes{Enter}# are veins');
    expect(box()).toHaveValue('Pipes\n# are veins');
    expect(useAtlasStore.getState().notes.water?.text).toBe('Pipes\n# are veins');
    expect(savedText()).toBe('Pipes\n# are veins');
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an alert when the storage is full, and keeps the text in the box and the store', async () => {
    const { storage, user, box, savedText } = setup();
    await user.type(box(), 'Before.');
    storage.failWith('QuotaExceededError');
    await user.type(box(), ' After.');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your notes could not be saved: the browser storage is full. Your text is still here; export your notes to keep them.',
    );
    expect(box()).toHaveValue('Before. After.');
    expect(box()).toHaveAccessibleDescription(/storage is full/);
    expect(useAtlasStore.getState().notes.water?.text).toBe('Before. After.');
    expect(savedText()).toBe('Before.');
    expect(screen.getByRole('status')).not.toHaveTextContent('Saved');

    storage.failWith(null);
    await user.type(box(), '!');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(savedText()).toBe('Before. After.!');
  });

  it('shows the note from the store again after unmounting and remounting', async () => {
    const { user, view, box } = setup();
    await user.type(box(), 'Remember me');
    view.unmount();
    expect(screen.queryByRole('textbox')).toBeNull();
    render(<NotesBox conceptId="water" />);
    expect(box()).toHaveValue('Remember me');
  });

  it('shows each concept its own note, and removes a note that is emptied', async () => {
    const { user, view, box, savedText } = setup();
    await user.type(box(), 'On water');
    view.rerender(<NotesBox conceptId="rain" />);
    expect(box()).toHaveValue('');
    await user.type(box(), 'On rain');
    view.rerender(<NotesBox conceptId="water" />);
    expect(box()).toHaveValue('On water');
    await user.clear(box());
    expect(useAtlasStore.getState().notes).toEqual({
      rain: expect.objectContaining({ text: 'On rain' }),
    });
    expect(savedText()).toBeUndefined();
  });
});
