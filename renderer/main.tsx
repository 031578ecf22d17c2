// Renderer entry: one store, one React root. Runs unchanged in Electron and in a browser.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppStore } from './state/app-store';
import { detectPlatform } from './platform/platform';
import { canRegisterServiceWorker } from './platform/offline-policy';
import './styles/app.css';

declare const __SERVICE_WORKER__: boolean;

const store = new AppStore(detectPlatform());
void store.init();

// The browser edition works offline through a service worker. The desktop build defines
// __SERVICE_WORKER__ false; tested first, it lets the bundler drop the import from that bundle.
if (__SERVICE_WORKER__ && canRegisterServiceWorker({ built: __SERVICE_WORKER__, protocol: location.protocol, supported: 'serviceWorker' in navigator })) {
  void import('./platform/offline').then((m) => m.registerOfflineSupport(store));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
