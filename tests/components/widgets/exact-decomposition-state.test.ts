/** The exact-decomposition widget's settings, parsing and readout: every shown number against the closed forms. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULTS,
  MODEL,
  densityGridPoints,
  fieldText,
  formatGap,
  formatScientific,
  parseSetting,
  posteriorSettings,
  proposalOf,
  readout,
  type Setting,
} from '../../../src/components/widgets/exact-decomposition-state';
import { assertClose } from '../../core/helpers';

const normalLog = (x: number, mean: number, variance: number) =>
  -0.5 * Math.log(2 * Math.PI * variance) - (x - mean) ** 2 / (2 * variance);

describe('DEFAULTS and MODEL', () => {
  test('are chapter 1’s toy (w = 2, b = 1, s = 0.5) at x = 3 with q = N(0.5, 0.5²)', () => {
    expect(MODEL).toEqual({ w: 2, b: 1, s: 0.5 });
    expect(DEFAULTS).toEqual({ x: 3, qMean: 0.5, qStd: 0.5 });
  });
});

describe('readout(settings)', () => {
  test('log p(3) = log N(3; 1, 4.25) = −2.113 and the posterior is N(0.941, 0.243²), as chapter 3’s table says', () => {
    const r = readout(DEFAULTS);
    assertClose(r.logEvidence, normalLog(3, 1, 4.25), 1e-12);
    expect(r.logEvidence.toFixed(3)).toBe('-2.113');
    expect(r.posterior.mean.toFixed(3)).toBe('0.941');
    expect(Math.sqrt(r.posterior.variance).toFixed(3)).toBe('0.243');
  });
  test.each([
    // chapter 3's table: the rough guess N(0.9, 0.3²) and the prior N(0, 1)
    [0.9, 0.3, -2.18, 0.067],
    [0, 1, -16.226, 14.113],
  ])(
    'q = N(%d, %d²): ELBO %d, gap %d (chapter 3’s table), and ELBO + gap = log p(x) to 1e-9',
    (qMean, qStd, elbo, gap) => {
      const r = readout({ x: 3, qMean, qStd });
      assertClose(r.elbo, elbo, 5e-4);
      assertClose(r.gap, gap, 5e-4);
      assertClose(r.sum, r.logEvidence, 1e-9);
      assertClose(r.identityError, 0, 1e-9);
      assertClose(r.reconstruction - r.klPrior, r.elbo, 1e-12);
    },
  );
  test('the default q: reconstruction term and KL to the prior from their closed forms', () => {
    const r = readout(DEFAULTS);
    // E_q log p(x|z) = −½ log(2π·0.25) − [(3 − 1 − 2·0.5)² + 4·0.25]/(2·0.25); KL = ½(0.25 + 0.25 − 1 − log 0.25).
    assertClose(r.reconstruction, -0.5 * Math.log(2 * Math.PI * 0.25) - 2 / 0.5, 1e-12);
    assertClose(r.klPrior, 0.5 * (0.5 - 1 - Math.log(0.25)), 1e-12);
  });
  test('posteriorSettings(settings) puts q on p(z|x): the gap is 0 to 1e-12, and x is kept', () => {
    for (const x of [-9, 0, 3, 11]) {
      const settings = posteriorSettings({ ...DEFAULTS, x });
      expect(settings.x).toBe(x);
      expect(Math.abs(readout(settings).gap)).toBeLessThan(1e-12);
    }
  });
  test('proposalOf(settings) squares the standard deviation', () => {
    expect(proposalOf({ x: 0, qMean: 1, qStd: 0.3 })).toEqual({ mean: 1, variance: 0.3 * 0.3 });
  });
});

describe('parseSetting(setting, raw)', () => {
  test.each<[Setting, string, number]>([
    ['x', '3', 3],
    ['x', ' −2.5 ', -2.5], // a typographic minus
    ['qMean', '1e-1', 0.1],
    ['qStd', '0.243', 0.243],
    ['qStd', '3', 3], // the upper limit itself
  ])('accepts %s = "%s" as %d', (setting, raw, value) => {
    expect(parseSetting(setting, raw)).toEqual({ ok: true, value });
  });
  test.each<[Setting, string, string]>([
    ['qStd', '0', 'outOfRange'], // σ must be positive
    ['qStd', '-1', 'outOfRange'],
    ['qStd', 'abc', 'notANumber'],
    ['x', '', 'notANumber'],
    ['x', '99', 'outOfRange'],
    ['qMean', 'Infinity', 'notANumber'],
    ['qMean', '1,5', 'notANumber'],
  ])('refuses %s = "%s" (%s)', (setting, raw, reason) => {
    expect(parseSetting(setting, raw)).toEqual({ ok: false, reason });
  });
});

describe('formatting', () => {
  test.each([
    [0, '0'],
    [2.220446049250313e-16, '2.22 × 10⁻¹⁶'],
    [-4.4e-16, '−4.4 × 10⁻¹⁶'],
    [0.0123, '1.23 × 10⁻²'],
  ])('formatScientific(%d) = "%s"', (value, text) => {
    expect(formatScientific(value)).toBe(text);
  });
  test('formatGap shows rounding-sized gaps as 0 and real ones in 4 digits', () => {
    expect(formatGap(-5.6e-17)).toBe('0');
    expect(formatGap(3.1e-5)).toBe('3.1 × 10⁻⁵');
    expect(formatGap(2.55634)).toBe('2.556');
  });
  test('fieldText drops float noise', () => {
    expect(fieldText(0.1 + 0.2)).toBe('0.3');
    expect(fieldText(0.9411764705882353)).toBe('0.941176');
  });
});

describe('densityGridPoints(range, qStd)', () => {
  test('is 241 for a wide q, finer for a narrow one, and capped at 4001', () => {
    expect(densityGridPoints([-4, 4], 0.5)).toBe(241);
    expect(densityGridPoints([-4, 4], 0.05)).toBe(961);
    expect(densityGridPoints([-4, 4], 0.001)).toBe(4001);
  });
});
