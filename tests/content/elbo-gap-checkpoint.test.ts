/** Chapter 3's gap on the pretrained MNIST model: the ELBO on the very images and binarization its K = 500 bound used. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getSplit } from '../../src/core/data';
import { loadDatasetFile } from '../../src/core/data/node';
import { modelFromCheckpoint, parseCheckpoint } from '../../src/core/checkpoint';
import { importanceWeightedBound } from '../../src/core/estimators';
import { Rng } from '../../src/core/random';
import { IW_IMAGES, binarizeCopy, type CheckpointReport } from '../../scripts/checkpoint/models';
import { readChapterFiles } from '../helpers/chapters';
import { useBackend } from '../core/helpers';

const DIR = resolve(import.meta.dirname, '../../public/checkpoints');
/** One-sample ELBO draws per image: 10,000 in all, so the mean is fixed far below the quoted 0.1 nat. */
const ELBO_DRAWS = 20;

const mean = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0) / values.length;
/** A number as the chapter prints it: one decimal, a real minus sign. */
const quoted = (value: number): string => value.toFixed(1).replace('-', '\u2212');

beforeAll(() => useBackend('wasm'));
afterAll(() => useBackend('cpu'));

describe('evidence-lower-bound: the pretrained model’s gap, on one set of images', () => {
  test('the ELBO on the first 500 binarized test images, the recorded L_500 on them, and the chapter quotes both', async () => {
    const report = JSON.parse(readFileSync(resolve(DIR, 'mnist-z16.json'), 'utf8')) as CheckpointReport;
    const checkpoint = parseCheckpoint(readFileSync(resolve(DIR, 'mnist-z16.bin')));
    const model = modelFromCheckpoint(checkpoint);
    try {
      const test = getSplit(await loadDatasetFile('mnist'), 'test');
      const { seed, inputSize } = checkpoint.config;
      expect(report.final.importanceWeighted.images).toBe(IW_IMAGES);
      // The same call the checkpoint script makes for its L_500, so both numbers see the same black-and-white images.
      const pixels = binarizeCopy(test.images, IW_IMAGES * inputSize, seed);
      const draws = Array.from({ length: ELBO_DRAWS }, (_, i) =>
        mean(importanceWeightedBound(model, pixels, IW_IMAGES, 1, new Rng(seed, 100 + i))),
      );
      const elbo = mean(draws);
      const bound = report.final.importanceWeighted.bound;
      const gap = bound - elbo;
      expect(gap).toBeGreaterThan(0);
      for (const chapter of readChapterFiles().filter((f) => f.slug === 'evidence-lower-bound')) {
        for (const value of [bound, elbo, report.final.testElbo])
          expect(chapter.body, chapter.lang).toContain(quoted(value));
        expect(chapter.body, chapter.lang).toMatch(new RegExp(`${Math.round(gap)} (nats|奈特)`));
      }
    } finally {
      model.dispose();
    }
  });
});
