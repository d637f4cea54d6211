import { describe, expect, it } from 'vitest';
import {
  CLASS_NAMES,
  DATASET_NAMES,
  className,
  gatherImages,
  getSplit,
  parseDataset,
  toUnitFloats,
} from '../../../src/core/data';
import { tinyFile } from './helpers';

const ds = parseDataset(tinyFile());

describe('getSplit(dataset, which)', () => {
  it('getSplit(ds, "train") is the first trainCount images, scaled by 1/255', () => {
    const train = getSplit(ds, 'train');
    expect(train.count).toBe(4);
    expect(train.images.length).toBe(4 * 6);
    expect(Array.from(train.labels)).toEqual([0, 1, 2, 0]);
    expect(train.images[7]).toBeCloseTo(41 / 255, 7); // image 1, pixel 1
  });

  it('makes the float images on first read, once, from the bytes', () => {
    const train = getSplit(ds, 'train');
    const first = train.images;
    expect(train.images).toBe(first);
    expect(first).toEqual(toUnitFloats(train.pixels));
  });

  it('getSplit(ds, "test") is the rest, with its labels', () => {
    const test = getSplit(ds, 'test');
    expect(test.count).toBe(2);
    expect(Array.from(test.pixels.subarray(0, 3))).toEqual([160, 161, 162]);
    expect(Array.from(test.labels)).toEqual([1, 2]);
  });
});

describe('toUnitFloats(bytes, out?)', () => {
  it('maps 0 → 0 and 255 → 1 exactly', () => {
    expect(Array.from(toUnitFloats(Uint8Array.of(0, 255)))).toEqual([0, 1]);
  });

  it('throws a RangeError when out is too small', () => {
    expect(() => toUnitFloats(new Uint8Array(4), new Float32Array(3))).toThrow(RangeError);
  });
});

describe('gatherImages(ds, which, indices, out?)', () => {
  it('copies the chosen images of a split in order', () => {
    const batch = gatherImages(ds, 'test', [1, 0]);
    expect(Array.from(batch.subarray(0, 2), (v) => Math.round(v * 255))).toEqual([200, 201]);
    expect(Math.round(batch[6]! * 255)).toBe(160);
  });

  it('writes into a caller-owned buffer (no allocation per batch)', () => {
    const out = new Float32Array(12);
    expect(gatherImages(ds, 'train', [3, 3], out)).toBe(out);
    expect(Math.round(out[6]! * 255)).toBe(120);
  });

  describe.each([
    ['past the end of the split', 2],
    ['negative', -1],
    ['fractional', 0.5],
  ])('with an index %s', (_, index) => {
    it('throws a RangeError naming the split', () => {
      expect(() => gatherImages(ds, 'test', [index])).toThrow(/outside the test split \(0…1\)/);
    });
  });
});

describe('CLASS_NAMES', () => {
  it.each(DATASET_NAMES.flatMap((d) => (['en', 'zh'] as const).map((l) => [d, l] as const)))(
    '%s in %s has 10 distinct names',
    (d, lang) => {
      expect(new Set(CLASS_NAMES[d][lang]).size).toBe(10);
    },
  );

  it('className(dataset, label, lang) follows the published Fashion-MNIST order', () => {
    expect(className('fashion-mnist', 0, 'en')).toBe('T-shirt/top');
    expect(className('fashion-mnist', 9, 'en')).toBe('Ankle boot');
    expect(className('fashion-mnist', 1, 'zh')).toBe('裤子');
    expect(className('mnist', 7, 'zh')).toBe('7');
    expect(() => className('mnist', 10, 'en')).toThrow(RangeError);
  });
});
