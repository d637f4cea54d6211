// @vitest-environment jsdom
/** The gradient-race widget's "show as table" alternative: one row per bar, plus the estimates beyond the range. */
import { describe, expect, test } from 'vitest';
import { histogramTable } from '../../../src/components/widgets/gradient-race-tables';
import { GRADIENT_RACE_STRINGS } from '../../../src/i18n/widgets/gradient-race';
import { histogram } from '../../../src/core/toys/gradient-estimator-study';

const s = GRADIENT_RACE_STRINGS.en;
const cells = (table: HTMLTableElement) =>
  [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((c) => c.textContent));

describe('histogramTable(s, caption, histogram)', () => {
  const h = histogram([-3, -0.5, 0.2, 0.4, 1.9, 2.5, 7], -1, 2, 3);
  const table = histogramTable(s, 'Pathwise', h);
  test('lists below-range, each bin, above-range, with the counts the bars show', () => {
    expect(cells(table)).toEqual([
      ['−∞', '\u22121', '1'],
      ['\u22121', '0', '1'],
      ['0', '1', '2'],
      ['1', '2', '1'],
      ['2', '∞', '2'],
    ]);
  });
  test('counts every value once, under From / To / Estimates headers and the given caption', () => {
    expect(cells(table).reduce((sum, row) => sum + Number(row[2]), 0)).toBe(7);
    expect([...table.tHead!.rows[0]!.cells].map((c) => c.textContent)).toEqual([s.tableFrom, s.tableTo, s.tableCount]);
    expect(table.caption?.textContent).toBe('Pathwise');
  });
});
