// resolveAppPath: app:// URLs map into the renderer directory and never outside it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, resolveAppPath } from './app-protocol';

const root = '/opt/pmo/resources/app.asar/out/renderer';

describe('resolveAppPath', () => {
  it('serves index.html for the entry URL and the bare origin', () => {
    expect(resolveAppPath(root, APP_ENTRY_URL, path.posix)).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, `${APP_ORIGIN}/`, path.posix)).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, APP_ORIGIN, path.posix)).toBe(`${root}/index.html`);
  });

  it('serves assets by path, ignoring query and hash', () => {
    expect(resolveAppPath(root, 'app://pmo/assets/index-abc123.js?v=1#x', path.posix)).toBe(
      `${root}/assets/index-abc123.js`,
    );
    expect(resolveAppPath(root, 'app://pmo/assets/My%20Font.woff2', path.posix)).toBe(`${root}/assets/My Font.woff2`);
  });

  it('serves index.html for extensionless routes', () => {
    expect(resolveAppPath(root, 'app://pmo/portfolio/projects', path.posix)).toBe(`${root}/index.html`);
  });

  it('refuses other schemes, hosts and credentials', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'https://pmo/index.html', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'app://evil/index.html', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'app://user:pw@pmo/index.html', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'not a url', path.posix)).toBeNull();
  });

  it('never leaves the root through .. in any spelling', () => {
    const attempts = [
      'app://pmo/../../../../etc/passwd',
      'app://pmo/assets/../../secret.txt',
      'app://pmo/%2e%2e/%2e%2e/etc/passwd',
      'app://pmo/%2E%2E/secret.txt',
      'app://pmo/.%2e/secret.txt',
      'app://pmo/assets%2f..%2f..%2fsecret.txt',
      'app://pmo/%2e%2e%2f%2e%2e%2fsecret.txt',
    ];
    for (const url of attempts) {
      const resolved = resolveAppPath(root, url, path.posix);
      if (resolved !== null) expect(resolved.startsWith(`${root}/`)).toBe(true);
    }
    // The ones that survive URL parsing as a literal ".." after decoding are refused outright.
    expect(resolveAppPath(root, 'app://pmo/assets%2f..%2f..%2fsecret.txt', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'app://pmo/%2e%2e%2f%2e%2e%2fsecret.txt', path.posix)).toBeNull();
  });

  it('refuses encoded backslashes, NUL, malformed escapes and drive letters', () => {
    expect(resolveAppPath(root, 'app://pmo/..%5c..%5csecret.txt', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'app://pmo/index.html%00.png', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'app://pmo/%E0%A4%A', path.posix)).toBeNull();
    expect(resolveAppPath(root, 'app://pmo/C:/Windows/win.ini', path.posix)).toBeNull();
    // A doubled or encoded leading slash is not an absolute path: it stays under the root.
    expect(resolveAppPath(root, 'app://pmo//etc/hosts.txt', path.posix)).toBe(`${root}/etc/hosts.txt`);
    expect(resolveAppPath(root, 'app://pmo/%2Fetc%2Fhosts.txt', path.posix)).toBe(`${root}/etc/hosts.txt`);
  });

  it('keeps Windows paths inside the root', () => {
    const winRoot = 'C:\\Program Files\\PMO Workbench\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath(winRoot, 'app://pmo/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppPath(winRoot, 'app://pmo/..%5C..%5Cwin.ini', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://pmo/D:%5Cwin.ini', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://pmo/%5C%5Cserver%5Cshare%5Cx.js', path.win32)).toBeNull();
  });
});
