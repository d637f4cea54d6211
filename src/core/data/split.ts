/** Train/test accessors over a parsed Dataset: pixels scaled to [0, 1] as Float32Array rows, labels as bytes. */
import type { Dataset } from './format';

/** Which part of the fixed split. */
export type SplitName = 'train' | 'test';

/**
 * One split: `images` is count × pixelsPerImage floats in [0, 1], row-major, made on first read; `pixels` (the same
 * images as bytes) and `labels` are views into the file.
 */
export interface DatasetSplit {
  readonly count: number;
  readonly pixelsPerImage: number;
  readonly images: Float32Array;
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

/** byte / 255 for every byte value, so scaling is a table lookup with one rounding. */
const UNIT = Float32Array.from({ length: 256 }, (_, b) => b / 255);

/** Scales bytes 0–255 to floats in [0, 1] (into `out` when given). */
export function toUnitFloats(bytes: Uint8Array, out: Float32Array = new Float32Array(bytes.length)): Float32Array {
  if (out.length < bytes.length) throw new RangeError(`toUnitFloats: out holds ${out.length}, needs ${bytes.length}`);
  for (let i = 0; i < bytes.length; i++) out[i] = UNIT[bytes[i]!]!;
  return out;
}

/** The index range of a split within the file's image order (train first, then test). */
function range(dataset: Dataset, which: SplitName): readonly [start: number, count: number] {
  return which === 'train' ? [0, dataset.trainCount] : [dataset.trainCount, dataset.testCount];
}

/**
 * The train or test split (a new object each call). Its float `images` are converted on first read and kept: training
 * reads the bytes batch by batch (BatchStream), so MNIST's 60,000 training images never become a 188 MB float copy.
 */
export function getSplit(dataset: Dataset, which: SplitName): DatasetSplit {
  const [start, count] = range(dataset, which);
  const p = dataset.pixelsPerImage;
  const pixels = dataset.pixels.subarray(start * p, (start + count) * p);
  let images: Float32Array | null = null;
  return {
    count,
    pixelsPerImage: p,
    get images() {
      return (images ??= toUnitFloats(pixels));
    },
    pixels,
    labels: dataset.labels.subarray(start, start + count),
  };
}

/** Copies the images at `indices` of a split, as floats in [0, 1], into one batch (into `out` when given). */
export function gatherImages(
  dataset: Dataset,
  which: SplitName,
  indices: ArrayLike<number>,
  out = new Float32Array(indices.length * dataset.pixelsPerImage),
): Float32Array {
  const [start, count] = range(dataset, which);
  const p = dataset.pixelsPerImage;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!(Number.isInteger(i) && i >= 0 && i < count))
      throw new RangeError(`gatherImages: index ${i} is outside the ${which} split (0…${count - 1})`);
    const from = (start + i) * p;
    toUnitFloats(dataset.pixels.subarray(from, from + p), out.subarray(k * p, (k + 1) * p));
  }
  return out;
}
