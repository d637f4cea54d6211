/** Test projects: `unit` (pure code and content, no build), `site` (checks over the built site), `e2e` (real Chromium); `bench` is for `npm run bench` only. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/site/**', 'tests/fixtures/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Not a test: `npm run bench` runs it to time the engine in Node. `npm test` never selects it.
        test: {
          name: 'bench',
          include: ['bench/node.run.ts'],
          environment: 'node',
          testTimeout: 600_000,
        },
      },
    ],
  },
});
