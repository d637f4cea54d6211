/**
 * Everything the gradient-race widget writes, from its settings and repeats: the true gradient, the statistics table,
 * the status line, the announcement, the tables' captions and each histogram as data. Pure (no DOM, no Plot.plot).
 */
import type { Lang } from '../../i18n/langs';
import { fill, type GradientRaceStrings } from '../../i18n/widgets/gradient-race';
import { ESTIMATORS, analyticVarianceMu, type Estimator } from '../../core/toys/gradient-estimator-study';
import { histogramChart } from '../../charts/gradient-race';
import { OBJECTIVES, REPEATS, formatCount, formatNumber, noiseNote, type Settings } from './gradient-race-state';
import type { Repeats } from './gradient-race-repeats';
import type { ChartView } from './chart-view';

/** The statistics table's columns that change (`td[data-col]` in GradientRace.astro). */
export const STAT_COLUMNS = ['mean', 'empirical', 'analytic'] as const;
export type StatColumn = (typeof STAT_COLUMNS)[number];

/** The name of the settings' f, as the texts print it. */
export const fnName = (s: GradientRaceStrings, settings: Settings): string =>
  settings.fn === 'square' ? s.fnSquare : s.fnSine;

/** The true gradient d/dμ E[f(z)] in closed form. */
export const truthOf = (settings: Settings): number => OBJECTIVES[settings.fn].trueGradMu(settings.mu, settings.sigma);

/** The closed-form variance of an N-sample estimate by `estimator`. */
export const analyticOf = (settings: Settings, estimator: Estimator): number =>
  analyticVarianceMu(OBJECTIVES[settings.fn], estimator, settings.mu, settings.sigma, settings.n);

const fnValues = (s: GradientRaceStrings, settings: Settings) => ({
  fn: fnName(s, settings),
  mu: formatNumber(settings.mu),
  sigma: formatNumber(settings.sigma),
});

/** The caption of the statistics table (and, after the estimator's name, of each histogram's table). */
export function tableCaption(s: GradientRaceStrings, lang: Lang, settings: Settings): string {
  return fill(s.tableCaption, {
    ...fnValues(s, settings),
    repeats: formatCount(REPEATS, lang),
    n: formatCount(settings.n, lang),
  });
}

/** The true-gradient line, the table's caption and cells (pending until an estimator's repeats finish), the noise note. */
export function statsView(
  s: GradientRaceStrings,
  lang: Lang,
  repeats: Repeats,
): { exact: string; caption: string; cells: Record<Estimator, Record<StatColumn, string>>; noise: string } {
  const settings = repeats.settings();
  const states = repeats.states();
  const row = (e: Estimator): Record<StatColumn, string> => {
    const summary = states[e].summary;
    return {
      mean: summary ? formatNumber(summary.mean) : s.pending,
      empirical: summary ? formatNumber(summary.variance) : s.pending,
      analytic: formatNumber(analyticOf(settings, e)),
    };
  };
  return {
    exact: fill(s.exactAt, { ...fnValues(s, settings), truth: formatNumber(truthOf(settings)) }),
    caption: tableCaption(s, lang, settings),
    cells: Object.fromEntries(ESTIMATORS.map((e) => [e, row(e)])) as Record<Estimator, Record<StatColumn, string>>,
    noise: noiseNote(s, lang, settings),
  };
}

/** The status line while the repeats run and after. */
export function statusText(s: GradientRaceStrings, lang: Lang, settings: Settings, progress: number): string {
  return fill(progress < 1 ? s.computing : s.computed, {
    repeats: formatCount(REPEATS, lang),
    n: formatCount(settings.n, lang),
    percent: Math.floor(progress * 100),
  });
}

/** What a screen reader hears once the repeats finish: the setting and each estimator's empirical variance. */
export function announcement(s: GradientRaceStrings, lang: Lang, repeats: Repeats): string {
  const settings = repeats.settings();
  const variance = (e: Estimator) => formatNumber(repeats.states()[e].summary?.variance ?? NaN);
  return fill(s.announce, {
    ...fnValues(s, settings),
    n: formatCount(settings.n, lang),
    pathwise: variance('pathwise'),
    score: variance('score'),
    baseline: variance('scoreBaseline'),
  });
}

/** One estimator's histogram with the true gradient; null until every estimator's repeats are complete. */
export function histogramView(
  s: GradientRaceStrings,
  lang: Lang,
  repeats: Repeats,
  e: Estimator,
  width: number,
): ChartView | null {
  const settings = repeats.settings();
  const summary = repeats.states()[e].summary;
  if (!summary || repeats.progress() < 1) return null;
  const h = summary.histogram;
  const description = fill(s.histDescription, {
    n: formatCount(settings.n, lang),
    truth: formatNumber(truthOf(settings)),
    mean: formatNumber(summary.mean),
    variance: formatNumber(summary.variance),
    analytic: formatNumber(analyticOf(settings, e)),
    outside: formatCount(h.below + h.above, lang),
    repeats: formatCount(REPEATS, lang),
    lo: formatNumber(h.lo),
    hi: formatNumber(h.hi),
  });
  const labels = { estimate: s.axisEstimate, count: s.axisCount, truth: s.truthRule };
  const ariaLabel = fill(s.histAria, { repeats: formatCount(REPEATS, lang), name: s[e] });
  return {
    description,
    spec: histogramChart(
      { estimator: e, histogram: h, truth: truthOf(settings) },
      { width, labels, ariaLabel, ariaDescription: description },
    ),
  };
}
