import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesBox } from '../../../src/features/study/notes-box';
import { StudyTools } from '../../../src/features/study/study-tools';
import { STUDY_BACKUP_KEY, STUDY_KEY } from '../../../src/store/study-storage';
import { startStudySync } from '../../../src/store/study-sync';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { memoryStorage } from '../../fixtures/memory-storage';

const at = '2026-03-01T10:00:00.000Z';
const savedValue = (notes: Record<string, unknown>) =>
  JSON.stringify({ version: 1, notes, visited: [], quizzed: [] });

// jsdom has no object URLs and does not navigate; the download is observed through these.
const created: Blob[] = [];
const clicked: string[] = [];
beforeEach(() => {
  created.length = 0;
  clicked.length = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return 'blob:set-aside';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this.download);
  });
});

let stop = () => {};
afterEach(() => {
  stop();
  delete (URL as { createObjectURL?: unknown }).createObjectURL;
  delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
});

function start(initial: Record<string, string>) {
  const storage = memoryStorage(initial);
  stop = startStudySync(storage, null);
  const saved = () =>
    (JSON.parse(storage.getItem(STUDY_KEY) ?? '{"notes":{}}') as { notes: Record<string, unknown> })
      .notes;
  return { storage, saved, user: userEvent.setup() };
}

const box = () => screen.getByRole('textbox', { name: 'Your notes' });

describe('saved notes that cannot all be read', () => {
  it('shows every note when one saved note has a date that cannot be read', () => {
    start({
      [STUDY_KEY]: savedValue({
        water: { text: 'Water is the first need.', updated: at },
        rain: { text: 'Rain fills the rivers.', updated: '2026-02-30T25:61:00Z' },
      }),
    });
    const view = render(<NotesBox conceptId="water" />);
    expect(box()).toHaveValue('Water is the first need.');
    view.rerender(<NotesBox conceptId="rain" />);
    expect(box()).toHaveValue('Rain fills the rivers.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sets aside only the notes without readable text, says how many, and downloads them', async () => {
    const raw = savedValue({
      water: { text: 'Still here.', updated: at },
      pipes: { text: 42, updated: at },
      rain: null,
    });
    const { user, storage } = start({ [STUDY_KEY]: raw });
    render(<NotesBox conceptId="water" />);
    expect(box()).toHaveValue('Still here.');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      '2 saved notes could not be read at all and were set aside; your other notes are here. Download the copy to keep them.',
    );
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe(raw);
    await user.click(screen.getByRole('button', { name: 'Download them' }));
    expect(clicked).toEqual(['notes-set-aside.txt']);
    const text = await created[0]!.text();
    expect(text).toContain(`${STUDY_BACKUP_KEY}\n${raw}`);
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box()).toHaveValue('Still here.');
  });

  it('restores the notes an earlier visit put aside, keeping both texts of a note changed since', async () => {
    // What one bad date used to do: every note went to the backup, and the student started again.
    const backup = savedValue({
      water: { text: 'Written before.', updated: 'last Tuesday' },
      rain: { text: 'Rain fills the rivers.', updated: at },
    });
    const { user, storage, saved } = start({
      [STUDY_KEY]: savedValue({ water: { text: 'Typed since.', updated: at } }),
      [STUDY_BACKUP_KEY]: backup,
    });
    const view = render(<NotesBox conceptId="water" />);
    expect(box()).toHaveValue('Typed since.');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Some saved notes could not be read. 2 notes can be restored from the copy kept in this browser, keeping the text you have now.',
    );

    await user.click(screen.getByRole('button', { name: 'Restore them' }));
    expect(box()).toHaveValue('Typed since.\n\nRestored from an earlier save:\nWritten before.');
    expect(
      screen.getByText(
        'Restored 2 notes: 1 brought back; 1 added below the note you have now, after “Restored from an earlier save:”.',
      ),
    ).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(saved()).toEqual({
      water: {
        text: 'Typed since.\n\nRestored from an earlier save:\nWritten before.',
        updated: expect.any(String),
      },
      rain: { text: 'Rain fills the rivers.', updated: expect.any(String) },
    });
    // The copy stays where it was; restoring again would add nothing.
    expect(storage.getItem(STUDY_BACKUP_KEY)).toBe(backup);
    view.rerender(<NotesBox conceptId="rain" />);
    expect(box()).toHaveValue('Rain fills the rivers.');
  });

  it('offers the restore in the study tools too, when no concept is selected', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    const { user } = start({
      [STUDY_KEY]: '{"version":1,"notes":{"water":{"text":"Cut sho',
      [`${STUDY_BACKUP_KEY}:2026-01-01T00:00:00.000Z`]: savedValue({
        rain: { text: 'From an older copy.' },
      }),
    });
    render(<StudyTools />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Some saved notes could not be read. 1 note can be restored',
    );
    await user.click(screen.getByRole('button', { name: 'Restore it' }));
    expect(useAtlasStore.getState().notes.rain?.text).toBe('From an older copy.');
    expect(screen.getByText('Restored 1 note: 1 brought back.')).toBeInTheDocument();
  });
});
