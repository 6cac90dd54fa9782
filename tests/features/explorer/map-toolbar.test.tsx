import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MapToolbar } from '../../../src/features/explorer/map-toolbar';
import { useAtlasStore } from '../../../src/store/atlas-store';

describe('the map toolbar', () => {
  it('offers to fade or hide what is outside the focus only once there is a focus', async () => {
    const user = userEvent.setup();
    render(<MapToolbar />);
    // With Focus off, no choice looks both selected and unavailable.
    expect(screen.getByRole('radio', { name: 'Off' })).toBeChecked();
    expect(screen.queryByRole('group', { name: 'Outside focus' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Fade' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '1 step' }));
    expect(screen.getByRole('group', { name: 'Outside focus' })).toBeEnabled();
    expect(screen.getByRole('radio', { name: 'Fade' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Hide' }));
    expect(useAtlasStore.getState().focusMode).toBe('hide');
  });
});
