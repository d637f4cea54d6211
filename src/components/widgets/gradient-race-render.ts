/**
 * Puts the gradient-race widget's view into its server-rendered figure: the parts it finds by `data-part`, and one
 * `render(parts)` that redraws only what was asked. Texts and histogram specs come from -view, numbers from -repeats.
 */
import type { Lang } from '../../i18n/langs';
import type { GradientRaceStrings } from '../../i18n/widgets/gradient-race';
import { ESTIMATORS, type Estimator } from '../../core/toys/gradient-estimator-study';
import type { Repeats } from './gradient-race-repeats';
import { STAT_COLUMNS, histogramView, statsView, statusText, tableCaption } from './gradient-race-view';
import { histogramTable } from './gradient-race-tables';
import { chartWidth, drawChartView } from './chart-view';
import { chartRedrawer, plotSectionsOf, requirePart } from './kit';
import { showProgress, widgetParts } from './widget-parts';

const WIDGET = 'gradient-race';
/** What one frame can redraw. */
export type Part = 'inputs' | 'stats' | 'status' | Estimator;

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const found = widgetParts(figure, WIDGET, {
    element: ['exact', 'stats-caption', 'noise'],
    fieldset: ['controls'],
    table: ['stats'],
    progress: ['progress'],
    button: ['new-draws'],
  });
  return { ...found, charts: plotSectionsOf(found.plots, ESTIMATORS, WIDGET) };
}
export type Parts = ReturnType<typeof findParts>;

/** Binds the "show as table" toggles and returns `render(parts)`, which redraws the asked-for parts from `repeats`. */
export function createRenderer(
  parts: Parts,
  s: GradientRaceStrings,
  lang: Lang,
  repeats: Repeats,
): (asked: ReadonlySet<Part>) => void {
  const tableOf = (e: Estimator) => {
    const summary = repeats.states()[e].summary;
    if (!summary) return document.createTextNode(s.pending);
    return histogramTable(s, `${s[e]} (${tableCaption(s, lang, repeats.settings())})`, summary.histogram);
  };
  const redraw = chartRedrawer(
    parts.charts,
    { show: s.showTable, hide: s.hideTable },
    {
      pathwise: () => tableOf('pathwise'),
      score: () => tableOf('score'),
      scoreBaseline: () => tableOf('scoreBaseline'),
    },
    (e, section) => {
      section.canvas.classList.toggle('is-stale', repeats.progress() < 1);
      drawChartView(section, histogramView(s, lang, repeats, e, chartWidth(section.canvas)));
    },
  );
  return (asked) => {
    if (asked.has('stats')) renderStats(parts, s, lang, repeats);
    if (asked.has('status')) {
      const progress = repeats.progress();
      showProgress(parts, progress, statusText(s, lang, repeats.settings(), progress));
    }
    redraw(asked);
  };
}

/** The true-gradient line, the statistics table and the noise note. */
function renderStats(parts: Parts, s: GradientRaceStrings, lang: Lang, repeats: Repeats): void {
  const view = statsView(s, lang, repeats);
  parts.exact.textContent = view.exact;
  parts.statsCaption.textContent = view.caption;
  for (const e of ESTIMATORS)
    for (const column of STAT_COLUMNS)
      requirePart(parts.stats, `tr[data-estimator="${e}"] td[data-col="${column}"]`, WIDGET).textContent =
        view.cells[e][column];
  parts.noise.textContent = view.noise;
  parts.stats.toggleAttribute('aria-busy', repeats.progress() < 1);
}
