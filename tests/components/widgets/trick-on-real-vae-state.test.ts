/** The race's settings and its lockstep schedule (src/components/widgets/trick-on-real-vae-state.ts). */
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config';
import {
  CLAIM_MARGIN,
  MEASURED,
  RACE_BUDGET,
  RACE_CONFIG,
  ROUND_STEPS,
  RUN_KEYS,
  gapAtCommonStep,
  nextRound,
  raceConfig,
  roundSize,
  type RunProgress,
} from '../../../src/components/widgets/trick-on-real-vae-state';

const run = (key: RunProgress['key'], step: number, extra: Partial<RunProgress> = {}): RunProgress => ({
  key,
  step,
  enabled: true,
  healthy: true,
  ...extra,
});

describe('raceConfig(key)', () => {
  test('gives every run the same valid model and seed, and only the estimator differs', () => {
    const configs = RUN_KEYS.map((key) => resolveConfig(raceConfig(key), 60_000));
    expect(configs.map((c) => c.gradientEstimator)).toEqual(['pathwise', 'score-baseline', 'score']);
    const strip = ({ gradientEstimator: _, ...rest }: (typeof configs)[number]) => rest;
    expect(strip(configs[1]!)).toEqual(strip(configs[0]!));
    expect(strip(configs[2]!)).toEqual(strip(configs[0]!));
    expect(configs[0]).toMatchObject({ hiddenSizes: [128], latentSize: 8, seed: 1, binarize: true, batchSize: 64 });
  });
  test('returns a fresh hiddenSizes array, so a caller cannot change the shared config', () => {
    const config = raceConfig('pathwise');
    (config.hiddenSizes as number[]).push(7);
    expect(RACE_CONFIG.hiddenSizes).toEqual([128]);
  });
  test('every held-out evaluation falls on the last step of a request, and the budget is whole rounds past the claim', () => {
    expect(RACE_CONFIG.evalEvery % ROUND_STEPS).toBe(0);
    expect(RACE_BUDGET % ROUND_STEPS).toBe(0);
    expect(MEASURED.step % RACE_CONFIG.evalEvery).toBe(0);
    expect(MEASURED.step).toBeLessThan(RACE_BUDGET);
  });
  test('the measured numbers support the claim the widget states', () => {
    expect(MEASURED.scoreBaseline - MEASURED.pathwise).toBeGreaterThan(CLAIM_MARGIN + 2 * MEASURED.tolerance);
  });
});

describe('nextRound(runs, budget, parallel)', () => {
  test.each([
    // runs, parallel, expected — a comment per row says why
    [[run('pathwise', 0), run('scoreBaseline', 0)], false, ['pathwise']], // taking turns: first of the tied runs
    [[run('pathwise', 5), run('scoreBaseline', 0)], false, ['scoreBaseline']], // the run behind goes next
    [[run('pathwise', 0), run('scoreBaseline', 0)], true, ['pathwise', 'scoreBaseline']], // side by side: all tied runs
    [[run('pathwise', 300), run('scoreBaseline', 300), run('score', 0)], true, ['score']], // a late run catches up alone
    [[run('pathwise', 300), run('scoreBaseline', 300), run('score', 0, { enabled: false })], false, ['pathwise']], // switched off: ignored
    [[run('pathwise', 40), run('scoreBaseline', 10, { healthy: false })], false, ['pathwise']], // a failed run no longer holds the others
    [[run('pathwise', 600), run('scoreBaseline', 595)], true, ['scoreBaseline']], // at the budget: done
    [[run('pathwise', 600), run('scoreBaseline', 600)], true, []], // everyone done: the race is over
    [[], false, []], // nothing started
  ] as const)('%j (parallel %s) → %j', (runs, parallel, expected) => {
    expect(nextRound(runs, 600, parallel)).toEqual(expected);
  });
  test('alternating rounds keep two runs within one round of each other all the way to the budget', () => {
    const steps = { pathwise: 0, scoreBaseline: 0 };
    let rounds = 0;
    for (;;) {
      const keys = nextRound(
        [run('pathwise', steps.pathwise), run('scoreBaseline', steps.scoreBaseline)],
        RACE_BUDGET,
        false,
      );
      if (keys.length === 0) break;
      for (const key of keys)
        steps[key as keyof typeof steps] += roundSize(steps[key as keyof typeof steps], RACE_BUDGET);
      expect(Math.abs(steps.pathwise - steps.scoreBaseline)).toBeLessThanOrEqual(ROUND_STEPS);
      rounds += 1;
    }
    expect(steps).toEqual({ pathwise: RACE_BUDGET, scoreBaseline: RACE_BUDGET });
    expect(rounds).toBe((2 * RACE_BUDGET) / ROUND_STEPS);
  });
});

describe('roundSize(step, budget)', () => {
  test.each([
    [0, 600, ROUND_STEPS],
    [597, 600, 3],
    [600, 600, 0],
    [610, 600, 0],
  ])('roundSize(%i, %i) = %i', (step, budget, expected) => {
    expect(roundSize(step, budget)).toBe(expected);
  });
});

describe('gapAtCommonStep(pathwise, other)', () => {
  test('uses the latest step both runs were evaluated at, not each run’s latest', () => {
    const pathwise = [
      { step: 0, negElbo: 640 },
      { step: 25, negElbo: 270 },
      { step: 50, negElbo: 223 },
    ];
    const other = [
      { step: 0, negElbo: 640 },
      { step: 25, negElbo: 322 },
    ];
    expect(gapAtCommonStep(pathwise, other)).toEqual({ step: 25, gap: 52 });
  });
  test('is 0 at step 0 (the same weights) and negative when the score run is ahead', () => {
    expect(gapAtCommonStep([{ step: 0, negElbo: 636.8 }], [{ step: 0, negElbo: 636.8 }])).toEqual({ step: 0, gap: 0 });
    expect(gapAtCommonStep([{ step: 25, negElbo: 300 }], [{ step: 25, negElbo: 290 }])).toEqual({ step: 25, gap: -10 });
  });
  test('is null before the runs share an evaluation', () => {
    expect(gapAtCommonStep([{ step: 25, negElbo: 300 }], [])).toBeNull();
  });
});
