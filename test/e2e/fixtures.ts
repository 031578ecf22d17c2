// The one `test` every end-to-end spec imports. Each test's page is watched for console errors
// and uncaught exceptions, and the test fails at teardown if any appeared (a spec expecting
// some names them with `test.use({ allowedConsoleErrors: [...] })`). `test.use({ start: 'demo' })`
// opens the app on the sample portfolio before each test of a spec.
import { expect, test as base } from '@playwright/test';
import { AppPage } from './pages/app-page';

export interface E2eOptions {
  /** Console errors a spec expects, by pattern; any other fails the test. */
  allowedConsoleErrors: RegExp[];
  /** Where each test starts: a blank page (it navigates itself) or the app with the sample portfolio open. */
  start: 'blank' | 'demo';
}

interface E2eFixtures {
  /** Console errors and page errors seen so far in this test. */
  consoleErrors: string[];
  /** Opens the app as `start` says; automatic. */
  started: void;
}

export const test = base.extend<E2eOptions & E2eFixtures>({
  allowedConsoleErrors: [[], { option: true }],
  start: ['blank', { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(errors);
      expect(errors.filter((e) => !allowedConsoleErrors.some((p) => p.test(e))), 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  started: [
    async ({ page, start, consoleErrors }, use) => {
      void consoleErrors; // watching starts before the app opens
      if (start === 'demo') {
        const app = new AppPage(page);
        await app.goto();
        await app.openDemoFromWelcome();
      }
      await use();
    },
    { auto: true },
  ],
});

export { expect };
