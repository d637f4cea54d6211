/** The toy-likelihood widget's settings, parsing and readout: every shown number against the chapter and the closed forms. */
import { describe, expect, test } from 'vitest';
import {
  DATA_LIMITS,
  DEFAULTS,
  LIMITS,
  dataText,
  densityCurve,
  densityRange,
  formatNats,
  formatValue,
  parseData,
  parseSetting,
  pointName,
  readout,
} from '../../../src/components/widgets/toy-likelihood-state';
import { TOY_LIKELIHOOD_STRINGS } from '../../../src/i18n/widgets/toy-likelihood';
import { assertClose } from '../../core/helpers';

describe('DEFAULTS', () => {
  test('are chapter 2’s data 3, −1, 0, 2 and chapter 1’s θ = (2, 1, 0.5)', () => {
    expect(DEFAULTS).toEqual({ w: 2, b: 1, s: 0.5, data: [3, -1, 0, 2] });
  });
  test('lie within the sliders’ ranges, on their steps', () => {
    for (const key of ['w', 'b', 's'] as const) {
      const { min, max, step } = LIMITS[key];
      expect(DEFAULTS[key]).toBeGreaterThanOrEqual(min);
      expect(DEFAULTS[key]).toBeLessThanOrEqual(max);
      assertClose(((DEFAULTS[key] - min) / step) % 1, 0, 1e-9, key);
    }
  });
});

describe('readout(settings)', () => {
  test('prints the chapter’s column for w = 2 and its maximum', () => {
    const r = readout(DEFAULTS);
    expect(r.points.map(formatNats)).toEqual(['\u22122.113', '\u22122.113', '\u22121.760', '\u22121.760']);
    expect(formatNats(r.total)).toBe('\u22127.746');
    expect(formatNats(r.maximum.logLikelihood)).toBe('\u22127.508');
    expect(r.maximum.b).toBe(1);
    assertClose(r.maximum.variance, 2.5, 1e-15);
    assertClose(r.bestW, 1.5, 1e-12);
    expect(formatNats(r.bestWLogLikelihood)).toBe('\u22127.508');
    expect(r.variance).toBe(4.25);
  });
  test('moves with w: 2.5 gives the exercise’s −8.189, 0.5 the table’s −12.289', () => {
    expect(formatNats(readout({ ...DEFAULTS, w: 2.5 }).total)).toBe('\u22128.189');
    expect(formatNats(readout({ ...DEFAULTS, w: 0.5 }).total)).toBe('\u221212.289');
  });
});

describe('parseSetting(setting, raw)', () => {
  test.each([
    ['w', '1.5', { ok: true, value: 1.5 }],
    // a typographic minus and full-width digits
    ['b', '\u22120.25', { ok: true, value: -0.25 }],
    ['w', '\uFF12', { ok: true, value: 2 }],
    ['w', 'abc', { ok: false, reason: 'notANumber' }],
    ['w', '', { ok: false, reason: 'notANumber' }],
    ['w', '7', { ok: false, reason: 'outOfRange' }],
    // s must be positive
    ['s', '0', { ok: false, reason: 'outOfRange' }],
  ] as const)('%s = "%s" → %j', (setting, raw, expected) => {
    expect(parseSetting(setting, raw)).toEqual(expected);
  });
});

describe('parseData(raw)', () => {
  test.each([
    ['3, -1, 0, 2', [3, -1, 0, 2]],
    // what the field shows: typographic minus
    ['3, \u22121, 0, 2', [3, -1, 0, 2]],
    // Chinese punctuation and spaces
    ['3，\u22121、0 2', [3, -1, 0, 2]],
    [' 1.5;2.5 ', [1.5, 2.5]],
  ])('"%s" → %j', (raw, data) => {
    expect(parseData(raw)).toEqual({ ok: true, data });
  });
  test.each([
    ['3, x, 0', { ok: false, reason: 'notANumber', entry: 'x' }],
    ['3, 1e999', { ok: false, reason: 'notANumber', entry: '1e999' }],
    ['3, 6', { ok: false, reason: 'outOfRange', entry: '6' }],
    ['3', { ok: false, reason: 'tooFew' }],
    ['', { ok: false, reason: 'tooFew' }],
    [
      Array.from({ length: DATA_LIMITS.maxCount + 1 }, (_, i) => String(i % 5)).join(','),
      { ok: false, reason: 'tooMany' },
    ],
    ['2, 2, 2', { ok: false, reason: 'allEqual' }],
  ])('"%s" is refused: %j', (raw, expected) => {
    expect(parseData(raw)).toEqual(expected);
  });
  test('reads back what dataText prints', () => {
    const data = [3, -1, 0.25, -4.5];
    expect(parseData(dataText(data))).toEqual({ ok: true, data });
  });
});

describe('formatNats(value) and formatValue(value)', () => {
  test('print 3 decimals with a real minus; no "−0.000"', () => {
    expect(formatNats(-12.28946)).toBe('\u221212.289');
    expect(formatNats(1.5)).toBe('1.500');
    expect(formatNats(-0.0001)).toBe('0.000');
    expect(formatNats(Number.NaN)).toBe('—');
  });
  test('formatValue drops trailing zeros', () => {
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue(-0.25)).toBe('\u22120.25');
    expect(formatValue(1.53393)).toBe('1.534');
    expect(formatValue(-0.0001)).toBe('0');
  });
});

describe('densityRange(data) and densityCurve(settings, range)', () => {
  test('the range depends on the data only, with a margin of at least 2.5', () => {
    expect(densityRange([3, -1, 0, 2])).toEqual([-3.5, 5.5]);
    expect(densityRange([-5, 5])).toEqual([-11, 11]);
  });
  test('the curve is N(x; b, w² + s²) and integrates to about 1 over a wide range', () => {
    const curve = densityCurve(DEFAULTS, [-15, 17], 3201);
    const dx = 32 / 3200;
    assertClose(
      curve.reduce((sum, p) => sum + p.density * dx, 0),
      1,
      1e-6,
    );
    const atB = curve.find((p) => Math.abs(p.x - 1) < 1e-9)!;
    assertClose(atB.density, 1 / Math.sqrt(2 * Math.PI * 4.25), 1e-12);
  });
});

describe('pointName(s, i, x)', () => {
  test('numbers the points with superscripts, so equal points still differ', () => {
    const s = TOY_LIKELIHOOD_STRINGS.en;
    expect(pointName(s, 0, 3)).toBe('x⁽¹⁾ = 3');
    expect(pointName(s, 11, -1)).toBe('x⁽¹²⁾ = \u22121');
  });
});
