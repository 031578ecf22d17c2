// The app as a plain web page (npm run web, end-to-end tests, benchmarks): the same renderer
// as the desktop build, served on 127.0.0.1.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { rendererViteConfig, repoRoot } from './renderer.config.ts';

const base = rendererViteConfig();

export default defineConfig({
  ...base,
  build: {
    ...base.build,
    outDir: fileURLToPath(new URL('../out/web', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, fs: { allow: [repoRoot] } },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
