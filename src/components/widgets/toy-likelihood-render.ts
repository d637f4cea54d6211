/**
 * Puts the toy-likelihood widget's view into its server-rendered figure: the parts it finds by `data-part`, and one
 * `render(parts)` that redraws only what was asked. Texts come from -view, chart specs and their numbers from -plots.
 */
import type { ToyLikelihoodStrings } from '../../i18n/widgets/toy-likelihood';
import type { Settings } from './toy-likelihood-state';
import { readoutView, type ReadoutRow } from './toy-likelihood-view';
import {
  currentPoint,
  curveOverW,
  curveView,
  densityPoints,
  densityView,
  pointBars,
  pointsView,
} from './toy-likelihood-plots';
import { curveTable, densityTable, pointsTable } from './toy-likelihood-tables';
import { chartWidth, drawChartView, type ChartView } from './chart-view';
import { chartRedrawer, plotSectionsOf, requirePart } from './kit';
import { showText, widgetParts } from './widget-parts';

const WIDGET = 'toy-likelihood';
/** The three charts, in page order. */
export const CHARTS = ['density', 'points', 'curve'] as const;
type ChartKey = (typeof CHARTS)[number];
/** What one frame can redraw. */
export type Part = 'inputs' | 'readout' | 'status' | ChartKey;

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const found = widgetParts(figure, WIDGET, {
    element: ['total', 'readout-caption', 'maximum', 'best-w'],
    fieldset: ['controls'],
    table: ['readout'],
    tbody: ['readout-body'],
    button: ['ascend', 'reset'],
  });
  return { ...found, charts: plotSectionsOf(found.plots, CHARTS, WIDGET) };
}
export type Parts = ReturnType<typeof findParts>;

/** What the renderer reads on each frame. */
export interface Model {
  readonly settings: () => Settings;
  readonly status: () => string;
}

const VIEWS: Record<ChartKey, (s: ToyLikelihoodStrings, settings: Settings, width: number) => ChartView> = {
  density: densityView,
  points: pointsView,
  curve: curveView,
};

/** Binds the "show as table" toggles and returns `render(parts)`. */
export function createRenderer(
  parts: Parts,
  s: ToyLikelihoodStrings,
  model: Model,
): (asked: ReadonlySet<Part>) => void {
  const redraw = chartRedrawer(
    parts.charts,
    { show: s.showTable, hide: s.hideTable },
    {
      density: () => densityTable(s, densityPoints(model.settings())),
      points: () => pointsTable(s, pointBars(s, model.settings())),
      curve: () => curveTable(s, curveOverW(model.settings()), currentPoint(model.settings())),
    },
    (key, section) => drawChartView(section, VIEWS[key](s, model.settings(), chartWidth(section.canvas))),
  );
  return (asked) => {
    if (asked.has('readout')) renderReadout(parts, readoutView(s, model.settings()));
    if (asked.has('status')) showText(parts.status, model.status());
    redraw(asked);
  };
}

/** ℓ, the caption, one row per data point (kept where it exists), the total and the two notes under the table. */
function renderReadout(parts: Parts, view: ReturnType<typeof readoutView>): void {
  parts.total.textContent = view.total;
  parts.readoutCaption.textContent = view.caption;
  parts.readoutBody.replaceChildren(...view.rows.map((row, i) => readoutRow(parts.readoutBody, i, row)));
  requirePart(parts.readout, 'tr[data-stat="total"] td', WIDGET).textContent = view.total;
  parts.maximum.textContent = view.maximum;
  parts.bestW.textContent = view.bestW;
}

/** The body's `tr[data-point=i]`, made if the data grew, with the point's name and log p. */
function readoutRow(body: HTMLTableSectionElement, i: number, { name, value }: ReadoutRow): HTMLTableRowElement {
  let row = body.querySelector<HTMLTableRowElement>(`tr[data-point="${i}"]`);
  if (!row) {
    row = document.createElement('tr');
    row.dataset['point'] = String(i);
    const th = document.createElement('th');
    th.scope = 'row';
    row.append(th, document.createElement('td'));
  }
  (row.cells[0] as HTMLTableCellElement).textContent = name;
  (row.cells[1] as HTMLTableCellElement).textContent = value;
  return row;
}
