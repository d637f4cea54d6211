/** Tests for the lab charts' shared helpers. */
import { describe, expect, test } from 'vitest';
import { extent, formatNumber, frame, spreadLabels } from '../../../src/charts/lab/common';

describe('frame(options, defaultHeight)', () => {
  test('passes size and accessible text through, with the default height when none is given', () => {
    const f = frame({ width: 300, ariaLabel: 'a', ariaDescription: 'b' }, 200);
    expect(f).toMatchObject({ width: 300, height: 200, className: 'lab-plot', ariaLabel: 'a', ariaDescription: 'b' });
    expect(frame({ width: 300, height: 120, ariaLabel: '', ariaDescription: '' }, 200).height).toBe(120);
  });
});

describe('formatNumber(value)', () => {
  test.each([
    [0.25, '0.25'],
    [4, '4'],
    [1.23456, '1.23'],
    [0.003, '0.003'],
  ])('formatNumber(%s) is %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('extent(values)', () => {
  test('ignores non-finite values and is null when nothing is left', () => {
    expect(extent([3, NaN, -1, Infinity, 2])).toEqual([-1, 3]);
    expect(extent([NaN])).toBeNull();
    expect(extent([])).toBeNull();
  });
});

describe('spreadLabels(positions, gap)', () => {
  test('leaves labels that are far enough apart where they are', () => {
    expect(spreadLabels([10, 50, 30], 12)).toEqual([10, 50, 30]);
  });
  test('spreads two overlapping labels evenly about their mean', () => {
    expect(spreadLabels([100, 104], 12)).toEqual([96, 108]);
  });
  test('pushes a chain of overlaps apart, keeping the input order of the result', () => {
    const out = spreadLabels([20, 0, 10, 5], 12);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeCloseTo(12, 9);
    expect(out[1]).toBeLessThan(out[3]!);
    expect(out[3]).toBeLessThan(out[2]!);
    expect(out[2]).toBeLessThan(out[0]!);
    // The cluster stays centred on its members' mean (8.75).
    expect(out.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(8.75, 9);
  });
});
