/** The marginal-likelihood widget's live estimates: lazy single runs, repeats filled one at a time and kept while valid. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULTS,
  REPEATS,
  exactOf,
  withSetting,
  newDraws,
} from '../../../src/components/widgets/marginal-likelihood-state';
import { createEstimates, repeatKey, sampleRuns } from '../../../src/components/widgets/marginal-likelihood-estimates';

const SMALL = { ...DEFAULTS, n: 10 };
const fill = (estimates: ReturnType<typeof createEstimates>) => {
  let steps = 0;
  while (estimates.stepRepeat()) steps++;
  return steps;
};

describe('sampleRuns(settings)', () => {
  test('is reproducible from the seed, keeps at most SHOWN_SAMPLES draws and traces up to N', () => {
    const a = sampleRuns(DEFAULTS);
    const b = sampleRuns(DEFAULTS);
    expect(a.prior.logEstimate).toBe(b.prior.logEstimate);
    expect(a.proposal.samples.length).toBe(100);
    expect(a.prior.trace.counts.at(-1)).toBe(100);
    expect(sampleRuns(newDraws(DEFAULTS)).prior.logEstimate).not.toBe(a.prior.logEstimate);
  });
});

describe('createEstimates(settings)', () => {
  test('runs() is computed once per settings and redone after update()', () => {
    const estimates = createEstimates(SMALL);
    const first = estimates.runs();
    expect(estimates.runs()).toBe(first);
    estimates.update(newDraws(SMALL));
    expect(estimates.runs()).not.toBe(first);
  });
  test('stepRepeat() alternates the samplers, fills 2 × REPEATS estimates, then says it is done', () => {
    const estimates = createEstimates(SMALL);
    estimates.stepRepeat();
    estimates.stepRepeat();
    estimates.stepRepeat();
    expect([estimates.repeats().prior.done, estimates.repeats().proposal.done]).toEqual([2, 1]);
    expect(fill(estimates)).toBe(2 * REPEATS - 3);
    expect(estimates.progress()).toBe(1);
    expect(estimates.stepRepeat()).toBe(false);
    expect(estimates.repeats().prior.spread).not.toBeNull();
  });
  test('with q = p(z|x) every repeat is p(x) exactly (no spread)', () => {
    const estimates = createEstimates({ ...SMALL, qIsPosterior: true });
    fill(estimates);
    const spread = estimates.repeats().proposal.spread!;
    expect(spread.sd).toBeLessThan(1e-12);
    expect(Math.abs(spread.mean - exactOf(SMALL))).toBeLessThan(1e-12);
  });
  test('changing q keeps the prior’s finished repeats and starts q’s over; new draws start both over', () => {
    const estimates = createEstimates(SMALL);
    fill(estimates);
    estimates.update(withSetting(SMALL, 'qMean', 1));
    expect(estimates.repeats().prior.done).toBe(REPEATS);
    expect(estimates.repeats().proposal.done).toBe(0);
    expect(estimates.progress()).toBe(0.5);
    estimates.update(newDraws(estimates.settings()));
    expect(estimates.progress()).toBe(0);
  });
  test('repeatKey(settings, method) ignores q for the prior', () => {
    expect(repeatKey(withSetting(SMALL, 'qStd', 2), 'prior')).toBe(repeatKey(SMALL, 'prior'));
    expect(repeatKey(withSetting(SMALL, 'qStd', 2), 'proposal')).not.toBe(repeatKey(SMALL, 'proposal'));
  });
});
