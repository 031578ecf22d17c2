// The renderer's Vite configuration, shared by the desktop build (electron-vite) and the
// browser build (vite.web.config.ts), so both ship the same app.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import pkg from '../package.json' with { type: 'json' };

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));

/**
 * The dev server (npm run web:dev, npm start) needs an inline React Refresh preamble and a
 * WebSocket for hot reload; only then is the CSP relaxed. Built files keep the strict policy.
 */
function devCspPlugin(): Plugin {
  return {
    name: 'pmo-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*");
    },
  };
}

export function rendererViteConfig(): UserConfig {
  return {
    root: rendererRoot,
    base: './',
    plugins: [react(), devCspPlugin()],
    define: {
      __APP_VERSION__: JSON.stringify(pkg.version),
      // Only the browser build has a service worker (vite.web.config.ts sets it for its build).
      __SERVICE_WORKER__: 'false',
    },
    worker: { format: 'es' },
    build: {
      minify: process.env['PMO_NO_MINIFY'] ? false : true,
      sourcemap: false,
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
    },
  };
}
