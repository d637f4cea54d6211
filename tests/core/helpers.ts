/** Shared test helpers: a tolerance assert, backend setup, and a synthetic structured image set. */
import { expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { Rng } from '../../src/core/random';
import type { ImageSet } from '../../src/core/trainer';

/** Asserts |actual − expected| ≤ tol (absolute), with a message naming both numbers. */
export function assertClose(actual: number, expected: number, tol: number, what = 'value'): void {
  const ok = Math.abs(actual - expected) <= tol;
  expect(ok, `${what}: ${actual} is not within ${tol} of ${expected} (off by ${Math.abs(actual - expected)})`).toBe(
    true,
  );
}

/** Asserts every element of `actual` is within tol of `expected`. */
export function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  what = 'array',
): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) assertClose(actual[i] as number, expected[i] as number, tol, `${what}[${i}]`);
}

/**
 * Switches tfjs to `name` ('cpu' for exact reproducibility, 'wasm' for speed). Throws when it cannot: a test that asks
 * for wasm and quietly ran on cpu would not test what it says (and its measured numbers would not apply).
 */
export async function useBackend(name: 'cpu' | 'wasm'): Promise<string> {
  const failure = await tf.setBackend(name).then(
    (ok) => (ok ? null : 'setBackend returned false'),
    (error: unknown) => String(error),
  );
  await tf.ready();
  if (failure !== null || tf.getBackend() !== name) {
    throw new Error(
      `The test asked for the ${name} backend but got ${tf.getBackend() ?? 'none'}${failure ? ` (${failure})` : ''}.`,
    );
  }
  return name;
}

/**
 * Synthetic structured images: each example is one of `classes` blurry strokes (a bar at a class-specific angle)
 * with a random offset and thickness, so a VAE can learn something in a few hundred steps.
 */
export function makeStrokes(count: number, side: number, seed: number, classes = 4): ImageSet {
  const rng = new Rng(seed, 99);
  const images = new Float32Array(count * side * side);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const label = n % classes;
    labels[n] = label;
    const angle = (Math.PI * label) / classes;
    const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
    const cx = (side - 1) / 2 + (rng.uniform() - 0.5) * side * 0.3;
    const cy = (side - 1) / 2 + (rng.uniform() - 0.5) * side * 0.3;
    const width = 0.6 + rng.uniform() * 0.8;
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        // Distance from the line through (cx, cy) in direction (dx, dy).
        const distance = Math.abs((x - cx) * dy - (y - cy) * dx);
        images[n * side * side + y * side + x] = Math.exp(-(distance * distance) / (2 * width * width));
      }
    }
  }
  return { images, labels, count };
}
