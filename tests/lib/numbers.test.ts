/** Reading numbers as readers type them and printing them as the widgets do. */
import { describe, expect, test } from 'vitest';
import {
  checkLimit,
  decadeStops,
  fieldText,
  formatCount,
  formatNats,
  formatNatsCompact,
  formatNumber,
  formatScientific,
  nearestStop,
  parseLimited,
  readLocaleNumber,
  readNumber,
  superscript,
  toAsciiNumber,
} from '../../src/lib/numbers';

const LIMIT = { min: -3, max: 3, step: 0.1, integer: false };
const WHOLE = { min: 1, max: 1000, step: 1, integer: true };

describe('readNumber(raw)', () => {
  test.each([
    ['1.5', 1.5],
    [' \u22122.5 ', -2.5], // a typographic minus
    ['\uFF0D1', -1], // a full-width minus
    ['\uFF12\uFF0E\uFF15', 2.5], // full-width digits and point, as a Chinese IME types them
    ['3\u30025', 3.5], // the ideographic full stop as a point
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['+4', 4],
  ])('reads "%s" as %d', (raw, value) => {
    expect(readNumber(raw)).toBe(value);
  });
  test.each(['', 'abc', '1,5', 'Infinity', '0x10', '1e999', '--1', '1.2.3'])('refuses "%s"', (raw) => {
    expect(readNumber(raw)).toBeNull();
  });
  test('toAsciiNumber only rewrites the forms a reader may type', () => {
    expect(toAsciiNumber(' \uFF0B\uFF11\u3002\uFF15 ')).toBe('+1.5');
  });
});

describe('readLocaleNumber(raw, integer)', () => {
  test.each([
    ['4,096', true, 4096],
    ['1,000,000', true, 1000000],
    ['0,5', false, 0.5],
    ['-,5', false, -0.5],
    ['１２８', true, 128],
    ['\u22120.25', false, -0.25],
    ['1,5', true, 1.5],
    ['4,09', true, 4.09],
  ] as const)('reads "%s" (whole: %s) as %d', (raw, integer, value) => {
    expect(readLocaleNumber(raw, integer)).toBe(value);
  });
  test.each([
    ['1,000.5', false],
    ['1,2,3', true],
    ['1e999', false],
    ['abc', false],
    ['', true],
  ] as const)('refuses "%s" (whole: %s)', (raw, integer) => {
    expect(readLocaleNumber(raw, integer)).toBeNull();
  });
});

describe('parseLimited(limit, raw) and checkLimit(limit, value)', () => {
  test('accepts values within the limit, ends included', () => {
    expect(parseLimited(LIMIT, '3')).toEqual({ ok: true, value: 3 });
    expect(parseLimited(LIMIT, '\u22123')).toEqual({ ok: true, value: -3 });
  });
  test.each([
    [LIMIT, 'x', 'notANumber'],
    [LIMIT, '3.01', 'outOfRange'],
    [WHOLE, '2.5', 'notAnInteger'], // whole-number check comes before the range
    [WHOLE, '0', 'outOfRange'],
    [WHOLE, '1001', 'outOfRange'],
  ] as const)('refuses %j "%s" (%s)', (limit, raw, reason) => {
    expect(parseLimited(limit, raw)).toEqual({ ok: false, reason });
  });
  test('checkLimit on a number already read', () => {
    expect(checkLimit(WHOLE, 1e2)).toEqual({ ok: true, value: 100 });
    expect(checkLimit(WHOLE, 0.5)).toEqual({ ok: false, reason: 'notAnInteger' });
  });
});

describe('formatting', () => {
  test('superscript(exponent) writes signs and digits raised, dropping "+"', () => {
    expect(superscript(-16)).toBe('⁻¹⁶');
    expect(superscript('+07')).toBe('⁰⁷');
  });
  test.each([
    [0, 3, '0'],
    [2.220446049250313e-16, 3, '2.22 × 10⁻¹⁶'],
    [-4.4e-16, 3, '\u22124.4 × 10⁻¹⁶'],
    [123456, 4, '1.235 × 10⁵'],
    [NaN, 3, '—'],
  ])('formatScientific(%d, %d) = "%s"', (value, digits, text) => {
    expect(formatScientific(value, digits)).toBe(text);
  });
  test.each([
    [0.0739, '0.0739'],
    [-1.23456, '\u22121.235'],
    [3.2e-5, '3.2 × 10⁻⁵'],
    [2.5e6, '2.5 × 10⁶'],
    [Infinity, '∞'],
    [NaN, '—'],
    [0, '0'],
  ])('formatNumber(%d) = "%s"', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
  test('formatCount groups digits per language and rounds', () => {
    expect(formatCount(100000, 'en')).toBe('100,000');
    expect(formatCount(1234.6, 'zh')).toBe('1,235');
  });
  test('formatNats prints 3 decimals with a real minus, and no "−0.000"', () => {
    expect(formatNats(-7.7456)).toBe('\u22127.746');
    expect(formatNats(-0.0001)).toBe('0.000');
    expect(formatNats(Infinity)).toBe('—');
  });
  test.each([
    [657.84, '657.8'],
    [-101.73, '\u2212101.7'],
    [1.7634, '1.76'],
    [0.0123, '0.0123'],
    [0.00042, '4.2e-4'],
    [0, '0'],
    [null, '—'],
    [NaN, '—'],
  ] as const)('formatNatsCompact(%s) = "%s"', (value, text) => {
    expect(formatNatsCompact(value)).toBe(text);
  });
  test('fieldText drops float noise', () => {
    expect(fieldText(0.1 + 0.2)).toBe('0.3');
    expect(fieldText(0.9411764705882353)).toBe('0.941176');
  });
});

describe('decadeStops(from, to) and nearestStop(stops, value)', () => {
  test('1, 2, 5 per decade, ending at the top power of ten', () => {
    expect(decadeStops(0, 3)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(decadeStops(0, 5)).toHaveLength(16);
  });
  test.each([
    [1, 0],
    [3, 1], // log(3/2) < log(5/3)
    [4, 2],
    [1000, 9],
    [5000, 9], // past the last stop: the last
  ])('nearestStop(stops, %d) = %d', (value, index) => {
    expect(nearestStop(decadeStops(0, 3), value)).toBe(index);
  });
});
