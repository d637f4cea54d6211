/** The shared axis and margin options of the chapters' charts (charts/ticks.ts valueAxis, charts/frame.ts margins). */
import { describe, expect, test } from 'vitest';
import { margins } from '../../src/charts/frame';
import { formatTick, niceTicks, valueAxis } from '../../src/charts/ticks';

describe('valueAxis', () => {
  test('runs from 0 to top × headroom with round ticks up to top, labelled at the top', () => {
    const axis = valueAxis('density', 0.4, 4, 1.12);
    expect(axis.domain[0]).toBe(0);
    expect(axis.domain[1]).toBeCloseTo(0.448, 12);
    expect(axis.label).toBe('density');
    expect(axis.labelAnchor).toBe('top');
    expect(axis.ticks).toEqual(niceTicks(0, 0.4, 4));
    expect(axis.tickFormat).toBe(formatTick);
  });

  test('a bottom below 0 widens the domain but not the ticks (room for rows of marks under the axis)', () => {
    const axis = valueAxis('density', 2, 4, 1, -0.7);
    expect(axis.domain).toEqual([-0.7, 2]);
    expect(Math.min(...axis.ticks)).toBe(0);
  });
});

describe('margins', () => {
  test('maps top, right, bottom, left onto Plot’s four margin options', () => {
    expect(margins({ top: 1, right: 2, bottom: 3, left: 4 })).toEqual({
      marginTop: 1,
      marginRight: 2,
      marginBottom: 3,
      marginLeft: 4,
    });
  });
});
