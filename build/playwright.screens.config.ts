// npm run screenshots: every view of the app at laptop sizes, written to test-results/screens
// for a person to look at (alignment, labels, empty states, long names).
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from './playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: fileURLToPath(new URL('../test/screens', import.meta.url)),
  testMatch: '*.screens.ts',
  workers: 1,
});
