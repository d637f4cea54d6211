/** Test projects: `unit` and `unit-isolated` (pure code and content, fast; `npm run test:unit` runs both), `slow` (trains models), `site` (the built site), `e2e` (real Chromium); `bench` is for `npm run bench` only. */
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
// Timeouts here catch a hang, never a slow machine (speed is the benchmark's job). `npm test` runs the Node projects at a
// low CPU priority beside the browser tests, and where other work keeps the machine busy they get a few per cent of a
// core: with two busy loops beside `npm test`, the service-worker build test (1.5 s alone) timed out at 60 s, and the
// slowest trainer test took 75 s.
const NODE_TIMEOUT = 180_000;
const SLOW_TIMEOUT = 300_000;
const NOT_UNIT = ['tests/e2e/**', 'tests/site/**', 'tests/fixtures/**'];
// Unit tests that need fresh modules per file. tfjs keeps its registered backends, kernels and the active backend in
// module state: the backend tests register fakes and switch backends, the fused-Adam tests register kernels, helpers'
// test needs wasm *not* registered, the sandbox's backend tests start their own. Plot numbers its clip paths from a
// module counter (the chart snapshots). The notebook's lockdown changes globals.
const OWN_MODULES = [
  'tests/charts/**/*.test.ts',
  'tests/core/backend/**/*.test.ts',
  'tests/core/adam-kernels.test.ts',
  'tests/core/adam-wasm.test.ts',
  'tests/core/helpers.test.ts',
  'tests/notebook/sandbox-backend*.test.ts',
  'tests/notebook/lockdown.test.ts',
  'tests/bench/**/*.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...NOT_UNIT, ...SLOW, ...OWN_MODULES],
          environment: 'node',
          testTimeout: NODE_TIMEOUT,
          // A beforeAll that trains a small model (estimators) ran past vitest's default 10 s on a loaded machine.
          hookTimeout: NODE_TIMEOUT,
          // Importing the chapters' modules, Plot and the content loaders again for every file was over half the unit
          // run; a worker keeps them between files instead. These files leave nothing behind that another depends on:
          // the project passes with its files in other orders (`--sequence.shuffle.files --sequence.seed=N`).
          isolate: false,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          include: OWN_MODULES,
          exclude: [...NOT_UNIT, ...SLOW],
          environment: 'node',
          testTimeout: NODE_TIMEOUT,
          hookTimeout: NODE_TIMEOUT,
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          environment: 'node',
          testTimeout: SLOW_TIMEOUT,
          hookTimeout: SLOW_TIMEOUT,
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
          // One worker process for every file, keeping playwright-core and the helpers loaded: a fresh process per file
          // cost about 1.3 s each (7 files: 98 s isolated, 89 s not). Each file still connects, opens and closes its
          // own browser contexts, so no page state crosses files.
          isolate: false,
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
