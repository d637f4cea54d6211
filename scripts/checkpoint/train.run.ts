/** Not a test: `node scripts/checkpoint/train.mjs` runs this file under vitest to train and write the checkpoints. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { getSplit } from '../../src/core/data';
import { loadDatasetFile } from '../../src/core/data/node';
import { CHECKPOINT_SPECS, trainCheckpoint } from './models';

/** Where the checkpoints go: public/checkpoints, served by the site under its base path. */
const OUT_DIR = resolve(import.meta.dirname, '../../public/checkpoints');

test('train the shipped checkpoints', async () => {
  const only = process.env.CHECKPOINT_ONLY?.split(',').filter(Boolean) ?? [];
  const epochs = process.env.CHECKPOINT_EPOCHS ? Number(process.env.CHECKPOINT_EPOCHS) : undefined;
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  await tf.ready();
  const backend = tf.getBackend();
  mkdirSync(OUT_DIR, { recursive: true });
  for (const spec of CHECKPOINT_SPECS.filter((s) => only.length === 0 || only.includes(s.name))) {
    const dataset = await loadDatasetFile(spec.dataset);
    const started = performance.now();
    const { bytes, report } = trainCheckpoint(
      spec,
      getSplit(dataset, 'train'),
      getSplit(dataset, 'test'),
      backend,
      console.log,
      epochs ?? spec.epochs,
    );
    writeFileSync(join(OUT_DIR, `${spec.name}.bin`), bytes);
    writeFileSync(join(OUT_DIR, `${spec.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `${spec.name}: ${(bytes.length / 1e6).toFixed(2)} MB, test ELBO ${report.final.testElbo.toFixed(2)}, ` +
        `IW(k=${report.final.importanceWeighted.k}) ${report.final.importanceWeighted.bound.toFixed(2)} nats, ` +
        `${((performance.now() - started) / 1000).toFixed(0)} s on ${backend}`,
    );
  }
}, 3_600_000);
