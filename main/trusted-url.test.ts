// Trusted origins, dev-server parsing, external links and permissions.
import { describe, expect, it } from 'vitest';
import { decideNavigation, externalUrlToOpen, isNetworkRequestAllowed, isPermissionAllowed, isTrustedSender, isTrustedUrl, parseDevServerUrl } from './trusted-url';

const prod = {};
const dev = { devServerOrigin: 'http://localhost:5173' };

describe('isTrustedUrl', () => {
  it('trusts pages of app://pmo', () => {
    expect(isTrustedUrl('app://pmo/index.html', prod)).toBe(true);
    expect(isTrustedUrl('app://pmo/', prod)).toBe(true);
    expect(isTrustedUrl('app://pmo', prod)).toBe(true);
    expect(isTrustedUrl('app://pmo/index.html#/projects?id=1', prod)).toBe(true);
  });

  it('does not trust look-alikes', () => {
    for (const url of [
      'app://pmo.evil.com/index.html',
      'app://evil/index.html',
      'app://user@pmo/index.html',
      'apps://pmo/index.html',
      'https://pmo/index.html',
      'file:///opt/pmo/out/renderer/index.html',
      'about:blank',
      'data:text/html,<h1>x</h1>',
      'javascript:alert(1)',
      '',
      'pmo',
    ]) {
      expect(isTrustedUrl(url, prod), url).toBe(false);
    }
  });

  it('trusts the dev server only in development and only on its exact origin', () => {
    expect(isTrustedUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', prod)).toBe(false);
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts only the main frame of a trusted page', () => {
    expect(isTrustedSender({ url: 'app://pmo/index.html', isMainFrame: true }, prod)).toBe(true);
    expect(isTrustedSender({ url: 'app://pmo/index.html', isMainFrame: false }, prod)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true }, prod)).toBe(false);
    expect(isTrustedSender(null, prod)).toBe(false);
  });
});

describe('parseDevServerUrl', () => {
  it('accepts a loopback http URL when not packaged', () => {
    expect(parseDevServerUrl('http://localhost:5173', false)?.origin).toBe('http://localhost:5173');
    expect(parseDevServerUrl('http://127.0.0.1:5173/', false)?.origin).toBe('http://127.0.0.1:5173');
    expect(parseDevServerUrl('http://[::1]:5173/', false)?.origin).toBe('http://[::1]:5173');
  });

  it('ignores the variable in a packaged app', () => {
    expect(parseDevServerUrl('http://localhost:5173', true)).toBeUndefined();
  });

  it('refuses remote hosts, other schemes and junk', () => {
    expect(parseDevServerUrl('http://evil.example:5173', false)).toBeUndefined();
    expect(parseDevServerUrl('http://localhost.evil.example', false)).toBeUndefined();
    expect(parseDevServerUrl('file:///tmp/index.html', false)).toBeUndefined();
    expect(parseDevServerUrl('http://a:b@localhost:5173', false)).toBeUndefined();
    expect(parseDevServerUrl('::', false)).toBeUndefined();
    expect(parseDevServerUrl('', false)).toBeUndefined();
    expect(parseDevServerUrl(undefined, false)).toBeUndefined();
  });
});

describe('externalUrlToOpen', () => {
  it('passes https links to the system browser', () => {
    expect(externalUrlToOpen('https://example.com/docs?q=1')).toBe('https://example.com/docs?q=1');
  });

  it('drops everything else', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:a@b.c',
      'app://pmo/index.html',
      'https://user:pw@example.com/',
      'not a url',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });
});

describe('isPermissionAllowed', () => {
  it('allows only clipboard writes, and only for our page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://pmo', prod)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example', prod)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'hid', 'usb', 'serial']) {
      expect(isPermissionAllowed(permission, 'app://pmo/index.html', prod), permission).toBe(false);
    }
  });
});

describe('decideNavigation', () => {
  it('lets our pages load and sends https links to the browser', () => {
    expect(decideNavigation('app://pmo/index.html', prod)).toEqual({ allow: true });
    expect(decideNavigation('https://example.com/help', prod)).toEqual({ allow: false, openExternally: 'https://example.com/help' });
    expect(decideNavigation('file:///etc/passwd', prod)).toEqual({ allow: false, openExternally: null });
    expect(decideNavigation('http://localhost:5173/', prod)).toEqual({ allow: false, openExternally: null });
    expect(decideNavigation('http://localhost:5173/', dev)).toEqual({ allow: true });
  });
});

describe('isNetworkRequestAllowed', () => {
  it('blocks every network request in production', () => {
    for (const url of ['https://example.com/x.js', 'http://localhost:5173/', 'wss://example.com/socket', 'http://169.254.169.254/']) {
      expect(isNetworkRequestAllowed(url, prod), url).toBe(false);
    }
  });

  it('allows the dev server and its HMR socket in development only', () => {
    expect(isNetworkRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isNetworkRequestAllowed('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isNetworkRequestAllowed('http://localhost:5174/', dev)).toBe(false);
    expect(isNetworkRequestAllowed('https://example.com/', dev)).toBe(false);
  });

  it('leaves local schemes alone', () => {
    expect(isNetworkRequestAllowed('app://pmo/assets/a.js', prod)).toBe(true);
    expect(isNetworkRequestAllowed('data:text/plain,hi', prod)).toBe(true);
    expect(isNetworkRequestAllowed('blob:app://pmo/1234', prod)).toBe(true);
    expect(isNetworkRequestAllowed('not a url', prod)).toBe(false);
  });
});
