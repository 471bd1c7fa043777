import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests (domain + server units), API integration tests over real HTTP
// against a real database (PGlite by default, PostgreSQL when DATABASE_URL is set) and browser
// journeys in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/domain/src/**/*.test.ts',
            'apps/server/src/**/*.unit.test.ts',
            'apps/web/src/**/*.unit.test.ts',
            'scripts/**/*.unit.test.ts',
          ],
          environment: 'node',
          // PDF renders and the type-check test take seconds each on a loaded shared machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/server/test/**/*.test.ts'],
          // Deliberate rule violations cruised by architecture.unit.test.ts, not tests.
          exclude: ['apps/server/test/fixtures/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/tests/**/*.test.ts'],
          environment: 'node',
          // No retry: a browser test waits for the states its pages declare (data-ready, enabled
          // buttons), so it passes on the first run or fails for a reason.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
