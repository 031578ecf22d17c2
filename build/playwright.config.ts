// End-to-end tests: the built renderer served on 127.0.0.1 by vite preview, driven in Debian's
// Chromium (Playwright cannot download browsers here). Each test gets a fresh browser context,
// so a fresh, real IndexedDB.
import { defineConfig, devices } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// PMO_WEB_PORT (and PMO_WEB_OUT for the build) let two test runs work side by side.
const url = `http://127.0.0.1:${process.env['PMO_WEB_PORT'] ?? 5173}`;

export default defineConfig({
  testDir: fileURLToPath(new URL('../test/e2e', import.meta.url)),
  outputDir: process.env['PMO_TEST_RESULTS'] ?? fileURLToPath(new URL('../test-results', import.meta.url)),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: url,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromium, args: ['--disable-gpu', '--disable-dev-shm-usage'] },
    trace: 'retain-on-failure',
    acceptDownloads: true,
  },
  webServer: {
    command: 'npx vite preview --config build/vite.web.config.ts',
    cwd: root,
    url,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
