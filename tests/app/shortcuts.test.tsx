import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { useAtlasStore } from '../../src/store/atlas-store';
import { atlasWithTour } from '../fixtures/tour-fixture';

/** The rows of the shortcuts list, table by table: its caption, then `keys: what they do`. */
function listed(dialog: HTMLElement) {
  return within(dialog)
    .getAllByRole('table')
    .map((table) => [
      table.querySelector('caption')?.textContent,
      ...within(table)
        .getAllByRole('row')
        .map((row) => {
          const keys = [...row.querySelectorAll('kbd')].map((k) => k.textContent).join(' ');
          return `${keys}: ${row.querySelector('td')?.textContent}`;
        }),
    ]);
}

async function openShortcuts(view: 'map' | 'tour') {
  useAtlasStore.getState().setAtlas(await atlasWithTour());
  if (view === 'tour') useAtlasStore.setState({ view, tour: { id: 'small', step: 1 } });
  const user = userEvent.setup();
  render(<App />);
  if (view === 'tour') await screen.findByText('Step 1 of 3');
  (document.activeElement as HTMLElement | null)?.blur();
  await user.keyboard('?');
  return { user, dialog: await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }) };
}

describe('the list of keyboard shortcuts', () => {
  it('lists the keys of the map, as they were declared', async () => {
    const { dialog } = await openShortcuts('map');
    const [map, search, ...others] = listed(dialog);
    expect(others).toEqual([]);
    expect(map?.[0]).toBe('Exploring the map');
    expect(search).toEqual([
      'Searching',
      '/: Search concepts',
      'Ctrl K: Search concepts (in the box: select the query to type over it)',
      '↑ ↓ Enter: Choose a search result',
    ]);
    expect(map).toContain('Esc: Clear the selection, or close a menu');
    expect(map).toContain('?: Show this list');
  });

  it('lists the tour keys during a tour, first, and they work', async () => {
    const { user, dialog } = await openShortcuts('tour');
    const [tour, map] = listed(dialog);
    expect(tour).toEqual([
      'Presenting a tour',
      '→ PageDown Space: Next step',
      '← PageUp: Previous step',
      'Home End: First or last step',
      'Esc: Leave the tour',
      'B .: Black the screen out, and back',
      'F: Fullscreen on or off',
    ]);
    expect(map?.[0]).toBe('Exploring the map');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(useAtlasStore.getState().shortcutsOpen).toBe(false));
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{PageDown}');
    expect(useAtlasStore.getState().tour?.step).toBe(2);
    await user.keyboard('{Escape}');
    expect(useAtlasStore.getState()).toMatchObject({ view: 'map', tour: null });
  });
});
