import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/components/error-boundary';

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
});
