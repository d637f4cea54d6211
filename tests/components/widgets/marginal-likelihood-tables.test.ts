// @vitest-environment jsdom
/** The marginal-likelihood widget's "show as table" alternatives, built from the numbers its charts draw. */
import { describe, expect, test } from 'vitest';
import { MARGINAL_LIKELIHOOD_STRINGS } from '../../../src/i18n/widgets/marginal-likelihood';
import { DEFAULTS, REPEATS, proposal } from '../../../src/components/widgets/marginal-likelihood-state';
import { formatNumber } from '../../../src/lib/numbers';
import { createEstimates } from '../../../src/components/widgets/marginal-likelihood-estimates';
import {
  convergenceTable,
  densityTable,
  spreadTable,
} from '../../../src/components/widgets/marginal-likelihood-tables';

const s = MARGINAL_LIKELIHOOD_STRINGS.en;
const head = (table: HTMLTableElement) => [...table.tHead!.rows[0]!.cells].map((c) => c.textContent);
const body = (table: HTMLTableElement) =>
  [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((c) => c.textContent));

describe('densityTable(s, x, proposal)', () => {
  const table = densityTable(s, DEFAULTS.x, proposal(DEFAULTS));
  test('lists prior, q and posterior on about 25 rows of z', () => {
    expect(head(table)).toEqual([s.tableZ, s.tablePrior, s.tableProposal, s.tablePosterior]);
    expect(body(table).length).toBeGreaterThanOrEqual(21);
    expect(body(table).length).toBeLessThanOrEqual(25);
    expect(table.caption?.textContent).toBe(s.densityTitle);
  });
});

describe('convergenceTable(s, lang, runs)', () => {
  test('one row per plotted count, ending at N, with both samplers’ running estimates', () => {
    const estimates = createEstimates({ ...DEFAULTS, n: 1000 });
    const rows = body(convergenceTable(s, 'en', estimates.runs()));
    expect(rows.length).toBe(estimates.runs().prior.trace.counts.length);
    expect(rows.at(-1)?.[0]).toBe('1,000');
    expect(rows.at(-1)?.[1]).toBe(formatNumber(Math.exp(estimates.runs().prior.logEstimate)));
  });
});

describe('spreadTable(s, repeats)', () => {
  test('says "computing…" until a sampler is done, then mean, sd, 5%, 95%, min and max', () => {
    const estimates = createEstimates({ ...DEFAULTS, n: 10 });
    expect(body(spreadTable(s, estimates.repeats()))[0]).toEqual([s.rowMean, s.pending, s.pending]);
    while (estimates.stepRepeat());
    const table = spreadTable(s, estimates.repeats());
    expect(body(table).map((r) => r[0])).toEqual([s.rowMean, s.rowSd, '5%', '95%', s.tableMin, s.tableMax]);
    expect(body(table).flat()).not.toContain(s.pending);
    expect(table.caption?.textContent).toContain(String(REPEATS));
  });
});
