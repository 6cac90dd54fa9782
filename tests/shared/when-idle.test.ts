import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../src/shared/when-idle';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('asks the browser for an idle moment, at most `timeout` ms away, and can cancel it', () => {
    const requested = vi.fn((_: IdleRequestCallback, _options?: IdleRequestOptions) => 7);
    const cancelled = vi.fn();
    vi.stubGlobal('requestIdleCallback', requested);
    vi.stubGlobal('cancelIdleCallback', cancelled);
    const action = vi.fn();
    const cancel = whenIdle(action, 2000);
    expect(requested).toHaveBeenCalledWith(action, { timeout: 2000 });
    cancel();
    expect(cancelled).toHaveBeenCalledWith(7);
  });

  it('without idle callbacks, runs in a task of its own, or after the fallback delay', () => {
    vi.useFakeTimers();
    const soon = vi.fn();
    const later = vi.fn();
    whenIdle(soon, 3000);
    whenIdle(later, 3000, 500);
    expect(soon).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(soon).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(499);
    expect(later).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(later).toHaveBeenCalledOnce();
  });

  it('without idle callbacks, can still be cancelled', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    whenIdle(action, 3000, 500)();
    vi.advanceTimersByTime(1000);
    expect(action).not.toHaveBeenCalled();
  });
});
