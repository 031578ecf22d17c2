// Unit tests by runtime: shared/, main/ and the build scripts' decisions (build/) in plain Node;
// the database layer in Node over fake-indexeddb (a fresh in-memory IndexedDB per test file).
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    projects: [
      {
        test: {
          name: 'node',
          root,
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'build/**/*.test.ts', 'test/corpus/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'db',
          root,
          environment: 'node',
          include: ['renderer/**/*.test.ts'],
          setupFiles: ['test/setup/fake-indexeddb.ts'],
        },
      },
    ],
  },
});
