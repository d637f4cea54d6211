/** The pretrained-VAE widgets' plan, parsing, summaries and formats (no DOM, no worker). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CHECKPOINT,
  DATASET,
  ELBO_GAP_PLAN,
  PRIOR_SAMPLES_PLAN,
  STRIP_SIZE,
  TEST_COUNT,
  boundName,
  drawSeed,
  formatError,
  formatEstimate,
  parseImageNumber,
  planRequests,
  planSamples,
  stripStart,
  summarize,
} from '../../../src/components/widgets/pretrained-bounds';
import { meanEstimate } from '../../../src/core/bound-summary';
import { loadDatasetFile } from '../../../src/core/data/node';
import { assertClose } from '../../core/helpers';

describe('CHECKPOINT, DATASET and TEST_COUNT', () => {
  test('match the checkpoint’s sidecar and the MNIST file’s header (2,000 test images)', async () => {
    const sidecar = JSON.parse(
      readFileSync(resolve(import.meta.dirname, `../../../public/checkpoints/${CHECKPOINT}.json`), 'utf8'),
    ) as { dataset: string; testCount: number };
    expect(sidecar.dataset).toBe(DATASET);
    expect(sidecar.testCount).toBe(TEST_COUNT);
    expect((await loadDatasetFile('mnist')).testCount).toBe(TEST_COUNT);
  });
});

describe('parseImageNumber(raw)', () => {
  test.each([
    // raw, expected
    ['0', { ok: true, value: 0 }],
    [' 1999 ', { ok: true, value: 1999 }],
    ['#42', { ok: true, value: 42 }], // as the strip labels read
    ['1,234', { ok: true, value: 1234 }], // thousands separator
    ['7.0', { ok: true, value: 7 }],
    ['2000', { ok: false, reason: 'outOfRange' }], // one past the last
    ['-1', { ok: false, reason: 'outOfRange' }],
    ['2.5', { ok: false, reason: 'notAnInteger' }],
    ['', { ok: false, reason: 'notANumber' }],
    ['abc', { ok: false, reason: 'notANumber' }],
    ['12abc', { ok: false, reason: 'notANumber' }],
  ])('parseImageNumber(%j)', (raw, expected) => {
    expect(parseImageNumber(raw)).toEqual(expected);
  });
});

describe('stripStart(image)', () => {
  test.each([
    [0, 0],
    [3, 0],
    [10, 7], // image 10 is the 4th of 8
    [1999, TEST_COUNT - STRIP_SIZE], // the strip stays inside the set
  ])('stripStart(%i) = %i', (image, start) => {
    expect(stripStart(image)).toBe(start);
    expect(image - start).toBeGreaterThanOrEqual(0);
    expect(image - start).toBeLessThan(STRIP_SIZE);
  });
});

describe('planRequests(plan, image) and planSamples(plan)', () => {
  test('chapter 3 sends 100 ELBO draws and 50, 20, 6, 4 repeats of K = 1, 5, 50, 500: 2,550 draws of z', () => {
    const requests = planRequests(ELBO_GAP_PLAN, 5);
    expect(requests).toHaveLength(100 + 50 + 20 + 6 + 4);
    expect(planSamples(ELBO_GAP_PLAN)).toBe(100 + 50 + 5 * 20 + 50 * 6 + 500 * 4);
    expect(requests.filter((r) => r.series === 'L500').every((r) => r.k === 500 && r.image === 5)).toBe(true);
    expect(requests[0]).toMatchObject({ series: 'elbo', k: 1, repeat: 0 });
  });
  test('every estimate of every image has its own seed, and the same question gets the same seed again', () => {
    const seeds = [0, 1, 1999].flatMap((image) => planRequests(ELBO_GAP_PLAN, image).map((r) => r.seed));
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(seeds.every((seed) => Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)).toBe(true);
    expect(drawSeed(7, 'L5', 3)).toBe(drawSeed(7, 'L5', 3));
  });
  test('chapter 1 asks the same questions as chapter 3 (same seeds), so a digit gets the same ELBO in both', () => {
    const chapter1 = planRequests(PRIOR_SAMPLES_PLAN, 9);
    const chapter3 = new Map(planRequests(ELBO_GAP_PLAN, 9).map((r) => [`${r.series}/${r.repeat}`, r.seed]));
    expect(chapter1).toHaveLength(104);
    for (const r of chapter1) expect(chapter3.get(`${r.series}/${r.repeat}`), `${r.series}/${r.repeat}`).toBe(r.seed);
  });
});

describe('summarize(plan, values)', () => {
  const plan = PRIOR_SAMPLES_PLAN;
  const elbo = Array.from({ length: 100 }, (_, i) => -110 + (i % 5));
  const bound = [-103, -102.5, -102.8, -102.7];

  test('shows nothing for a series until all its repeats are in', () => {
    const partial = summarize(
      plan,
      new Map([
        ['elbo', elbo],
        ['L500', bound.slice(0, 3)],
      ]),
    );
    expect(partial.elbo).toEqual(meanEstimate(elbo));
    expect(partial.ladder).toEqual([{ k: 500, estimate: null }]);
    expect(partial.gap).toBeNull();
    expect(partial.climbs).toBeNull();
  });
  test('the gap is 𝓛₅₀₀ − ELBO with standard errors in quadrature', () => {
    const done = summarize(
      plan,
      new Map([
        ['elbo', elbo],
        ['L500', bound],
      ]),
    );
    const [e, b] = [meanEstimate(elbo), meanEstimate(bound)];
    assertClose(done.gap!.mean, b.mean - e.mean, 1e-12);
    assertClose(done.gap!.standardError, Math.hypot(e.standardError, b.standardError), 1e-12);
    assertClose(done.gap!.mean, -102.75 + 108, 1e-12);
    expect(done.climbs).toBe(true);
  });
  test('a ladder that falls by far more than its error bars is flagged', () => {
    const values = new Map<string, number[]>([['elbo', elbo]]);
    ELBO_GAP_PLAN.ladder.forEach((series, i) =>
      values.set(
        series.key,
        Array.from({ length: series.repeats }, (_, r) => -100 - 3 * i + (r % 2) * 0.1),
      ),
    );
    expect(summarize(ELBO_GAP_PLAN, values).climbs).toBe(false);
  });
});

describe('formats', () => {
  test('formatEstimate writes the mean like the lab (one decimal above 10) and the standard error to two digits', () => {
    expect(formatEstimate({ mean: -104.83, standardError: 0.2512 })).toBe('−104.8 ± 0.25');
    expect(formatEstimate({ mean: 4.637, standardError: 1.44 })).toBe('4.64 ± 1.4');
    expect(formatEstimate(null)).toBe('—');
    expect(formatError(Number.NaN)).toBe('—');
    expect(formatError(12.4)).toBe('12');
  });
  test('boundName(500) is 𝓛 with a subscript 500', () => {
    expect(boundName(500)).toBe('𝓛₅₀₀');
    expect(boundName(1)).toBe('𝓛₁');
  });
});
