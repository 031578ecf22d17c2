// Benchmark pages (test/bench/*.html): built like the app, served by vite preview, driven by
// Playwright in Chromium so the figures come from a real IndexedDB.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('../test/bench', import.meta.url)),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir: process.env['PMO_BENCH_OUT'] ?? fileURLToPath(new URL('../out/bench', import.meta.url)),
    emptyOutDir: true,
    minify: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        db: fileURLToPath(new URL('../test/bench/db.html', import.meta.url)),
        exchange: fileURLToPath(new URL('../test/bench/exchange.html', import.meta.url)),
        capacity: fileURLToPath(new URL('../test/bench/capacity.html', import.meta.url)),
      },
    },
  },
  preview: { host: '127.0.0.1', port: Number(process.env['PMO_BENCH_PORT'] ?? 5174), strictPort: true },
});
