import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PrintDialog } from '../../../src/features/study/print-dialog';
import { useAtlasStore } from '../../../src/store/atlas-store';

describe('the print dialog', () => {
  it('prints the handout, with the student’s notes if they choose', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    useAtlasStore.getState().setNote('pipes', 'Ask about the old ones.');
    useAtlasStore.getState().setPrintOpen(true);
    const user = userEvent.setup();
    render(<PrintDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Print a handout' });
    const notes = screen.getByRole('checkbox', { name: 'Include my notes (1 concept)' });
    expect(notes).not.toBeChecked();
    await user.click(notes);
    expect(useAtlasStore.getState().handoutNotes).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    // Closed before the browser prints.
    expect(useAtlasStore.getState().printOpen).toBe(false);
    expect(dialog).not.toHaveAttribute('open');
  });

  it('says so when there are no notes to include', () => {
    useAtlasStore.getState().setPrintOpen(true);
    render(<PrintDialog />);
    expect(
      screen.getByRole('checkbox', { name: 'Include my notes (you have written none yet)' }),
    ).toBeDisabled();
  });
});
