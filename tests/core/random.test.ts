import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type Rng, STREAMS, createRng } from '../../src/core/random';
import { assertClose } from './helpers';

function moments(values: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, variance: ss / (values.length - 1) };
}

describe('Rng', () => {
  test('new Rng(seed) gives the same sequence for the same seed and stream', () => {
    const a = createRng(42, 3);
    const b = createRng(42, 3);
    for (let i = 0; i < 100; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  test('new Rng(seed, stream) gives different sequences for different seeds or streams', () => {
    const first = (rng: Rng) => Array.from({ length: 8 }, () => rng.nextUint32());
    expect(first(createRng(1))).not.toEqual(first(createRng(2)));
    expect(first(createRng(1, 0))).not.toEqual(first(createRng(1, 1)));
  });

  test('rng.uniform() lies in [0, 1) with mean ½ and variance 1/12 (within 4 standard errors)', () => {
    const n = 200_000;
    const rng = createRng(7);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = rng.uniform();
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const { mean, variance } = moments(values);
    // SE of the mean is sqrt(1/12 / n); SE of the variance is sqrt((1/80 − 1/144) / n).
    assertClose(mean, 0.5, 4 * Math.sqrt(1 / 12 / n), 'mean');
    assertClose(variance, 1 / 12, 4 * Math.sqrt((1 / 80 - 1 / 144) / n), 'variance');
  });

  test('rng.normal() has mean 0, variance 1 and fourth moment 3 (within 4 standard errors)', () => {
    const n = 200_000;
    const values = createRng(11).fillNormal(new Float64Array(n));
    const { mean, variance } = moments(values);
    const fourth = values.reduce((s, v) => s + v ** 4, 0) / n;
    assertClose(mean, 0, 4 / Math.sqrt(n), 'mean');
    // Var(z²) = 2 and Var(z⁴) = 105 − 9 = 96 for a standard normal.
    assertClose(variance, 1, 4 * Math.sqrt(2 / n), 'variance');
    assertClose(fourth, 3, 4 * Math.sqrt(96 / n), 'fourth moment');
  });

  test('rng.shuffle(items) returns a permutation and depends on the seed', () => {
    const items = Uint32Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRng(3).shuffle(items.slice());
    expect(Array.from(shuffled).sort((a, b) => a - b)).toEqual(Array.from(items));
    expect(Array.from(shuffled)).not.toEqual(Array.from(items));
    expect(Array.from(createRng(3).shuffle(items.slice()))).toEqual(Array.from(shuffled));
  });

  test('rng.setState(rng.getState()) replays the same numbers, including a pending Box–Muller spare', () => {
    const rng = createRng(5);
    rng.normal();
    const saved = rng.getState();
    const next = [rng.normal(), rng.normal(), rng.uniform()];
    rng.setState(saved);
    expect([rng.normal(), rng.normal(), rng.uniform()]).toEqual(next);
  });
});

describe('STREAMS', () => {
  test('gives every use of randomness its own stream, with the numbers saved runs and checkpoints were made with', () => {
    expect(STREAMS).toEqual({ request: 0, shuffle: 1, epsilon: 2, binarize: 3, evaluation: 4, init: 7, preview: 11 });
    expect(new Set(Object.values(STREAMS)).size).toBe(Object.keys(STREAMS).length);
  });

  test('is the only source of stream numbers in src/core and src/worker: each generator there names its STREAMS entry', () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const files = ['core', 'worker'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && file !== 'random.ts')
        .map((file) => join(dir, file)),
    );
    const calls = files.flatMap((file) =>
      [
        ...readFileSync(join(root, file), 'utf8').matchAll(/(?:new Rng|createRng)\(([^()]*(?:\([^()]*\))?[^()]*)\)/g),
      ].map((m) => `${file}: ${m[1]}`),
    );
    expect(calls.length).toBeGreaterThanOrEqual(7);
    expect(calls.filter((call) => !/,\s*STREAMS\.\w+$/.test(call))).toEqual([]);
  });
});
