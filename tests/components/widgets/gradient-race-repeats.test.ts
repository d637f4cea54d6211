/** The gradient-race widget's repeated estimates: they fill in turn, finish with the closed-form mean, and restart only when a setting changes. */
import { describe, expect, test } from 'vitest';
import { ESTIMATORS, analyticVarianceMu } from '../../../src/core/toys/gradient-estimator-study';
import { DEFAULTS, OBJECTIVES, REPEATS, type Settings } from '../../../src/components/widgets/gradient-race-state';
import { createRepeats } from '../../../src/components/widgets/gradient-race-repeats';

const fill = (settings: Settings) => {
  const repeats = createRepeats(settings);
  let steps = 0;
  while (repeats.step()) steps++;
  return { repeats, steps };
};

describe('createRepeats(settings)', () => {
  test('fills every estimator to REPEATS and summarises each: mean near the true gradient, variance near the closed form', () => {
    // At N = 100 a step draws 200 estimates (20,000 ε), so each estimator takes 10 steps.
    const { repeats, steps } = fill({ ...DEFAULTS, n: 100 });
    expect(repeats.progress()).toBe(1);
    expect(steps).toBe(10 * ESTIMATORS.length);
    const truth = OBJECTIVES.square.trueGradMu(1, 0.5);
    for (const e of ESTIMATORS) {
      const state = repeats.states()[e];
      expect(state.done).toBe(REPEATS);
      const { mean, variance, histogram } = state.summary!;
      const analytic = analyticVarianceMu(OBJECTIVES.square, e, 1, 0.5, 100);
      expect(Math.abs(mean - truth)).toBeLessThan(4 * Math.sqrt(analytic / REPEATS));
      expect(Math.abs(variance / analytic - 1)).toBeLessThan(0.25);
      expect(histogram.counts.reduce((a, b) => a + b, 0) + histogram.below + histogram.above).toBe(REPEATS);
    }
  });
  test('fills the estimators in turn, so progress rises steadily and no summary exists before the end of its repeats', () => {
    const repeats = createRepeats({ ...DEFAULTS, n: 100 });
    expect(repeats.progress()).toBe(0);
    for (let i = 0; i < ESTIMATORS.length; i++) repeats.step();
    const done = ESTIMATORS.map((e) => repeats.states()[e].done);
    expect(Math.max(...done) - Math.min(...done)).toBe(0);
    expect(repeats.progress()).toBeGreaterThan(0);
    expect(repeats.progress()).toBeCloseTo(0.1, 12);
    expect(ESTIMATORS.map((e) => repeats.states()[e].summary)).toEqual([null, null, null]);
  });
  test('the same settings keep their repeats; a new seed or N starts them over, with different draws for a new seed', () => {
    const { repeats } = fill(DEFAULTS);
    const before = repeats.states().pathwise.values.slice();
    repeats.update({ ...DEFAULTS });
    expect(repeats.progress()).toBe(1);
    repeats.update({ ...DEFAULTS, seed: 2 });
    expect(repeats.progress()).toBe(0);
    while (repeats.step());
    expect(repeats.states().pathwise.values).not.toEqual(before);
    repeats.update({ ...DEFAULTS, seed: 2, n: 5 });
    expect(repeats.states().score.summary).toBeNull();
  });
  test('a reload repeats the draws: the same settings give the same estimates', () => {
    expect(fill(DEFAULTS).repeats.states().score.values).toEqual(fill(DEFAULTS).repeats.states().score.values);
  });
});
