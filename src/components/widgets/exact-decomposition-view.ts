/**
 * Everything the exact-decomposition widget writes, from its settings: the exact line, the identity's readout table,
 * the announcement, the fit's status line and its two charts as data. Pure (no DOM, no Plot.plot).
 */
import { fill, type ExactDecompositionStrings } from '../../i18n/widgets/exact-decomposition';
import { FIT_STEPS, type FitPoint } from '../../core/toys/elbo-fit';
import { densityCurves, densityRange, type DensityPoint } from '../../core/toys/marginal-likelihood-study';
import { decompositionChart, densityChart, type DecompositionTerms } from '../../charts/exact-decomposition';
import {
  MODEL,
  densityGridPoints,
  formatGap,
  formatNumber,
  formatScientific,
  proposalOf,
  readout,
  type Settings,
} from './exact-decomposition-state';
import type { ChartView } from './chart-view';

/** The readout table's rows (`tr[data-stat]` in ExactDecomposition.astro), in page order. */
export const READOUT_ROWS = ['evidence', 'elbo', 'gap', 'sum', 'error', 'reconstruction', 'klPrior'] as const;
export type ReadoutRow = (typeof READOUT_ROWS)[number];

/** The two bars' segments: −ELBO = reconstruction cost + KL to the prior, and −log p(x) = −ELBO − gap. */
export function termsOf(settings: Settings): DecompositionTerms {
  const r = readout(settings);
  return { reconstructionCost: -r.reconstruction, klPrior: r.klPrior, negEvidence: -r.logEvidence, gap: r.gap };
}

/** Prior, posterior and q over z, on a grid fine enough for a narrow q. */
export function curvesOf(settings: Settings): DensityPoint[] {
  const q = proposalOf(settings);
  const range = densityRange(MODEL, settings.x, q);
  return densityCurves(MODEL, settings.x, q, densityGridPoints(range, settings.qStd), range);
}

const qText = (settings: Settings) => ({ qMean: formatNumber(settings.qMean), qStd: formatNumber(settings.qStd) });

/** The exact line, the table's caption and cells, and what a screen reader hears after a change. */
export function readoutView(
  s: ExactDecompositionStrings,
  settings: Settings,
): { exact: string; caption: string; cells: Record<ReadoutRow, string>; announcement: string } {
  const r = readout(settings);
  const x = formatNumber(settings.x);
  return {
    exact: fill(s.exactAt, {
      x,
      logEvidence: formatNumber(r.logEvidence),
      postMean: formatNumber(r.posterior.mean),
      postStd: formatNumber(Math.sqrt(r.posterior.variance)),
    }),
    caption: fill(s.tableCaption, { x, ...qText(settings) }),
    cells: {
      evidence: formatNumber(r.logEvidence),
      elbo: formatNumber(r.elbo),
      gap: formatGap(r.gap),
      sum: formatNumber(r.sum),
      error: formatScientific(r.identityError),
      reconstruction: formatNumber(r.reconstruction),
      klPrior: formatNumber(r.klPrior),
    },
    announcement: fill(s.announce, {
      x,
      ...qText(settings),
      elbo: formatNumber(r.elbo),
      gap: formatGap(r.gap),
      sum: formatNumber(r.sum),
    }),
  };
}

/** How a fit ended or where it is: the status line's text ('' once another change cancels it). */
export function fitStatus(
  s: ExactDecompositionStrings,
  phase: 'fitting' | 'done' | 'stopped' | 'cancelled',
  point: FitPoint,
): string {
  const values = { step: point.step, steps: FIT_STEPS, gap: formatGap(point.gap) };
  if (phase === 'fitting') return fill(s.fitting, values);
  if (phase === 'done') return fill(s.fitted, values);
  return phase === 'stopped' ? fill(s.stopped, values) : '';
}

/** The two stacked bars: −ELBO split into its terms, −log p(x) with the gap. */
export function barsView(s: ExactDecompositionStrings, settings: Settings, width: number): ChartView {
  const t = termsOf(settings);
  const description = fill(s.barsDescription, {
    negElbo: formatNumber(t.reconstructionCost + t.klPrior),
    reconstructionCost: formatNumber(t.reconstructionCost),
    klPrior: formatNumber(t.klPrior),
    negEvidence: formatNumber(t.negEvidence),
    gap: formatGap(t.gap),
  });
  const labels = {
    axis: s.barsAxis,
    rowElbo: s.barsRowElbo,
    rowEvidence: s.barsRowEvidence,
    rule: s.barsRule,
    parts: { reconstruction: s.segReconstruction, klPrior: s.segKlPrior, evidence: s.segEvidence, gap: s.segGap },
  };
  return {
    description,
    spec: decompositionChart(t, {
      width,
      labels,
      format: (v) => formatNumber(v, 3),
      ariaLabel: s.barsAria,
      ariaDescription: description,
    }),
  };
}

/** Prior, exact posterior and q over z. */
export function densityView(s: ExactDecompositionStrings, settings: Settings, width: number): ChartView {
  const post = readout(settings).posterior;
  const description = fill(s.densityDescription, {
    postMean: formatNumber(post.mean),
    postStd: formatNumber(Math.sqrt(post.variance)),
    ...qText(settings),
  });
  const labels = {
    z: s.densityAxisZ,
    density: s.densityAxisY,
    prior: s.densityPrior,
    posterior: s.densityPosterior,
    q: s.densityQ,
  };
  return {
    description,
    spec: densityChart(curvesOf(settings), { width, labels, ariaLabel: s.densityAria, ariaDescription: description }),
  };
}
