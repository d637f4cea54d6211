/**
 * Puts the elbo-gap widget's view into the server-rendered figure: the parts it finds by `data-part`, and one
 * `render(parts)` that redraws the statistics, the status line and the ladder chart (and its table when open).
 */
import type { ElboGapStrings } from '../../i18n/widgets/elbo-gap';
import type { PretrainedStrings } from '../../i18n/widgets/pretrained';
import type { ImageMeasurement, MeasurementOptions, MeasurementPart } from './image-measurement';
import { ELBO_GAP_PLAN as PLAN } from './pretrained-bounds';
import { ladderHead, ladderRows, ladderView, statsView } from './elbo-gap-view';
import { chartWidth, drawChartView } from './chart-view';
import { bindTableToggle, buildTable, partsOf, plotSectionParts, requirePart } from './kit';

const WIDGET = 'elbo-gap';

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const part = partsOf(figure, WIDGET);
  const plots = part('plots');
  const measurement: Pick<MeasurementOptions, 'status' | 'progress' | 'digit' | 'pickerRoot' | 'backend'> = {
    status: part('status'),
    progress: part<HTMLProgressElement>('progress'),
    digit: part<HTMLCanvasElement>('image'),
    pickerRoot: part('controls'),
    backend: part('backend'),
  };
  return {
    figure,
    /** What the shared image measurement writes to (image-measurement.ts). */
    measurement,
    controls: part<HTMLFieldSetElement>('controls'),
    stats: part<HTMLTableElement>('stats'),
    statsCaption: part('stats-caption'),
    gap: part('gap'),
    climbs: part('climbs'),
    staticNote: part('static-note'),
    announce: part('announce'),
    plots,
    chart: plotSectionParts(plots, 'ladder', WIDGET),
  };
}
export type Parts = ReturnType<typeof findParts>;

/** Binds the "show as table" toggle and returns `render(parts)`, which redraws the asked-for parts from `m`. */
export function createRenderer(
  parts: Parts,
  s: ElboGapStrings,
  p: PretrainedStrings,
  m: ImageMeasurement,
): (asked: ReadonlySet<MeasurementPart>) => void {
  const { canvas, table, toggle: button } = parts.chart;
  const fillTable = () => {
    const { caption, head } = ladderHead(s);
    table.replaceChildren(buildTable(caption, head, ladderRows(s, p, m.summary)));
  };
  button.hidden = false;
  const toggle = bindTableToggle(button, table, { show: p.showTable, hide: p.hideTable }, fillTable);
  return (asked) => {
    if (asked.has('stats')) renderStats(parts, s, p, m);
    if (asked.has('status')) m.drawStatus();
    if (asked.has('chart')) {
      canvas.classList.toggle('is-stale', m.computing);
      drawChartView(parts.chart, ladderView(s, m, chartWidth(canvas)));
      if (toggle.isOpen()) fillTable();
    }
  };
}

/** The statistics table's caption and cells, the gap sentence and the climb note. */
function renderStats(parts: Parts, s: ElboGapStrings, p: PretrainedStrings, m: ImageMeasurement): void {
  const view = statsView(s, p, m);
  parts.statsCaption.textContent = view.caption;
  for (const key of [PLAN.elbo.key, ...PLAN.ladder.map((series) => series.key), 'gap'])
    requirePart<HTMLElement>(parts.stats, `tr[data-stat="${key}"] td[data-col="estimate"]`, WIDGET).textContent =
      view.cells[key] ?? '';
  parts.stats.toggleAttribute('aria-busy', m.computing);
  parts.stats.dataset['image'] = String(m.image);
  parts.gap.textContent = view.gap;
  parts.climbs.textContent = view.climbs.text;
  if (view.climbs.value === null) delete parts.climbs.dataset['climbs'];
  else parts.climbs.dataset['climbs'] = String(view.climbs.value);
}
