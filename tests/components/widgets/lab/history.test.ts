/** Tests for the lab's training history: thinning that spans the whole run, β changes, held-out points, clear. */
import { describe, expect, test } from 'vitest';
import {
  MetricHistory,
  heldOutPoint,
  lossPoint,
  ratePoints,
  type LossPoint,
} from '../../../../src/components/widgets/lab/history';

/** A training point at `step` with made-up but consistent terms (−ELBO = rec + KL, objective = rec + β·KL). */
function point(step: number, beta = 1): LossPoint {
  const reconstruction = 200 / (1 + step / 100);
  const kl = 10 + (step % 7);
  return { step, reconstruction, kl, negElbo: reconstruction + kl, objective: reconstruction + beta * kl, beta };
}

describe('MetricHistory thinning', () => {
  const maxPoints = 2000;
  const history = new MetricHistory(maxPoints);
  for (let step = 1; step <= 100_000; step++) history.push(point(step));
  const points = history.points();
  const steps = points.map((p) => p.step);

  test('points() stays within maxPoints (+1 for the latest) after 100,000 pushes', () => {
    expect(points.length).toBeLessThanOrEqual(maxPoints + 1);
    expect(points.length).toBeGreaterThan(maxPoints / 2);
    expect(history.size).toBe(points.length);
  });
  test('points() spans the run: the first pushed point first, the last pushed point last', () => {
    expect(steps[0]).toBe(1);
    expect(steps[steps.length - 1]).toBe(100_000);
    expect(history.latest()?.step).toBe(100_000);
  });
  test('points() has increasing, evenly spaced steps (the latest may come sooner)', () => {
    const gaps = steps.slice(1).map((s, i) => s - (steps[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThan(0);
    const inner = gaps.slice(0, -1);
    expect(new Set(inner).size).toBe(1);
    expect(gaps[gaps.length - 1]).toBeLessThanOrEqual(inner[0] as number);
  });
  test('keeps everything while under budget', () => {
    const small = new MetricHistory(10);
    for (let step = 0; step < 10; step++) small.push(point(step));
    expect(small.points().map((p) => p.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  test('halves and doubles its stride when full, keeping the first point', () => {
    const small = new MetricHistory(4);
    for (let step = 0; step < 9; step++) small.push(point(step));
    // 0 1 2 3 full → 0 2, stride 2 → 0 2 4 6 full → 0 4, stride 4 → 0 4 8.
    expect(small.points().map((p) => p.step)).toEqual([0, 4, 8]);
    small.push(point(9));
    expect(small.points().map((p) => p.step)).toEqual([0, 4, 8, 9]);
  });
  test('rejects a budget below 2', () => {
    expect(() => new MetricHistory(1)).toThrow(RangeError);
  });
});

describe('MetricHistory β changes', () => {
  test('records each change once, with from and to, however far thinning goes', () => {
    const history = new MetricHistory(50);
    const betaAt = (step: number) => (step < 3000 ? 1 : step < 7000 ? 4 : 0.5);
    for (let step = 0; step < 10_000; step++) history.push(point(step, betaAt(step)));
    expect(history.betaChanges()).toEqual([
      { step: 3000, from: 1, to: 4 },
      { step: 7000, from: 4, to: 0.5 },
    ]);
  });
  test('records nothing while β stays put', () => {
    const history = new MetricHistory();
    for (let step = 0; step < 100; step++) history.push(point(step, 2));
    expect(history.betaChanges()).toEqual([]);
  });
});

describe('MetricHistory held-out points and clear()', () => {
  test('pushHeldOut(p) keeps evaluations in order, the latest last', () => {
    const history = new MetricHistory(8);
    for (let step = 0; step < 30; step++)
      history.pushHeldOut({ step: step * 100, reconstruction: 90, kl: 20, negElbo: 110 });
    const steps = history.heldOut().map((p) => p.step);
    expect(steps.length).toBeLessThanOrEqual(9);
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(2900);
  });
  test('clear() empties points, held-out points, β changes and latest()', () => {
    const history = new MetricHistory();
    history.push(point(1, 1));
    history.push(point(2, 3));
    history.pushHeldOut({ step: 2, reconstruction: 1, kl: 2, negElbo: 3 });
    history.clear();
    expect(history.points()).toEqual([]);
    expect(history.heldOut()).toEqual([]);
    expect(history.betaChanges()).toEqual([]);
    expect(history.latest()).toBeNull();
    expect(history.size).toBe(0);
    history.push(point(5, 3));
    expect(history.betaChanges()).toEqual([]);
  });
});

describe('conversions', () => {
  test('lossPoint(step, terms) turns the ELBO into −ELBO', () => {
    expect(lossPoint(7, { reconstruction: 90, kl: 20, elbo: -110, objective: 130, beta: 2 })).toEqual({
      step: 7,
      reconstruction: 90,
      kl: 20,
      negElbo: 110,
      objective: 130,
      beta: 2,
    });
    expect(heldOutPoint(7, { reconstruction: 95, kl: 21, elbo: -116 })).toEqual({
      step: 7,
      reconstruction: 95,
      kl: 21,
      negElbo: 116,
    });
  });
  test('ratePoints(history) maps KL to rate and reconstruction to distortion', () => {
    const history = new MetricHistory();
    history.push(point(0));
    history.push(point(10));
    expect(ratePoints(history)).toEqual([
      { step: 0, rate: 10, distortion: 200 },
      { step: 10, rate: 13, distortion: 200 / 1.1 },
    ]);
  });
});

describe('MetricHistory.rewind', () => {
  test('rewind(step) forgets the training points, held-out points and β changes after step, and keeps the rest', () => {
    const history = new MetricHistory(8);
    for (let step = 1; step <= 30; step++) history.push(point(step, step > 20 ? 4 : 1));
    history.pushHeldOut(heldOutPoint(10, { reconstruction: 90, kl: 9, elbo: -99 }));
    history.pushHeldOut(heldOutPoint(25, { reconstruction: 80, kl: 8, elbo: -88 }));
    history.rewind(18);
    expect(history.points().every((p) => p.step <= 18)).toBe(true);
    expect(history.latest()?.step).toBe(history.points().at(-1)?.step);
    expect(history.heldOut().map((h) => h.step)).toEqual([10]);
    expect(history.betaChanges()).toEqual([]);
    history.push(point(19));
    expect(history.latest()?.step).toBe(19);
  });
});
