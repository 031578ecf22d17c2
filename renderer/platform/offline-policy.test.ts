import { describe, expect, it } from 'vitest';
import { canRegisterServiceWorker } from './offline-policy';

describe('service worker registration', () => {
  it('happens in the browser build served over http or https', () => {
    expect(canRegisterServiceWorker({ built: true, protocol: 'https:', supported: true })).toBe(true);
    expect(canRegisterServiceWorker({ built: true, protocol: 'http:', supported: true })).toBe(true);
  });

  it("never happens under the desktop app's app:// protocol, nor from file://", () => {
    expect(canRegisterServiceWorker({ built: true, protocol: 'app:', supported: true })).toBe(false);
    expect(canRegisterServiceWorker({ built: true, protocol: 'file:', supported: true })).toBe(false);
  });

  it('never happens in a build without a service worker (desktop, dev server) or a browser without the API', () => {
    expect(canRegisterServiceWorker({ built: false, protocol: 'https:', supported: true })).toBe(false);
    expect(canRegisterServiceWorker({ built: true, protocol: 'https:', supported: false })).toBe(false);
  });
});
