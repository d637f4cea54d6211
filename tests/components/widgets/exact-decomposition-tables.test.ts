// @vitest-environment jsdom
/** The exact-decomposition widget's "show as table" alternatives: the same numbers as the plots. */
import { describe, expect, test } from 'vitest';
import { barsTable, densityTable } from '../../../src/components/widgets/exact-decomposition-tables';
import { EXACT_DECOMPOSITION_STRINGS } from '../../../src/i18n/widgets/exact-decomposition';
import {
  DEFAULTS,
  MODEL,
  formatNumber,
  proposalOf,
  readout,
} from '../../../src/components/widgets/exact-decomposition-state';
import { densityCurves } from '../../../src/core/toys/marginal-likelihood-study';

const s = EXACT_DECOMPOSITION_STRINGS.en;
const cells = (table: HTMLTableElement) =>
  [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((c) => c.textContent));

describe('barsTable(s, terms)', () => {
  const r = readout(DEFAULTS);
  const table = barsTable(s, {
    reconstructionCost: -r.reconstruction,
    klPrior: r.klPrior,
    negEvidence: -r.logEvidence,
    gap: r.gap,
  });
  test('lists both bars’ parts, and the two totals print the same −ELBO', () => {
    const rows = cells(table);
    expect(rows.map((row) => row[0])).toEqual([
      s.legendReconstruction,
      s.legendKlPrior,
      s.barsRowElbo,
      s.legendEvidence,
      s.legendGap,
      s.barsRowEvidence,
    ]);
    expect(rows[2]![1]).toBe(formatNumber(-r.elbo));
    expect(rows[5]![1]).toBe(formatNumber(-r.elbo));
    expect(rows[3]![1]).toBe('2.113');
    expect(table.caption?.textContent).toBe(s.barsTitle);
  });
});

describe('densityTable(s, curves)', () => {
  test('samples about 25 grid rows with z, p(z), p(z|x), q(z)', () => {
    const curves = densityCurves(MODEL, 3, proposalOf(DEFAULTS), 241);
    const table = densityTable(s, curves);
    const rows = cells(table);
    expect(rows.length).toBe(25);
    expect(rows[0]).toEqual([
      formatNumber(curves[0]!.z, 3),
      formatNumber(curves[0]!.prior),
      formatNumber(curves[0]!.posterior),
      formatNumber(curves[0]!.proposal),
    ]);
    expect([...table.tHead!.rows[0]!.cells].map((c) => c.textContent)).toEqual(['z', 'p(z)', 'p(z|x)', 'q(z)']);
  });
});
