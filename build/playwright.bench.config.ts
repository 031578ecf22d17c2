// Benchmarks (npm run bench): pages under test/bench driven in Chromium. They print figures and
// ratios measured side by side in one run; they assert only that the work was done.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// PMO_WEB_PORT / PMO_WEB_OUT (the app) and PMO_BENCH_PORT / PMO_BENCH_OUT (the bench pages) let two
// runs work side by side, as in playwright.config.ts.
const appUrl = `http://127.0.0.1:${process.env['PMO_WEB_PORT'] ?? 5173}`;
const benchUrl = `http://127.0.0.1:${process.env['PMO_BENCH_PORT'] ?? 5174}`;

export default defineConfig({
  testDir: fileURLToPath(new URL('../test/bench', import.meta.url)),
  testMatch: '*.bench.ts',
  outputDir: process.env['PMO_TEST_RESULTS'] ?? fileURLToPath(new URL('../test-results/bench', import.meta.url)),
  timeout: 15 * 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: benchUrl,
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
      url: `${benchUrl}/db.html`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The app itself (built by `npm run bench` first), for benchmarks of its views.
      command: 'npx vite preview --config build/vite.web.config.ts',
      cwd: root,
      url: appUrl,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
