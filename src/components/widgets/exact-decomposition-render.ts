/**
 * Puts the exact-decomposition widget's view into its server-rendered figure: the parts it finds by `data-part`, the
 * setting rows (fields.ts), and one `render(parts)` that redraws only what was asked. Texts and specs come from -view.
 */
import type { ExactDecompositionStrings } from '../../i18n/widgets/exact-decomposition';
import { fill } from '../../i18n/widgets/exact-decomposition';
import { LIMITS, formatNumber, parseSetting, type Setting, type Settings } from './exact-decomposition-state';
import { READOUT_ROWS, barsView, curvesOf, densityView, readoutView, termsOf } from './exact-decomposition-view';
import { barsTable, densityTable } from './exact-decomposition-tables';
import { chartWidth, drawChartView } from './chart-view';
import { bindSettingRows, type BoundRow, type SettingRow } from './fields';
import { chartRedrawer, plotSectionsOf, requirePart } from './kit';
import { showText, widgetParts } from './widget-parts';

const WIDGET = 'exact-decomposition';
const CHARTS = ['bars', 'density'] as const;
type ChartKey = (typeof CHARTS)[number];
/** What one frame can redraw. */
export type Part = 'inputs' | 'readout' | 'status' | ChartKey;

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const found = widgetParts(figure, WIDGET, {
    element: ['readout-caption', 'exact'],
    fieldset: ['controls'],
    table: ['readout'],
    button: ['fit', 'use-posterior', 'reset'],
  });
  return { ...found, charts: plotSectionsOf(found.plots, CHARTS, WIDGET) };
}
export type Parts = ReturnType<typeof findParts>;

/** The three setting rows; a refused σ_q gets its own sentence (it must be positive). */
export function bindInputs(
  parts: Parts,
  s: ExactDecompositionStrings,
  apply: (setting: Setting, value: number) => void,
): Record<Setting, BoundRow> {
  const row = (setting: Setting): SettingRow => ({
    parse: (raw) => {
      const parsed = parseSetting(setting, raw);
      const { min, max } = LIMITS[setting];
      return parsed.ok
        ? parsed.value
        : fill(setting === 'qStd' ? s.invalidStd : s.invalidNumber, { min: formatNumber(min), max: formatNumber(max) });
    },
  });
  return bindSettingRows(parts.controls, WIDGET, { x: row('x'), qMean: row('qMean'), qStd: row('qStd') }, apply);
}

/** What the renderer reads on each frame. */
export interface Model {
  readonly settings: () => Settings;
  readonly status: () => string;
  /** True while a fit plays (the announcement waits for its end). */
  readonly fitting: () => boolean;
}

/** Binds the "show as table" toggles and returns `render(parts)`. */
export function createRenderer(
  parts: Parts,
  s: ExactDecompositionStrings,
  model: Model,
  announce: (text: string) => void,
): (asked: ReadonlySet<Part>) => void {
  const views = {
    bars: (width: number) => barsView(s, model.settings(), width),
    density: (width: number) => densityView(s, model.settings(), width),
  };
  const redraw = chartRedrawer(
    parts.charts,
    { show: s.showTable, hide: s.hideTable },
    {
      bars: () => barsTable(s, termsOf(model.settings())),
      density: () => densityTable(s, curvesOf(model.settings())),
    },
    (key, section) => drawChartView(section, views[key](chartWidth(section.canvas))),
  );
  return (asked) => {
    if (asked.has('readout')) {
      const view = readoutView(s, model.settings());
      parts.exact.textContent = view.exact;
      parts.readoutCaption.textContent = view.caption;
      for (const row of READOUT_ROWS)
        requirePart(parts.readout, `tr[data-stat="${row}"] td`, WIDGET).textContent = view.cells[row];
      if (!model.fitting()) announce(view.announcement);
    }
    if (asked.has('status')) showText(parts.status, model.status());
    redraw(asked);
  };
}
