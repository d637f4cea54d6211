/**
 * The marginal-likelihood widget's three charts as data: for each, the description the page shows and the pure Plot
 * spec from src/charts. No DOM; the render module calls Plot.plot on the spec.
 */
import type { Lang } from '../../i18n/langs';
import { fill, type MarginalLikelihoodStrings } from '../../i18n/widgets/marginal-likelihood';
import { exactPosterior } from '../../core/toys/linear-gaussian';
import { densityCurves } from '../../core/toys/marginal-likelihood-study';
import { convergenceChart, densityChart, type DrawnSample, type TracePoint } from '../../charts/marginal-likelihood';
import { spreadChart } from '../../charts/marginal-likelihood-spread';
import { formatCount, formatNumber } from '../../lib/numbers';
import { METHODS, MODEL, SHOWN_SAMPLES, exactOf, infiniteVariance, proposal, sdOf } from './marginal-likelihood-state';
import type { Estimates } from './marginal-likelihood-estimates';
import { spreadRows } from './marginal-likelihood-view';
import type { ChartView } from './chart-view';

/** Points on each density curve. */
const DENSITY_POINTS = 241;

/** Prior, q and the exact posterior over z, with each sampler's first draws as ticks weighted by their importance. */
export function densityView(s: MarginalLikelihoodStrings, estimates: Estimates, width: number): ChartView {
  const settings = estimates.settings();
  const runs = estimates.runs();
  const q = proposal(settings);
  const post = exactPosterior(MODEL, settings.x);
  const samples: DrawnSample[] = METHODS.flatMap((method) => {
    const { samples: zs, logWeights } = runs[method];
    const max = Math.max(...logWeights);
    return Array.from(zs, (z, i) => ({ method, z, relativeWeight: Math.exp((logWeights[i] as number) - max) }));
  });
  const labels = {
    z: s.densityAxisZ,
    density: s.densityAxisY,
    prior: s.densityPrior,
    proposal: s.densityProposal,
    posterior: s.densityPosterior,
    priorSamples: s.samplesPrior,
    proposalSamples: s.samplesProposal,
  };
  const description = fill(s.densityDescription, {
    qMean: formatNumber(q.mean),
    qStd: formatNumber(Math.sqrt(q.variance)),
    postMean: formatNumber(post.mean),
    postStd: formatNumber(Math.sqrt(post.variance)),
    shown: Math.min(SHOWN_SAMPLES, settings.n),
  });
  const data = { curves: densityCurves(MODEL, settings.x, q, DENSITY_POINTS), samples };
  return {
    description,
    spec: densityChart(data, { width, labels, ariaLabel: s.densityAria, ariaDescription: description }),
  };
}

/** Each sampler's running estimate against the sample count, with the exact value and ±2 closed-form sd bands. */
export function convergenceView(
  s: MarginalLikelihoodStrings,
  lang: Lang,
  estimates: Estimates,
  width: number,
): ChartView {
  const settings = estimates.settings();
  const runs = estimates.runs();
  const p = exactOf(settings);
  const points: TracePoint[] = METHODS.flatMap((method) => {
    const infinite = infiniteVariance(settings, method);
    return runs[method].trace.counts.map((count, i) => {
      const sd = sdOf(settings, method, count);
      const estimate = Math.exp(runs[method].trace.logEstimates[i] ?? NaN);
      return {
        method,
        count,
        estimate,
        lower: infinite ? NaN : Math.max(0, p - 2 * sd),
        upper: infinite ? NaN : p + 2 * sd,
      };
    });
  });
  const description = fill(s.convergenceDescription, {
    n: formatCount(settings.n, lang),
    exact: formatNumber(p),
    priorEnd: formatNumber(Math.exp(runs.prior.logEstimate)),
    qEnd: formatNumber(Math.exp(runs.proposal.logEstimate)),
  });
  const labels = {
    count: s.convergenceAxisX,
    estimate: s.convergenceAxisY,
    exact: s.exactRule,
    prior: s.seriesPrior,
    proposal: s.seriesProposal,
  };
  return {
    description,
    spec: convergenceChart(
      { exact: p, points },
      { width, labels, ariaLabel: s.convergenceAria, ariaDescription: description },
    ),
  };
}

/** The repeated estimates of both samplers as strips; null until both are complete. */
export function spreadView(
  s: MarginalLikelihoodStrings,
  lang: Lang,
  estimates: Estimates,
  width: number,
): ChartView | null {
  const rows = spreadRows(s, estimates);
  if (!rows) return null;
  const settings = estimates.settings();
  const exact = exactOf(settings);
  const [prior, q] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const description = fill(s.spreadDescription, {
    n: formatCount(settings.n, lang),
    exact: formatNumber(exact),
    priorSd: formatNumber(prior.sd),
    qSd: formatNumber(q.sd),
  });
  const labels = { estimate: s.spreadAxisX, exact: s.exactRule };
  return {
    description,
    spec: spreadChart({ exact, rows }, { width, labels, ariaLabel: s.spreadAria, ariaDescription: description }),
  };
}
