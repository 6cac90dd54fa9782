import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenToPageKeys, registerKeys, type PageKey } from '../../src/shared/page-keys';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.body.innerHTML = '';
});

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

const keyOf = (key: string, perform: () => void, more: Partial<PageKey> = {}): PageKey => ({
  keys: [key],
  does: `Press ${key}`,
  test: (e) => e.key === key,
  perform,
  ...more,
});

describe('the page keys', () => {
  it('run the first matching key, the group of higher precedence first, once', () => {
    const map = vi.fn();
    const tour = vi.fn();
    stops.push(listenToPageKeys());
    stops.push(registerKeys({ title: 'Map', keys: [keyOf('Escape', map)] }));
    const leaveTour = registerKeys({ title: 'Tour', precedence: 1, keys: [keyOf('Escape', tour)] });
    expect(press('Escape').defaultPrevented).toBe(true);
    expect([tour.mock.calls.length, map.mock.calls.length]).toEqual([1, 0]);
    leaveTour();
    press('Escape');
    expect([tour.mock.calls.length, map.mock.calls.length]).toEqual([1, 1]);
  });

  it('leave text fields and open dialogs alone, unless a key says otherwise', () => {
    const plain = vi.fn();
    const always = vi.fn();
    stops.push(listenToPageKeys());
    stops.push(
      registerKeys({
        title: 'Keys',
        keys: [keyOf('?', plain), keyOf('k', always, { whileTyping: true, inDialog: true })],
      }),
    );
    const input = document.body.appendChild(document.createElement('input'));
    expect(press('?', input).defaultPrevented).toBe(false);
    press('k', input);
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    press('?');
    press('k');
    expect([plain.mock.calls.length, always.mock.calls.length]).toEqual([0, 2]);
    dialog.remove();
    press('?');
    expect(plain).toHaveBeenCalledTimes(1);
  });

  it('list keys without an action, and never run them', () => {
    stops.push(listenToPageKeys());
    stops.push(registerKeys({ title: 'Map', keys: [{ keys: ['Tab'], does: 'Move on' }] }));
    expect(press('Tab').defaultPrevented).toBe(false);
  });

  it('listen once however often they are asked to, so no key runs twice', () => {
    const step = vi.fn();
    const first = listenToPageKeys();
    const second = listenToPageKeys();
    stops.push(registerKeys({ title: 'Tour', keys: [keyOf('PageDown', step)] }));
    press('PageDown');
    expect(step).toHaveBeenCalledTimes(1);
    first();
    press('PageDown');
    expect(step).toHaveBeenCalledTimes(2);
    second();
    press('PageDown');
    expect(step).toHaveBeenCalledTimes(2);
  });
});
