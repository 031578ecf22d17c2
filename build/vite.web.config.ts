// The app as a plain web page (npm run web, end-to-end tests, benchmarks): the same renderer
// as the desktop build, served on 127.0.0.1. Only this build is an installable offline web app
// (vite-plugin-pwa: a web app manifest and a Workbox service worker that precaches the app
// shell); the desktop build (electron.vite.config.ts) has neither, and never registers one.
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { rendererViteConfig, repoRoot } from './renderer.config.ts';
import { DEFAULT_WEB_PORT, webPort } from './web-port.ts';

const base = rendererViteConfig();
// Overridable so two checkouts (or two engineers' test runs) can build and serve side by side.
const chosen = webPort(process.env);
const port = 'port' in chosen ? chosen.port : DEFAULT_WEB_PORT;
const outDir = process.env['PMO_WEB_OUT'] ?? fileURLToPath(new URL('../out/web', import.meta.url));

export default defineConfig(({ command }) => ({
  ...base,
  define: {
    ...base.define,
    // Built files register the service worker (renderer/platform/offline.ts); the dev server
    // (npm run web:dev) has none to register.
    __SERVICE_WORKER__: JSON.stringify(command === 'build'),
  },
  plugins: [
    ...(base.plugins ?? []),
    VitePWA({
      // A new version waits until the user says "Reload" in the app's notice
      // (renderer/platform/offline.ts registers it, with workbox-window): no script injected.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: './',
        name: 'PMO Workbench',
        short_name: 'PMO Workbench',
        description: 'Offline-first workbench for a project management office: portfolio, roadmap, capacity and RAID, kept on this computer.',
        start_url: './',
        scope: './',
        display: 'standalone',
        // The header's colour and the page background (renderer/styles/app.css --top, --bg).
        theme_color: '#1f3a5f',
        background_color: '#f4f6f9',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The glob below already takes the icons and the favicon from public/: listed once.
      includeManifestIcons: false,
      workbox: {
        // The whole app shell: page, chunks, the three workers, styles, fonts, wasm, icons.
        globPatterns: ['**/*.{html,js,css,wasm,woff,woff2,ttf,svg,png,ico,webmanifest}'],
        // The main bundle is about 2.4 MB and the exchange worker 0.7 MB: Workbox's 2 MiB default
        // would leave the app out of the cache and offline start would fail.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Every navigation is the one page, also offline.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first version takes over the page that installed it, so the app works offline from
        // the first visit. A later version still waits for the user's Reload (no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  build: {
    ...base.build,
    outDir,
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port, strictPort: true, fs: { allow: [repoRoot] } },
  preview: { host: '127.0.0.1', port, strictPort: true },
}));
