/**
 * Puts the marginal-likelihood widget's view into the server-rendered figure: the parts it finds by `data-part`, and
 * one `render(parts)` that redraws only the parts asked for. The numbers and texts come from the pure view modules.
 */
import type { Lang } from '../../i18n/langs';
import type { MarginalLikelihoodStrings } from '../../i18n/widgets/marginal-likelihood';
import { METHODS, proposal } from './marginal-likelihood-state';
import type { Estimates } from './marginal-likelihood-estimates';
import { STAT_ROWS, controlsView, exactLine, statsView, statusText } from './marginal-likelihood-view';
import { convergenceView, densityView, spreadView } from './marginal-likelihood-plots';
import { chartWidth, drawChartView } from './chart-view';
import { convergenceTable, densityTable, spreadTable } from './marginal-likelihood-tables';
import { chartRedrawer, plotSectionsOf, requirePart } from './kit';
import { showProgress, widgetParts } from './widget-parts';

const WIDGET = 'marginal-likelihood';
/** The three charts, in page order. */
export const CHARTS = ['density', 'convergence', 'spread'] as const;
export type ChartKey = (typeof CHARTS)[number];
/** What one frame can redraw. */
export type Part = 'inputs' | 'stats' | 'status' | ChartKey;

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const found = widgetParts(figure, WIDGET, {
    element: ['stats-caption', 'exact', 'warning', 'posterior-note'],
    fieldset: ['controls'],
    table: ['stats'],
    progress: ['progress'],
    button: ['use-posterior', 'new-draws'],
  });
  return { ...found, charts: plotSectionsOf(found.plots, CHARTS, WIDGET) };
}
export type Parts = ReturnType<typeof findParts>;

/** Binds the "show as table" toggles and returns `render(parts)`, which redraws the asked-for parts from `estimates`. */
export function createRenderer(
  parts: Parts,
  s: MarginalLikelihoodStrings,
  lang: Lang,
  estimates: Estimates,
): (asked: ReadonlySet<Part>) => void {
  const views = {
    density: (width: number) => densityView(s, estimates, width),
    convergence: (width: number) => convergenceView(s, lang, estimates, width),
    spread: (width: number) => spreadView(s, lang, estimates, width),
  };
  const redraw = chartRedrawer(
    parts.charts,
    { show: s.showTable, hide: s.hideTable },
    {
      density: () => densityTable(s, estimates.settings().x, proposal(estimates.settings())),
      convergence: () => convergenceTable(s, lang, estimates.runs()),
      spread: () => spreadTable(s, estimates.repeats()),
    },
    (key, section) => drawChartView(section, views[key](chartWidth(section.canvas))),
  );
  return (asked) => {
    if (asked.has('inputs')) renderControls(parts, s, estimates);
    if (asked.has('stats')) renderStats(parts, s, lang, estimates);
    if (asked.has('status')) {
      const progress = estimates.progress();
      showProgress(parts, progress, statusText(s, lang, estimates.settings(), progress));
    }
    if (asked.has('spread')) parts.charts.spread.canvas.classList.toggle('is-stale', estimates.progress() < 1);
    redraw(asked);
  };
}

/** The posterior button's state, the note under the controls and the too-narrow warning. */
function renderControls(parts: Parts, s: MarginalLikelihoodStrings, estimates: Estimates): void {
  const view = controlsView(s, estimates.settings());
  parts.usePosterior.setAttribute('aria-pressed', String(view.pressed));
  parts.posteriorNote.textContent = view.posteriorNote;
  parts.warning.hidden = view.warning === '';
  parts.warning.textContent = view.warning;
}

/** The exact line and every cell of the statistics table. */
function renderStats(parts: Parts, s: MarginalLikelihoodStrings, lang: Lang, estimates: Estimates): void {
  const view = statsView(s, lang, estimates);
  parts.exact.textContent = exactLine(s, estimates.settings());
  parts.statsCaption.textContent = view.caption;
  for (const td of parts.stats.querySelectorAll('tr[data-stat="exact"] td')) td.textContent = view.exact;
  for (const row of STAT_ROWS)
    for (const method of METHODS)
      requirePart(parts.stats, `tr[data-stat="${row}"] td[data-method="${method}"]`, WIDGET).textContent =
        view.cells[row][method];
  parts.stats.toggleAttribute('aria-busy', estimates.progress() < 1);
}
