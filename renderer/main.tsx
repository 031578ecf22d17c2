// Renderer entry: one store, one React root. Runs unchanged in Electron and in a browser.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppStore } from './state/app-store';
import { detectPlatform } from './platform/platform';
import './styles/app.css';

const store = new AppStore(detectPlatform());
void store.init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
