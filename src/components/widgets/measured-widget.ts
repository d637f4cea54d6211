/**
 * The page side the two pretrained-bound widgets (ElboGap, PriorSamples) share around their image measurement
 * (image-measurement.ts): finding their parts, the statistics table, one renderer for statistics, status and chart,
 * and the mount that draws it once per frame.
 */
import type { Lang } from '../../i18n/langs';
import { PRETRAINED_STRINGS, type PretrainedStrings } from '../../i18n/widgets/pretrained';
import type { BoundPlan, BoundSummary } from './pretrained-bounds';
import {
  createImageMeasurement,
  type ImageMeasurement,
  type MeasurementOptions,
  type MeasurementPart,
} from './image-measurement';
import {
  bindTableToggle,
  frameScheduler,
  langOf,
  partsOf,
  plotSectionParts,
  politeAnnouncer,
  requirePart,
  watchWidth,
  type PlotSectionParts,
} from './kit';
import { widgetParts, type PartSpec } from './widget-parts';

/** The elements a measurement writes to: the status line, progress bar, digit canvas, picker fieldset, engine line. */
export type MeasurementElements = Pick<MeasurementOptions, 'status' | 'progress' | 'digit' | 'pickerRoot' | 'backend'>;

/**
 * A measured widget's parts: the shared ones and those `spec` lists (widget-parts.ts), what its measurement writes to
 * (the picker in the fieldset `picker`), and its one chart's plot section `chart`.
 */
export function measuredParts<const S extends PartSpec>(
  figure: HTMLElement,
  widget: string,
  spec: S,
  names: { readonly picker: string; readonly chart: string },
) {
  const found = widgetParts(figure, widget, spec);
  const part = partsOf(figure, widget);
  const measurement: MeasurementElements = {
    status: found.status,
    progress: part<HTMLProgressElement>('progress'),
    digit: part<HTMLCanvasElement>('image'),
    pickerRoot: part(names.picker),
    backend: part('backend'),
  };
  return { ...found, figure, measurement, chart: plotSectionParts(found.plots, names.chart, widget) };
}

/** Writes the statistics table: its caption, each `tr[data-stat=key]`'s estimate, busy while the image is measured. */
export function writeStats(
  table: HTMLTableElement,
  caption: HTMLElement,
  view: { readonly caption: string; readonly cells: Readonly<Record<string, string>> },
  m: ImageMeasurement,
  widget: string,
): void {
  caption.textContent = view.caption;
  for (const [key, text] of Object.entries(view.cells))
    requirePart<HTMLElement>(table, `tr[data-stat="${key}"] td[data-col="estimate"]`, widget).textContent = text;
  table.toggleAttribute('aria-busy', m.computing);
  table.dataset['image'] = String(m.image);
}

/** What a measured widget draws: its statistics, its chart (false when there is nothing to draw yet), the chart's table. */
export interface MeasuredDrawing {
  stats(): void;
  chart(): boolean;
  table(): Node;
}

/** Shows and binds the chart's "show as table" toggle and returns `render(asked)`, which redraws the asked-for parts. */
export function measurementRenderer(
  section: PlotSectionParts,
  p: PretrainedStrings,
  m: ImageMeasurement,
  draw: MeasuredDrawing,
): (asked: ReadonlySet<MeasurementPart>) => void {
  const { canvas, table, toggle: button } = section;
  button.hidden = false;
  const toggle = bindTableToggle(button, table, { show: p.showTable, hide: p.hideTable }, () =>
    table.replaceChildren(draw.table()),
  );
  return (asked) => {
    if (asked.has('stats')) draw.stats();
    if (asked.has('status')) m.drawStatus();
    if (!asked.has('chart')) return;
    canvas.classList.toggle('is-stale', m.computing);
    if (draw.chart() && toggle.isOpen()) table.replaceChildren(draw.table());
  };
}

/** The parts mountMeasurement itself uses: the measurement's elements, the plots, the no-JS note, the live region. */
export interface MeasuredParts {
  readonly measurement: MeasurementElements;
  readonly plots: HTMLElement;
  readonly staticNote: HTMLElement;
  readonly announce: HTMLElement;
}

/** A pretrained-bound widget as mountMeasurement needs it: its name, plan, strings, parts, drawing and announcement. */
export interface MeasuredWidget<S extends MeasurementOptions['templates'], Parts extends MeasuredParts> {
  /** The figure's name in its data-widget attribute, for error messages. */
  readonly widget: string;
  readonly plan: BoundPlan;
  /** The widget's own strings by language (they hold the status line's templates). */
  readonly strings: Readonly<Record<Lang, S>>;
  findParts(figure: HTMLElement): Parts;
  /** Binds the widget's drawing and returns its `render(asked)` (built on measurementRenderer). */
  createRenderer(
    parts: Parts,
    s: S,
    p: PretrainedStrings,
    m: ImageMeasurement,
  ): (asked: ReadonlySet<MeasurementPart>) => void;
  /** What the live region says when the picked image's measurement finishes. */
  announcement(s: S, summary: BoundSummary, image: number): string;
}

/**
 * Finds the widget's parts in `figure` and creates its measurement, drawn once per frame, the chart redrawn when the
 * plots resize; hides the no-JS note. Returns what the client wires further; nothing runs until `m.start`.
 */
export function mountMeasurement<S extends MeasurementOptions['templates'], Parts extends MeasuredParts>(
  figure: HTMLElement,
  w: MeasuredWidget<S, Parts>,
) {
  const lang = langOf(figure);
  const s = w.strings[lang];
  const p = PRETRAINED_STRINGS[lang];
  const parts = w.findParts(figure);
  const announce = politeAnnouncer(parts.announce);
  const m = createImageMeasurement({
    figure,
    widget: w.widget,
    plan: w.plan,
    p,
    templates: s,
    ...parts.measurement,
    request: (...asked) => scheduler.request(...asked),
    onMeasured: (final, image) => announce(w.announcement(s, final, image)),
  });
  const scheduler = frameScheduler<MeasurementPart>(w.createRenderer(parts, s, p, m));
  watchWidth(parts.plots, () => scheduler.request('chart'));
  parts.staticNote.hidden = true;
  return { m, parts, s, p, request: scheduler.request };
}
