/** The "show as table" alternatives of the marginal-likelihood widget's three plots, built from the same numbers. */
import type { Lang } from '../../i18n/langs';
import { fill, type MarginalLikelihoodStrings } from '../../i18n/widgets/marginal-likelihood';
import type { Gaussian1D } from '../../core/toys/linear-gaussian';
import { densityCurves, type Run, type Spread } from '../../core/toys/marginal-likelihood-study';
import { formatCount, formatNumber } from '../../lib/numbers';
import { METHODS, MODEL, REPEATS, type Method } from './marginal-likelihood-state';
import { buildTable } from './kit';

/** Rows of the density table (every k-th grid point). */
const DENSITY_TABLE_ROWS = 25;

/** Prior, proposal and exact posterior densities on a coarse grid of z. */
export function densityTable(s: MarginalLikelihoodStrings, x: number, proposal: Gaussian1D): HTMLTableElement {
  const rows = densityCurves(MODEL, x, proposal, 241);
  const every = Math.ceil(rows.length / DENSITY_TABLE_ROWS);
  const body = rows
    .filter((_, i) => i % every === 0)
    .map((r) => [formatNumber(r.z, 3), formatNumber(r.prior), formatNumber(r.proposal), formatNumber(r.posterior)]);
  return buildTable(s.densityTitle, [s.tableZ, s.tablePrior, s.tableProposal, s.tablePosterior], body);
}

/** The running estimate of each sampler at the plotted sample counts. */
export function convergenceTable(
  s: MarginalLikelihoodStrings,
  lang: Lang,
  runs: Readonly<Record<Method, Run>>,
): HTMLTableElement {
  const body = runs.prior.trace.counts.map((k, i) => [
    formatCount(k, lang),
    ...METHODS.map((m) => formatNumber(Math.exp(runs[m].trace.logEstimates[i] ?? NaN))),
  ]);
  return buildTable(s.convergenceTitle, [s.tableK, s.colPrior, s.colProposal], body);
}

/** Summary statistics of the repeated estimates; `pending` where a sampler's repeats are not finished. */
export function spreadTable(
  s: MarginalLikelihoodStrings,
  repeats: Readonly<Record<Method, { logEstimates: Float64Array; spread: Spread | null }>>,
): HTMLTableElement {
  const stat = (f: (spread: Spread, values: number[]) => number) =>
    METHODS.map((m) => {
      const { spread, logEstimates } = repeats[m];
      return spread ? formatNumber(f(spread, Array.from(logEstimates, Math.exp))) : s.pending;
    });
  const body = [
    [s.rowMean, ...stat((sp) => sp.mean)],
    [s.rowSd, ...stat((sp) => sp.sd)],
    ['5%', ...stat((sp) => sp.lower)],
    ['95%', ...stat((sp) => sp.upper)],
    [s.tableMin, ...stat((_, v) => Math.min(...v))],
    [s.tableMax, ...stat((_, v) => Math.max(...v))],
  ];
  return buildTable(fill(s.spreadTitle, { repeats: REPEATS }), [s.tableStatistic, s.colPrior, s.colProposal], body);
}
