// @vitest-environment jsdom
/** The toy-likelihood widget's "show as table" alternatives: the same numbers as the plots. */
import { describe, expect, test } from 'vitest';
import { curveTable, densityTable, pointsTable } from '../../../src/components/widgets/toy-likelihood-tables';
import { TOY_LIKELIHOOD_STRINGS } from '../../../src/i18n/widgets/toy-likelihood';
import { DEFAULTS, pointName, readout } from '../../../src/components/widgets/toy-likelihood-state';
import { logLikelihoodOverW } from '../../../src/core/toys/maximum-likelihood';

const s = TOY_LIKELIHOOD_STRINGS.en;
const cells = (table: HTMLTableElement) =>
  [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((c) => c.textContent));
const r = readout(DEFAULTS);

describe('pointsTable(s, bars)', () => {
  test('lists each point’s log p and share of ℓ, then ℓ = −7.746 (100%)', () => {
    const table = pointsTable(
      s,
      DEFAULTS.data.map((x, i) => ({ name: pointName(s, i, x), logLikelihood: r.points[i]! })),
    );
    expect(cells(table)).toEqual([
      ['x⁽¹⁾ = 3', '\u22122.113', '27%'],
      ['x⁽²⁾ = \u22121', '\u22122.113', '27%'],
      ['x⁽³⁾ = 0', '\u22121.760', '23%'],
      ['x⁽⁴⁾ = 2', '\u22121.760', '23%'],
      [s.rowTotal, '\u22127.746', '100%'],
    ]);
    expect(table.caption?.textContent).toBe(s.pointsTitle);
  });
});

describe('densityTable(s, points)', () => {
  test('gives each data point’s density p(x⁽ⁱ⁾)', () => {
    const rows = cells(
      densityTable(
        s,
        DEFAULTS.data.map((x, i) => ({ x, density: Math.exp(r.points[i]!) })),
      ),
    );
    expect(rows.map((row) => row[0])).toEqual(['3', '\u22121', '0', '2']);
    expect(rows[0]![1]).toBe('0.121');
  });
});

describe('curveTable(s, curve, current)', () => {
  test('starts with the current w, then about 21 evenly spaced w', () => {
    const curve = logLikelihoodOverW(DEFAULTS, DEFAULTS.data, [-5, 5], 241);
    const rows = cells(curveTable(s, curve, { w: 2, logLikelihood: r.total }));
    expect(rows[0]).toEqual([`2 (${s.curveNow})`, '\u22127.746']);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThanOrEqual(23);
    expect(rows[1]![0]).toBe('\u22125');
  });
});
