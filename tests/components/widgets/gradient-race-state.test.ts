/** The gradient-race widget's settings: limits, parsing of typed values, the N slider's stops and the noise note. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULTS,
  LIMITS,
  N_STOPS,
  OBJECTIVES,
  nearestStop,
  noiseNote,
  parseFunction,
  parseSetting,
  settingsKey,
  type NumericSetting,
} from '../../../src/components/widgets/gradient-race-state';
import { GRADIENT_RACE_STRINGS } from '../../../src/i18n/widgets/gradient-race';
import { empiricalVarianceRelativeSd } from '../../../src/core/toys/gradient-estimator-study';

describe('parseSetting(setting, raw)', () => {
  test.each<[NumericSetting, string, number]>([
    ['mu', '1', 1],
    ['mu', ' -2.5 ', -2.5],
    ['mu', '\u22121', -1], // a typographic minus, as the page prints it
    ['mu', '.5', 0.5],
    ['sigma', '0.05', 0.05], // the smallest σ
    ['sigma', '3', 3],
    ['n', '1000', 1000],
    ['n', '1e2', 100],
  ])('accepts %s = "%s" as %d', (setting, raw, value) => {
    expect(parseSetting(setting, raw)).toEqual({ ok: true, value });
  });
  test.each<[NumericSetting, string, string]>([
    ['mu', 'abc', 'notANumber'],
    ['mu', '', 'notANumber'],
    ['mu', '1,5', 'notANumber'],
    ['mu', '3.01', 'outOfRange'],
    ['sigma', '0', 'notPositive'], // σ = 0: nothing random, so it gets its own message
    ['sigma', '-1', 'notPositive'],
    ['sigma', '0.01', 'outOfRange'], // positive but below the slider's floor
    ['n', '2.5', 'notAnInteger'],
    ['n', '0', 'outOfRange'],
    ['n', '1001', 'outOfRange'],
  ])('refuses %s = "%s" (%s)', (setting, raw, reason) => {
    expect(parseSetting(setting, raw)).toEqual({ ok: false, reason });
  });
  test('the defaults lie within the limits', () => {
    for (const setting of Object.keys(LIMITS) as NumericSetting[])
      expect(parseSetting(setting, String(DEFAULTS[setting])).ok).toBe(true);
  });
});

describe('nearestStop(n) and N_STOPS', () => {
  test('runs 1, 2, 5 per decade from 1 to the largest N', () => {
    expect(N_STOPS[0]).toBe(LIMITS.n.min);
    expect(N_STOPS[N_STOPS.length - 1]).toBe(LIMITS.n.max);
  });
  test.each([
    [1, 0],
    [3, 1], // log 3 is nearer log 2 than log 5
    [4, 2],
    [100, 6],
    [999, 9],
  ])('puts N = %d at stop %d', (n, stop) => {
    expect(nearestStop(n)).toBe(stop);
  });
});

describe('parseFunction(raw) and settingsKey(settings)', () => {
  test('knows z² and sin z, and falls back to the default', () => {
    expect(parseFunction('sine')).toBe('sine');
    expect(OBJECTIVES[parseFunction('square')].name).toBe('z²');
    expect(parseFunction('cube')).toBe(DEFAULTS.fn);
  });
  test('changes with every setting, the seed included', () => {
    const keys = new Set(
      [
        DEFAULTS,
        { ...DEFAULTS, fn: 'sine' as const },
        { ...DEFAULTS, mu: 2 },
        { ...DEFAULTS, sigma: 1 },
        { ...DEFAULTS, n: 2 },
        { ...DEFAULTS, seed: 2 },
      ].map(settingsKey),
    );
    expect(keys.size).toBe(6);
  });
});

describe('noiseNote(s, lang, settings)', () => {
  test('at the defaults prints ±3 %, ±11 % and ±15 %: the relative sd of a variance from 2,000 repeats', () => {
    const note = noiseNote(GRADIENT_RACE_STRINGS.en, 'en', DEFAULTS);
    expect(note).toContain('2,000');
    expect(note).toMatch(/±3%.*±11%.*±15%/);
    expect(Math.round(100 * empiricalVarianceRelativeSd(OBJECTIVES.square, 'score', 1, 0.5, 1, 2000))).toBe(11);
  });
  test('shrinks towards the normal √(2/1999) ≈ 3 % for every estimator as N grows', () => {
    expect(noiseNote(GRADIENT_RACE_STRINGS.zh, 'zh', { ...DEFAULTS, n: 1000 })).toMatch(/±3%.*±3%.*±3%/);
  });
});
