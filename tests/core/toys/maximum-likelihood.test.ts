import { describe, expect, test } from 'vitest';
import {
  ASCENT_DEFAULTS,
  ascentPath,
  ascentStep,
  bestSlope,
  dataMean,
  datasetLogLikelihood,
  logLikelihoodGradient,
  logLikelihoodOverW,
  maximumLikelihood,
  meanSquareAround,
  pointLogLikelihoods,
} from '../../../src/core/toys/maximum-likelihood';
import type { LinearGaussian } from '../../../src/core/toys/linear-gaussian';
import { assertClose } from '../helpers';

/** Chapter 2's data. */
const DATA = [3, -1, 0, 2];
/** log N(x; m, v), written out here independently of src/core. */
const logNormal = (x: number, m: number, v: number) => -0.5 * Math.log(2 * Math.PI * v) - (x - m) ** 2 / (2 * v);

describe('pointLogLikelihoods(model, data) and datasetLogLikelihood(model, data)', () => {
  // Chapter 2's table, rounded to 3 decimals as printed there.
  test.each([
    [2, [-2.113, -2.113, -1.76, -1.76], -7.746],
    [1.5, [-2.177, -2.177, -1.577, -1.577], -7.508],
    [0.5, [-4.572, -4.572, -1.572, -1.572], -12.289],
    // the exercise: w = 2.5
    [2.5, [-2.163, -2.163, -1.932, -1.932], -8.189],
  ])('at w = %s, b = 1, s = 0.5 give the chapter table', (w, points, total) => {
    const model = { w, b: 1, s: 0.5 };
    expect(pointLogLikelihoods(model, DATA).map((v) => Number(v.toFixed(3)))).toEqual(points);
    expect(Number(datasetLogLikelihood(model, DATA).toFixed(3))).toBe(total);
  });

  test('equal the closed form Σ log N(x; b, w² + s²) for an arbitrary θ and data', () => {
    const model = { w: -0.7, b: 0.3, s: 1.1 };
    const data = [0.5, -2, 4.25, 1];
    const expected = data.reduce((sum, x) => sum + logNormal(x, 0.3, 0.49 + 1.21), 0);
    assertClose(datasetLogLikelihood(model, data), expected, 1e-12);
  });

  test('w enters only through w² + s²: w = ±1.5, s = 0.5 and w = 1.4, s = √(2.5 − 1.96) agree', () => {
    const at = (w: number, s: number) => datasetLogLikelihood({ w, b: 1, s }, DATA);
    assertClose(at(-1.5, 0.5), at(1.5, 0.5), 1e-12);
    assertClose(at(1.4, Math.sqrt(2.5 - 1.96)), at(1.5, 0.5), 1e-12);
  });
});

describe('logLikelihoodGradient(model, data)', () => {
  const cases: [string, LinearGaussian, number[]][] = [
    // the chapter's start
    ['chapter θ', { w: 2, b: 1, s: 0.5 }, DATA],
    // too narrow, off-centre
    ['narrow, b off the mean', { w: 0.3, b: -1, s: 0.2 }, DATA],
    // negative w, other data
    ['negative w', { w: -1.2, b: 2.5, s: 0.9 }, [4, 1.5, -0.5, 3, 2.2, 5]],
  ];
  const h = 1e-6;
  test.each(cases)('matches central finite differences (%s)', (_, model, data) => {
    const g = logLikelihoodGradient(model, data);
    for (const key of ['w', 'b', 's'] as const) {
      const up = datasetLogLikelihood({ ...model, [key]: model[key] + h }, data);
      const down = datasetLogLikelihood({ ...model, [key]: model[key] - h }, data);
      assertClose(g[key], (up - down) / (2 * h), 1e-6, `∂ℓ/∂${key}`);
    }
  });

  test('is zero at the closed-form maximum (b = mean, w² + s² = variance)', () => {
    const s = 0.5;
    const g = logLikelihoodGradient({ w: Math.sqrt(2.5 - s * s), b: 1, s }, DATA);
    for (const key of ['w', 'b', 's'] as const) assertClose(g[key], 0, 1e-12, key);
  });
});

describe('maximumLikelihood(data)', () => {
  test('is the mean and the 1/N variance: b̂ = 1, ŵ² + ŝ² = 2.5, ℓ̂ = −7.508 for the chapter data', () => {
    const max = maximumLikelihood(DATA);
    assertClose(max.b, 1, 1e-15);
    assertClose(max.variance, 2.5, 1e-15);
    expect(max.logLikelihood.toFixed(3)).toBe('-7.508');
    assertClose(max.logLikelihood, datasetLogLikelihood({ w: 1.5, b: 1, s: 0.5 }, DATA), 1e-12);
  });

  test('no θ on a grid around it scores higher', () => {
    const { logLikelihood } = maximumLikelihood(DATA);
    for (let w = -3; w <= 3; w += 0.25)
      for (let b = -1; b <= 3; b += 0.25)
        for (const s of [0.1, 0.5, 1, 1.5])
          expect(datasetLogLikelihood({ w, b, s }, DATA)).toBeLessThanOrEqual(logLikelihood + 1e-12);
  });

  test('dataMean and meanSquareAround are the sample mean and the 1/N spread', () => {
    expect(dataMean([1, 2, 6])).toBe(3);
    expect(meanSquareAround([1, 2, 6], 3)).toBeCloseTo(14 / 3, 12);
  });
});

describe('bestSlope(model, data)', () => {
  test('is 1.5 for the chapter data at b = 1, s = 0.5, with the sign of w', () => {
    assertClose(bestSlope({ w: 2, b: 1, s: 0.5 }, DATA), 1.5, 1e-12);
    assertClose(bestSlope({ w: -0.3, b: 1, s: 0.5 }, DATA), -1.5, 1e-12);
  });
  test('is 0 when s alone is wider than the data around b', () => {
    expect(bestSlope({ w: 1, b: 1, s: 2 }, DATA)).toBe(0);
  });
  test('is the peak of logLikelihoodOverW for b off the mean', () => {
    const model = { w: 0.4, b: 0, s: 0.8 };
    const curve = logLikelihoodOverW(model, DATA, [0, 4], 4001);
    const peak = curve.reduce((a, c) => (c.logLikelihood > a.logLikelihood ? c : a));
    assertClose(peak.w, bestSlope(model, DATA), 1e-3);
  });
});

describe('logLikelihoodOverW(model, data, range, points)', () => {
  test('spans the range evenly and holds b and s', () => {
    const curve = logLikelihoodOverW({ w: 9, b: 1, s: 0.5 }, DATA, [-2, 2], 5);
    expect(curve.map((p) => p.w)).toEqual([-2, -1, 0, 1, 2]);
    assertClose(curve[4]!.logLikelihood, -7.746, 5e-4);
  });
});

describe('ascentPath(start, data) and ascentStep(model, data)', () => {
  test('from the chapter θ it climbs every step and stops at the closed-form maximum', () => {
    const path = ascentPath({ w: 2, b: 1, s: 0.5 }, DATA);
    for (let i = 1; i < path.length; i++)
      expect(path[i]!.logLikelihood).toBeGreaterThanOrEqual(path[i - 1]!.logLikelihood - 1e-12);
    const end = path[path.length - 1]!;
    expect(path.length).toBeLessThan(ASCENT_DEFAULTS.maxSteps);
    assertClose(end.logLikelihood, maximumLikelihood(DATA).logLikelihood, 1e-9);
    assertClose(end.b, 1, 1e-8);
    assertClose(end.w * end.w + end.s * end.s, 2.5, 1e-8);
  });

  test('keeps w/s fixed (w and s enter only through w² + s², so the gradient in them is radial)', () => {
    const end = ascentPath({ w: 2, b: 1, s: 0.5 }, DATA).at(-1)!;
    assertClose(end.w / end.s, 4, 1e-9);
    assertClose(end.w, 2 * Math.sqrt(2.5 / 4.25), 1e-8);
  });

  // Starts and data on other scales: the step is scaled by w² + s², so the same settings converge.
  test.each([
    ['far too narrow, b far off', { w: 0, b: -5, s: 0.05 }, [4, 5, -3, 2.5]],
    ['far too wide', { w: 5, b: 5, s: 5 }, [0.1, 0.2, -0.1, 0]],
    ['two points', { w: -1, b: 0, s: 1 }, [-4, 4]],
  ])('converges to the maximum from %s', (_, start, data) => {
    const path = ascentPath(start, data);
    const end = path[path.length - 1]!;
    const max = maximumLikelihood(data);
    expect(path.length).toBeLessThan(ASCENT_DEFAULTS.maxSteps);
    assertClose(end.logLikelihood, max.logLikelihood, 1e-8);
    assertClose(end.b, max.b, 1e-6);
    assertClose((end.w ** 2 + end.s ** 2) / max.variance, 1, 1e-6);
    expect(end.s).toBeGreaterThan(0);
  });

  test('one step moves along the gradient, by η·(w² + s²)/N times it', () => {
    const model = { w: 2, b: 0.5, s: 0.5 };
    const g = logLikelihoodGradient(model, DATA);
    const next = ascentStep(model, DATA);
    const rate = (ASCENT_DEFAULTS.learningRate * 4.25) / 4;
    assertClose(next.w, model.w + rate * g.w, 1e-12);
    assertClose(next.b, model.b + rate * g.b, 1e-12);
    assertClose(next.s, model.s + rate * g.s, 1e-12);
  });

  test('a step that would more than double w and s is shortened along the same direction', () => {
    const model = { w: 0.1, b: 0, s: 0.05 };
    const data = [-4, 4];
    const next = ascentStep(model, data);
    assertClose(next.s / model.s, ASCENT_DEFAULTS.maxGrowth, 1e-12);
    assertClose(next.w / model.w, ASCENT_DEFAULTS.maxGrowth, 1e-12);
  });
});
