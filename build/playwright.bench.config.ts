// Benchmarks (npm run bench): pages under test/bench driven in Chromium. They print figures and
// ratios measured side by side in one run; they assert only that the work was done.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: fileURLToPath(new URL('../test/bench', import.meta.url)),
  testMatch: '*.bench.ts',
  outputDir: fileURLToPath(new URL('../test-results/bench', import.meta.url)),
  timeout: 15 * 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:5174',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    },
  },
  webServer: [
    {
      command: 'npx vite build --config build/vite.bench.config.ts && npx vite preview --config build/vite.bench.config.ts',
      cwd: root,
      url: 'http://127.0.0.1:5174/db.html',
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The app itself (built by `npm run bench` first), for benchmarks of its views.
      command: 'npx vite preview --config build/vite.web.config.ts',
      cwd: root,
      url: 'http://127.0.0.1:5173',
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
