import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from '../../src/app/update-prompt';
import { dismissUpdate, offerUpdate } from '../../src/app/update-signal';

const message = 'A new version of Concept Atlas is ready.';

/** What the service worker module does when a new version has installed and waits. */
function newVersionWaits() {
  const apply = vi.fn();
  act(() => offerUpdate(apply));
  return apply;
}

afterEach(() => dismissUpdate());

describe('the update prompt', () => {
  it('shows nothing while no new version waits', () => {
    render(<UpdatePrompt />);
    expect(screen.getByRole('status', { name: 'Updates' })).toBeEmptyDOMElement();
    expect(screen.queryByText(message)).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers the new version in a status region when one waits', () => {
    render(<UpdatePrompt />);
    newVersionWaits();
    const status = screen.getByRole('status', { name: 'Updates' });
    expect(status).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Reload now' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Later' })).toBeInTheDocument();
  });

  it('switches to the new version on “Reload now”', async () => {
    const user = userEvent.setup();
    render(<UpdatePrompt />);
    const apply = newVersionWaits();
    await user.click(screen.getByRole('button', { name: 'Reload now' }));
    expect(apply).toHaveBeenCalledOnce();
  });

  it('goes away on “Later” without updating, and gives focus back', async () => {
    const user = userEvent.setup();
    render(
      <>
        <UpdatePrompt />
        <button type="button">Present</button>
      </>,
    );
    const apply = newVersionWaits();
    screen.getByRole('button', { name: 'Present' }).focus();
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Reload now' })).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.queryByText(message)).not.toBeInTheDocument();
    expect(apply).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });

  it('is reached by keyboard and works with Enter', async () => {
    const user = userEvent.setup();
    render(<UpdatePrompt />);
    const apply = newVersionWaits();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Reload now' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(apply).toHaveBeenCalledOnce();
  });
});
