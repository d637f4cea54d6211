/** Images from bytes: the same batches, rows and evaluations as from floats, and a set's float copy is never made. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { BatchStream, validateImageSet } from '../../src/core/batches';
import { toUnitFloats } from '../../src/core/data';
import { imageRows, type ImageSet } from '../../src/core/evaluate';
import { Trainer } from '../../src/core/trainer';
import { Rng } from '../../src/core/random';
import { useBackend } from './helpers';

const SIDE = 6;
const COUNT = 40;
const SIZES = { batchSize: 8, inputSize: SIDE * SIDE, latentSize: 2 };

/** `count` images of random bytes, as bytes and as the floats byte / 255 made from them. */
function byteImages(count: number, seed: number): { bytes: Uint8Array; labels: Uint8Array } {
  const rng = new Rng(seed, 5);
  const bytes = Uint8Array.from({ length: count * SIDE * SIDE }, () => Math.floor(rng.uniform() * 256));
  return { bytes, labels: Uint8Array.from({ length: count }, (_, i) => i % 3) };
}

/** An image set whose float `images` throw when read: only its bytes may be used. */
function bytesOnly(bytes: Uint8Array, labels: Uint8Array): ImageSet {
  return {
    count: labels.length,
    labels,
    pixels: bytes,
    get images(): Float32Array {
      throw new Error('the float images were read');
    },
  };
}

describe('BatchStream over bytes', () => {
  const { bytes, labels } = byteImages(COUNT, 3);
  const floats: ImageSet = { count: COUNT, labels, images: toUnitFloats(bytes) };

  test.each([true, false])('gives bit-identical batches to the float images over three epochs (binarize %s)', (bin) => {
    const fromFloats = new BatchStream(floats, SIZES, 11);
    const fromBytes = new BatchStream(bytesOnly(bytes, labels), SIZES, 11);
    for (let step = 0; step < 15; step++) {
      fromFloats.next(bin);
      fromBytes.next(bin);
      expect(fromBytes.pixels).toEqual(fromFloats.pixels);
      expect(fromBytes.noise).toEqual(fromFloats.noise);
    }
  });

  test('binarized batches are 0 or 1, and plain ones the bytes / 255', () => {
    const stream = new BatchStream(bytesOnly(bytes, labels), SIZES, 2);
    stream.next(true);
    expect(new Set(stream.pixels)).toEqual(new Set([0, 1]));
    stream.next(false);
    expect(Math.max(...stream.pixels)).toBeLessThanOrEqual(1);
    expect(stream.pixels.some((p) => p > 0 && p < 1)).toBe(true);
  });

  test('validateImageSet counts the bytes, without reading the float images', () => {
    expect(validateImageSet(bytesOnly(bytes, labels), SIDE * SIDE, 'training data')).toEqual([]);
    const short = bytesOnly(bytes.subarray(1), labels);
    expect(validateImageSet(short, SIDE * SIDE, 'training data')[0]?.message).toMatch(/has 1439 pixels/);
  });
});

describe('imageRows', () => {
  const { bytes, labels } = byteImages(COUNT, 6);
  const floats = toUnitFloats(bytes);
  const size = SIDE * SIDE;

  test('copies rows from the bytes, equal to the floats, without reading the floats', () => {
    const rows = imageRows(bytesOnly(bytes, labels), size, 5, 3);
    expect(rows).toEqual(floats.slice(5 * size, 8 * size));
    rows.fill(0);
    expect(toUnitFloats(bytes).slice(5 * size, 8 * size)).toEqual(floats.slice(5 * size, 8 * size));
  });

  test('copies rows from the floats when a set has no bytes: a copy, not a view', () => {
    const set: ImageSet = { count: COUNT, labels, images: floats.slice() };
    const rows = imageRows(set, size, 0, 2);
    expect(rows).toEqual(floats.slice(0, 2 * size));
    rows.fill(0);
    expect(set.images.slice(0, 2 * size)).toEqual(floats.slice(0, 2 * size));
  });
});

describe('a Trainer on a training set given as bytes', () => {
  const live: Trainer[] = [];
  beforeAll(async () => void (await useBackend('cpu')));
  afterEach(() => live.splice(0).forEach((t) => t.dispose()));

  test('evaluates a held-out set given as bytes to the same numbers as from its floats, without reading them', () => {
    const { bytes, labels } = byteImages(COUNT, 7);
    const heldOut = byteImages(16, 8);
    const config = { inputSize: SIDE * SIDE, hiddenSizes: [8], latentSize: 2, batchSize: 8, seed: 1, evalSize: 12 };
    const [fromBytes, fromFloats] = [
      new Trainer(config, bytesOnly(bytes, labels), bytesOnly(heldOut.bytes, heldOut.labels)),
      new Trainer(config, bytesOnly(bytes, labels), {
        count: 16,
        labels: heldOut.labels,
        images: toUnitFloats(heldOut.bytes),
      }),
    ];
    live.push(fromBytes, fromFloats);
    expect(fromBytes.evaluate()).toEqual(fromFloats.evaluate());
  });

  test('trains and evaluates without ever reading the training set as floats', () => {
    const { bytes, labels } = byteImages(COUNT, 4);
    const heldOut = byteImages(16, 5);
    const trainer = new Trainer(
      { inputSize: SIDE * SIDE, hiddenSizes: [8], latentSize: 2, batchSize: 8, seed: 1 },
      bytesOnly(bytes, labels),
      { count: 16, labels: heldOut.labels, images: toUnitFloats(heldOut.bytes) },
    );
    live.push(trainer);
    const metrics = Array.from({ length: 12 }, () => trainer.step());
    expect(metrics.every((m) => Number.isFinite(m.elbo))).toBe(true);
    expect(Number.isFinite(trainer.evaluate().elbo)).toBe(true);
  });
});
