/** The marginal-likelihood widget's settings: limits, parsing, and the moves the controls make, against closed forms. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULTS,
  LIMITS,
  N_STOPS,
  essOf,
  exactOf,
  infiniteVariance,
  nearestStop,
  newDraws,
  parseSetting,
  proposal,
  sdOf,
  shownValues,
  togglePosterior,
  withSetting,
  type NumericSetting,
} from '../../../src/components/widgets/marginal-likelihood-state';

/** |actual − expected| ≤ tol, naming both on failure. */
const assertClose = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);

// Chapter 1's toy at x = 3: p(z|x) = N(4/4.25, 0.25/4.25), p(x) = N(3; 1, 4.25).
const POST_MEAN = 4 / 4.25;
const POST_STD = Math.sqrt(0.25 / 4.25);
const EXACT = Math.exp(-4 / 8.5) / Math.sqrt(2 * Math.PI * 4.25);

describe('parseSetting(setting, raw) and the N stops', () => {
  test.each<[NumericSetting, string, number]>([
    ['x', '\u22129', -9], // the lower end, with a typographic minus
    ['n', '100000', 100_000],
    ['n', '1e3', 1000],
    ['qStd', '0.05', 0.05],
  ])('accepts %s = "%s" as %d', (setting, raw, value) => {
    expect(parseSetting(setting, raw)).toEqual({ ok: true, value });
  });
  test.each<[NumericSetting, string, string]>([
    ['n', '2.5', 'notAnInteger'],
    ['n', '0', 'outOfRange'],
    ['x', '12', 'outOfRange'],
    ['qStd', '0', 'outOfRange'],
    ['qMean', '1,5', 'notANumber'],
  ])('refuses %s = "%s" (%s)', (setting, raw, reason) => {
    expect(parseSetting(setting, raw)).toEqual({ ok: false, reason });
  });
  test('the defaults lie within the limits; N stops run 1, 2, 5 per decade to 100,000', () => {
    for (const setting of Object.keys(LIMITS) as NumericSetting[])
      expect(parseSetting(setting, String(shownValues(DEFAULTS)[setting])).ok).toBe(true);
    expect(N_STOPS.slice(0, 4)).toEqual([1, 2, 5, 10]);
    expect(N_STOPS.at(-1)).toBe(100_000);
    expect(N_STOPS[nearestStop(DEFAULTS.n)]).toBe(100);
  });
});

describe('closed forms for the settings', () => {
  test('exactOf(settings) is p(x) = N(x; b, w² + s²)', () => {
    assertClose(exactOf(DEFAULTS), EXACT, 1e-12);
  });
  test('proposal(settings) is N(qMean, qStd²), or the exact posterior when q follows it', () => {
    expect(proposal(DEFAULTS)).toEqual({ mean: 0.5, variance: 0.25 });
    const q = proposal({ ...DEFAULTS, qIsPosterior: true });
    assertClose(q.mean, POST_MEAN, 1e-12);
    assertClose(Math.sqrt(q.variance), POST_STD, 1e-12);
  });
  test('with q = p(z|x) every weight is p(x): zero spread and an effective sample size of N', () => {
    const exact = { ...DEFAULTS, qIsPosterior: true };
    assertClose(sdOf(exact, 'proposal'), 0, 1e-12);
    assertClose(essOf(exact, 'proposal'), exact.n, 1e-9);
  });
  test('infiniteVariance(settings, method) starts below q’s width √(v/2) and never for the prior', () => {
    const limit = POST_STD / Math.SQRT2;
    expect(infiniteVariance({ ...DEFAULTS, qMean: POST_MEAN, qStd: limit * 0.99 }, 'proposal')).toBe(true);
    expect(infiniteVariance({ ...DEFAULTS, qMean: POST_MEAN, qStd: limit * 1.01 }, 'proposal')).toBe(false);
    expect(infiniteVariance({ ...DEFAULTS, qStd: 0.05 }, 'prior')).toBe(false);
  });
  test('sdOf(settings, method, n) falls as 1/√n', () => {
    assertClose(sdOf(DEFAULTS, 'prior', 400) * 2, sdOf(DEFAULTS, 'prior', 100), 1e-12);
  });
});

describe('the moves the controls make', () => {
  const following = togglePosterior(DEFAULTS);
  test('togglePosterior makes q follow the posterior, then (again) keeps the posterior’s values as its own', () => {
    expect(following.qIsPosterior).toBe(true);
    const kept = togglePosterior(following);
    expect(kept.qIsPosterior).toBe(false);
    assertClose(kept.qMean, POST_MEAN, 1e-12);
    assertClose(kept.qStd, POST_STD, 1e-12);
  });
  test('withSetting on q’s mean stops following the posterior but keeps its width', () => {
    const next = withSetting(following, 'qMean', 1);
    expect(next.qIsPosterior).toBe(false);
    expect(next.qMean).toBe(1);
    assertClose(next.qStd, POST_STD, 1e-12);
  });
  test('withSetting on x or N leaves q following the posterior', () => {
    expect(withSetting(following, 'x', 4)).toEqual({ ...following, x: 4 });
    expect(withSetting(following, 'n', 10).qIsPosterior).toBe(true);
  });
  test('newDraws moves to the next seed and nothing else', () => {
    expect(newDraws(DEFAULTS)).toEqual({ ...DEFAULTS, seed: DEFAULTS.seed + 1 });
  });
  test('shownValues shows q as it is used', () => {
    const shown = shownValues(following);
    expect([shown.x, shown.n]).toEqual([3, 100]);
    assertClose(shown.qMean, POST_MEAN, 1e-12);
  });
});
