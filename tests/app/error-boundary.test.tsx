import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, problemReport, reloadBuiltIn } from '../../src/app/error-boundary';
import { OPEN_BUNDLE_KEY } from '../../src/features/bundle/bundle-actions';

let broken = true;
function Fragile() {
  if (broken) throw new Error('the map fell over');
  return <p>The map is back.</p>;
}

describe('the error boundary', () => {
  it('shows a recoverable message instead of a blank page, and recovers', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getByText('the map fell over')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Back to the whole map' }));
    expect(screen.getByText('The map is back.')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/');
  });

  it('offers the built-in map, forgetting an opened one, and a report to copy', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    const user = userEvent.setup();
    // After the setup, which puts a clipboard of its own in place.
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('button', { name: 'Reload the built-in map' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy a problem report' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('the map fell over'));
    expect(await screen.findByText(/The report is copied/)).toBeInTheDocument();
  });

  it('forgets the opened map and drops ?bundle= when reloading the built-in map', () => {
    const replace = vi.fn();
    const removeItem = vi.fn();
    const win = {
      location: { href: 'https://school.example/atlas/?bundle=x.json#/concept/a', replace },
      localStorage: { removeItem },
    } as unknown as Window;
    reloadBuiltIn(win);
    expect(removeItem).toHaveBeenCalledWith(OPEN_BUNDLE_KEY);
    expect(replace).toHaveBeenCalledWith('https://school.example/atlas/#/');
    const report = problemReport(new Error('boom'), {
      location: { href: 'https://school.example/' },
      navigator: { userAgent: 'Test browser' },
    } as unknown as Window);
    expect(report).toMatch(
      /^Concept Atlas stopped: boom\nPage: https:\/\/school.example\/\nBrowser: Test browser/,
    );
  });
});
