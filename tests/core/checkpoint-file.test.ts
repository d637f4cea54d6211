import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getSplit } from '../../src/core/data';
import { loadDatasetFile } from '../../src/core/data/node';
import { modelFromCheckpoint, parseCheckpoint } from '../../src/core/checkpoint';
import { evaluateModel } from '../../src/core/evaluate';
import { CHECKPOINT_SPECS, type CheckpointReport } from '../../scripts/checkpoint/models';
import { assertClose, useBackend } from './helpers';

const DIR = resolve(import.meta.dirname, '../../public/checkpoints');
/** Held-out ELBO each shipped model must beat, nats per test image; measured (wasm, seed 1): −107.8, −158.6, −248.3. */
const ELBO_FLOOR: Readonly<Record<string, number>> = { 'mnist-z16': -110, 'mnist-z2': -162, 'fashion-mnist-z16': -252 };

beforeAll(() => useBackend('wasm'));
afterAll(() => useBackend('cpu'));

// The checkpoints are produced by `npm run train:checkpoint` (minutes of training), not by the test run, and are
// committed: a checkout without them fails here rather than skipping the check.
describe.each(CHECKPOINT_SPECS.map((spec) => [spec.name, spec] as const))('checkpoint %s', (name, spec) => {
  const binPath = resolve(DIR, `${name}.bin`);

  test(`public/checkpoints/${name}.bin loads, is ≤ 2 MB, and reproduces its recorded test ELBO`, async () => {
    for (const file of [binPath, resolve(DIR, `${name}.json`)]) {
      expect(existsSync(file), `${file} is missing: run npm run train:checkpoint`).toBe(true);
    }
    const bytes = readFileSync(binPath);
    const report = JSON.parse(readFileSync(resolve(DIR, `${name}.json`), 'utf8')) as CheckpointReport;
    expect(bytes.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    const checkpoint = parseCheckpoint(bytes);
    expect(checkpoint.config).toEqual(report.config);
    const model = modelFromCheckpoint(checkpoint);
    try {
      const test = getSplit(await loadDatasetFile(spec.dataset), 'test');
      const { binarize, seed } = checkpoint.config;
      const metrics = evaluateModel(model, test, { beta: 1, binarize, seed });
      // Same weights, data and evaluation seeds: only float32 summation order can differ between backends.
      assertClose(metrics.elbo, report.final.testElbo, 0.05, 'test ELBO vs the recorded one');
      expect(metrics.elbo).toBeGreaterThan(ELBO_FLOOR[name]!);
      // The importance-weighted estimate of log p(x) is a tighter bound than the ELBO.
      expect(report.final.importanceWeighted.bound).toBeGreaterThan(report.final.testElbo);
    } finally {
      model.dispose();
    }
  });
});
