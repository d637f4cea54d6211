/**
 * Everything the marginal-likelihood widget writes as text, computed from its settings and estimates: the control
 * notes, the statistics table, the status line and the announcement. Pure (strings in, strings out); the render
 * module puts them into the page.
 */
import type { Lang } from '../../i18n/langs';
import { fill, type MarginalLikelihoodStrings } from '../../i18n/widgets/marginal-likelihood';
import { exactPosterior } from '../../core/toys/linear-gaussian';
import type { Spread } from '../../core/toys/marginal-likelihood-study';
import { formatCount, formatNumber } from '../../lib/numbers';
import {
  METHODS,
  MODEL,
  REPEATS,
  essOf,
  exactOf,
  infiniteVariance,
  sdOf,
  type Method,
  type Settings,
} from './marginal-likelihood-state';
import type { Estimates } from './marginal-likelihood-estimates';

/** The statistics table's rows that differ per sampler (`tr[data-stat]` in MarginalLikelihood.astro). */
export const STAT_ROWS = ['run', 'mean', 'sd', 'band', 'sdTheory', 'ess', 'essTheory'] as const;
export type StatRow = (typeof STAT_ROWS)[number];

/** The notes under the controls: whether q follows the posterior, the posterior itself, and a too-narrow q. */
export function controlsView(
  s: MarginalLikelihoodStrings,
  settings: Settings,
): { pressed: boolean; posteriorNote: string; warning: string } {
  const post = exactPosterior(MODEL, settings.x);
  const values = { mean: formatNumber(post.mean), std: formatNumber(Math.sqrt(post.variance)) };
  const narrow = infiniteVariance(settings, 'proposal');
  return {
    pressed: settings.qIsPosterior,
    posteriorNote: fill(settings.qIsPosterior ? s.posteriorOn : s.posteriorOff, values),
    warning: narrow ? fill(s.qNarrow, { limit: formatNumber(Math.sqrt(post.variance / 2)) }) : '',
  };
}

/** The exact value line above the table. */
export function exactLine(s: MarginalLikelihoodStrings, settings: Settings): string {
  const p = exactOf(settings);
  return fill(s.exactAt, { x: formatNumber(settings.x), exact: formatNumber(p), logExact: formatNumber(Math.log(p)) });
}

/** The statistics table: its caption, the exact row's text and every per-sampler cell (pending where not yet known). */
export function statsView(
  s: MarginalLikelihoodStrings,
  lang: Lang,
  estimates: Estimates,
): { caption: string; exact: string; cells: Record<StatRow, Record<Method, string>> } {
  const settings = estimates.settings();
  const runs = estimates.runs();
  const repeats = estimates.repeats();
  const column = (method: Method): Record<StatRow, string> => {
    const found = repeats[method].spread;
    const spreadText = (f: (sp: Spread) => string) => (found ? f(found) : s.pending);
    const infinite = infiniteVariance(settings, method);
    return {
      run: formatNumber(Math.exp(runs[method].logEstimate)),
      mean: spreadText((sp) => formatNumber(sp.mean)),
      sd: spreadText((sp) => formatNumber(sp.sd)),
      band: spreadText((sp) => fill(s.between, { lower: formatNumber(sp.lower), upper: formatNumber(sp.upper) })),
      sdTheory: infinite ? s.infinite : formatNumber(sdOf(settings, method)),
      ess: formatNumber(runs[method].effectiveSampleSize),
      essTheory: infinite ? '—' : formatNumber(essOf(settings, method)),
    };
  };
  const columns = { prior: column('prior'), proposal: column('proposal') };
  const cells = Object.fromEntries(
    STAT_ROWS.map((row) => [row, { prior: columns.prior[row], proposal: columns.proposal[row] }]),
  ) as Record<StatRow, Record<Method, string>>;
  return {
    caption: fill(s.tableCaption, { x: formatNumber(settings.x), n: formatCount(settings.n, lang), repeats: REPEATS }),
    exact: formatNumber(exactOf(settings)),
    cells,
  };
}

/** The status line while the repeats run and after. */
export function statusText(s: MarginalLikelihoodStrings, lang: Lang, settings: Settings, progress: number): string {
  const values = { repeats: REPEATS, n: formatCount(settings.n, lang), percent: Math.floor(progress * 100) };
  return fill(progress < 1 ? s.computing : s.computed, values);
}

/** What a screen reader hears once the repeats finish: the exact value and both samplers' mean and spread. */
export function announcement(s: MarginalLikelihoodStrings, lang: Lang, estimates: Estimates): string {
  const settings = estimates.settings();
  const { prior, proposal } = estimates.repeats();
  return fill(s.announce, {
    x: formatNumber(settings.x),
    n: formatCount(settings.n, lang),
    exact: formatNumber(exactOf(settings)),
    priorMean: formatNumber(prior.spread?.mean ?? NaN),
    priorSd: formatNumber(prior.spread?.sd ?? NaN),
    qMean: formatNumber(proposal.spread?.mean ?? NaN),
    qSd: formatNumber(proposal.spread?.sd ?? NaN),
  });
}

/** Both samplers' repeated estimates as p(x) values with their spread, once both are complete; else null. */
export function spreadRows(s: MarginalLikelihoodStrings, estimates: Estimates) {
  const repeats = estimates.repeats();
  if (!repeats.prior.spread || !repeats.proposal.spread) return null;
  return METHODS.map((method) => ({
    method,
    label: method === 'prior' ? s.stripPrior : s.stripProposal,
    estimates: Array.from(repeats[method].logEstimates, Math.exp),
    ...(repeats[method].spread as Spread),
  }));
}
