/** The "show as table" alternatives of the exact-decomposition widget's two plots, built from the same numbers. */
import type { ExactDecompositionStrings } from '../../i18n/widgets/exact-decomposition';
import type { DecompositionTerms } from '../../charts/exact-decomposition';
import type { DensityPoint } from '../../core/toys/marginal-likelihood-study';
import { formatGap, formatNumber } from './exact-decomposition-state';
import { buildTable } from './kit';

/** Rows of the density table (about; every k-th grid point). */
const DENSITY_TABLE_ROWS = 25;

/** Each bar's parts and its total, top bar first: the two totals are the same number. */
export function barsTable(s: ExactDecompositionStrings, terms: DecompositionTerms): HTMLTableElement {
  const top = terms.reconstructionCost + terms.klPrior;
  const bottom = terms.negEvidence + terms.gap;
  const body = [
    [s.legendReconstruction, formatNumber(terms.reconstructionCost)],
    [s.legendKlPrior, formatNumber(terms.klPrior)],
    [s.barsRowElbo, formatNumber(top)],
    [s.legendEvidence, formatNumber(terms.negEvidence)],
    [s.legendGap, formatGap(terms.gap)],
    [s.barsRowEvidence, formatNumber(bottom)],
  ];
  return buildTable(s.barsTitle, [s.tablePart, s.tableNats], body);
}

/** Prior, exact posterior and q on a coarse grid of z. */
export function densityTable(s: ExactDecompositionStrings, curves: readonly DensityPoint[]): HTMLTableElement {
  const every = Math.max(1, Math.ceil(curves.length / DENSITY_TABLE_ROWS));
  const body = curves
    .filter((_, i) => i % every === 0)
    .map((r) => [formatNumber(r.z, 3), formatNumber(r.prior), formatNumber(r.posterior), formatNumber(r.proposal)]);
  return buildTable(s.densityTitle, [s.tableZ, s.densityPrior, s.densityPosterior, s.densityQ], body);
}
