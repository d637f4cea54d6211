/** Test projects: `unit` (pure code and content, fast), `slow` (trains models), `site` (the built site), `e2e` (real Chromium); `bench` is for `npm run bench` only. */
import { defineConfig } from 'vitest/config';

// Tests that train or evaluate real models for seconds each. `npm run test:unit` leaves them out so the inner loop stays
// under a minute; `npm test` runs them as the `slow` project.
const SLOW = [
  'tests/core/trick-on-real-vae.test.ts',
  'tests/core/trainer.test.ts',
  'tests/core/bound-summary.test.ts',
  'tests/core/toys/gradient-estimators.test.ts',
  'tests/core/model.test.ts',
  'tests/core/mnist.test.ts',
  'tests/core/objective.test.ts',
  'tests/core/data/generated.test.ts',
  'tests/worker/importance-weighted-offset.test.ts',
  'tests/**/*.slow.test.ts',
];
const NOT_UNIT = ['tests/e2e/**', 'tests/site/**', 'tests/fixtures/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...NOT_UNIT, ...SLOW],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          environment: 'node',
          testTimeout: 120_000,
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
