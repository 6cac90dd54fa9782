import { describe, expect, it } from 'vitest';
import { registerServiceWorker, shouldRegisterServiceWorker } from '../../src/app/service-worker';

const hosted = { production: true, protocol: 'https:', hasServiceWorkers: true };

describe('registering the service worker', () => {
  it('happens only for the hosted production build in a browser that has service workers', () => {
    expect(shouldRegisterServiceWorker(hosted)).toBe(true);
    expect(shouldRegisterServiceWorker({ ...hosted, protocol: 'http:' })).toBe(true);
    expect(shouldRegisterServiceWorker({ ...hosted, production: false })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...hosted, hasServiceWorkers: false })).toBe(false);
  });

  it('never happens for the single file opened from disk', () => {
    expect(shouldRegisterServiceWorker({ ...hosted, protocol: 'file:' })).toBe(false);
  });

  it('does nothing in tests', async () => {
    expect(shouldRegisterServiceWorker()).toBe(false);
    await expect(registerServiceWorker()).resolves.toBeUndefined();
  });
});
