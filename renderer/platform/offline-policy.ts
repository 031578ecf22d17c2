// Whether this page may register the browser edition's service worker. Pure, tested in Node
// (offline-policy.test.ts). The desktop app serves the same renderer from app://, where a
// service worker must never be registered (Electron's protocol handler is the cache and the
// app updates with its installer), and a page opened from file:// cannot have one.

export interface ServiceWorkerContext {
  /** True only in the browser build (vite.web.config.ts defines __SERVICE_WORKER__). */
  built: boolean;
  /** location.protocol, e.g. "https:". */
  protocol: string;
  /** Whether navigator.serviceWorker exists (absent in insecure contexts and some browsers). */
  supported: boolean;
}

export function canRegisterServiceWorker({ built, protocol, supported }: ServiceWorkerContext): boolean {
  return built && supported && (protocol === 'http:' || protocol === 'https:');
}
