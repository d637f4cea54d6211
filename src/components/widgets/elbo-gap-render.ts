/**
 * Puts the elbo-gap widget's view into the server-rendered figure: the parts it finds by `data-part`, and one
 * `render(parts)` that redraws the statistics, the status line and the ladder chart (and its table when open).
 */
import type { ElboGapStrings } from '../../i18n/widgets/elbo-gap';
import type { PretrainedStrings } from '../../i18n/widgets/pretrained';
import type { ImageMeasurement, MeasurementPart } from './image-measurement';
import { measuredParts, measurementRenderer, writeStats } from './measured-widget';
import { ladderHead, ladderRows, ladderView, statsView } from './elbo-gap-view';
import { chartWidth, drawChartView } from './chart-view';
import { buildTable } from './kit';

const WIDGET = 'elbo-gap';

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const names = { picker: 'controls', chart: 'ladder' };
  return measuredParts(
    figure,
    WIDGET,
    {
      element: ['stats-caption', 'gap', 'climbs'],
      fieldset: ['controls'],
      table: ['stats'],
    },
    names,
  );
}
export type Parts = ReturnType<typeof findParts>;

/** Binds the "show as table" toggle and returns `render(parts)`, which redraws the asked-for parts from `m`. */
export function createRenderer(
  parts: Parts,
  s: ElboGapStrings,
  p: PretrainedStrings,
  m: ImageMeasurement,
): (asked: ReadonlySet<MeasurementPart>) => void {
  return measurementRenderer(parts.chart, p, m, {
    stats: () => renderStats(parts, s, p, m),
    chart: () => {
      drawChartView(parts.chart, ladderView(s, m, chartWidth(parts.chart.canvas)));
      return true;
    },
    table: () => {
      const { caption, head } = ladderHead(s);
      return buildTable(caption, head, ladderRows(s, p, m.summary));
    },
  });
}

/** The statistics table's caption and cells, the gap sentence and the climb note. */
function renderStats(parts: Parts, s: ElboGapStrings, p: PretrainedStrings, m: ImageMeasurement): void {
  const view = statsView(s, p, m);
  writeStats(parts.stats, parts.statsCaption, view, m, WIDGET);
  parts.gap.textContent = view.gap;
  parts.climbs.textContent = view.climbs.text;
  if (view.climbs.value === null) delete parts.climbs.dataset['climbs'];
  else parts.climbs.dataset['climbs'] = String(view.climbs.value);
}
