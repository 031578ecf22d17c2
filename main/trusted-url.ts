// Which URLs are our own app page, which may open in the system browser, and which web
// permissions the page gets. Pure, so every security decision is unit-tested.
import { APP_HOST, APP_SCHEME } from './app-protocol';

export type TrustContext = {
  /** Origin of the electron-vite dev server (e.g. http://localhost:5173), only when unpackaged. */
  devServerOrigin?: string | undefined;
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of our own renderer: app://pmo in production, the dev server in
 * development. Compared by scheme and host rather than `URL.origin`, because Node reports the
 * origin of a custom scheme as "null".
 */
export function isTrustedUrl(url: string, ctx: TrustContext): boolean {
  const parsed = parse(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  return ctx.devServerOrigin !== undefined && parsed.origin !== 'null' && parsed.origin === ctx.devServerOrigin;
}

/**
 * The dev server origin from ELECTRON_RENDERER_URL, only when the app is not packaged and the
 * URL is plain http(s) on the loopback interface: an environment variable must never make a
 * shipped app load remote content.
 */
export function parseDevServerUrl(envValue: string | undefined, isPackaged: boolean): URL | undefined {
  if (isPackaged || envValue === undefined || envValue === '') return undefined;
  const parsed = parse(envValue);
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed;
}

/**
 * The URL to hand to the system browser for a link the page tried to open or navigate to, or
 * null to just drop it. Only https is handed on: file:, javascript:, custom protocol handlers
 * and plain http (which a network attacker could rewrite) never reach the OS.
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}

/**
 * Web permissions are denied, with one exception: writing text to the clipboard
 * (navigator.clipboard.writeText for "copy cells") from our own page. Reading the clipboard
 * stays denied; paste arrives through the Edit menu's paste role as a normal paste event.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, ctx: TrustContext): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedUrl(requestingUrl, ctx);
}

/** True for the sender of an IPC message we accept: the top frame of our own page. */
export function isTrustedSender(sender: { url: string; isMainFrame: boolean } | null, ctx: TrustContext): boolean {
  return sender !== null && sender.isMainFrame && isTrustedUrl(sender.url, ctx);
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

/**
 * For will-navigate / will-redirect: our own pages may load in the window; anything else is
 * stopped, and an https link goes to the system browser instead.
 */
export function decideNavigation(url: string, ctx: TrustContext): NavigationDecision {
  return isTrustedUrl(url, ctx) ? { allow: true } : { allow: false, openExternally: externalUrlToOpen(url) };
}

/** URL patterns for session.webRequest: every request that could leave the machine. */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * The app is offline-first and the renderer's CSP already allows only 'self'; main also
 * cancels network requests, so a bug or injected script cannot send data anywhere. Only the
 * dev server (and its HMR websocket on the same host and port) is reachable, in development.
 */
export function isNetworkRequestAllowed(url: string, ctx: TrustContext): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  if (ctx.devServerOrigin === undefined) return false;
  const dev = new URL(ctx.devServerOrigin);
  return parsed.host === dev.host && parsed.username === '' && parsed.password === '';
}
