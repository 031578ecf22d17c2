// The app as a plain web page (npm run web, end-to-end tests, benchmarks): the same renderer
// as the desktop build, served on 127.0.0.1.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { rendererViteConfig, repoRoot } from './renderer.config.ts';

const base = rendererViteConfig();
// Overridable so two checkouts (or two engineers' test runs) can build and serve side by side.
const port = Number(process.env['PMO_WEB_PORT'] ?? 5173);
const outDir = process.env['PMO_WEB_OUT'] ?? fileURLToPath(new URL('../out/web', import.meta.url));

export default defineConfig({
  ...base,
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
});
