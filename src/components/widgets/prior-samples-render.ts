/**
 * Puts the prior-samples widget's view into the server-rendered figure: the parts it finds by `data-part`, the
 * painted sample grid, and one `render(parts)` that redraws the statistics, the status line and the comparison chart
 * (and its table when open).
 */
import type { PretrainedStrings } from '../../i18n/widgets/pretrained';
import type { PriorSamplesStrings } from '../../i18n/widgets/prior-samples';
import type { ImageMeasurement, MeasurementPart } from './image-measurement';
import { measuredParts, measurementRenderer, writeStats } from './measured-widget';
import type { SampleImages } from './prior-samples-state';
import { chartTitle, comparisonTable, comparisonView, samplesText, statsView } from './prior-samples-view';
import { SAMPLE_COLUMNS, SAMPLE_COUNT } from './pretrained-bounds';
import { chartWidth, drawChartView } from './chart-view';
import { paintGrid, themeColors } from './lab/image-grid';
import { buildTable } from './kit';

const WIDGET = 'prior-samples';
/** Upscaling of the sample grid's canvas (CSS then fits it to the column). */
const SAMPLE_SCALE = 3;
/** Pixels of an MNIST image, for bits per pixel before the picked image's size is known. */
const MNIST_SIZE = 784;

/** The figure's elements the client writes to or listens on. */
export function findParts(figure: HTMLElement) {
  const names = { picker: 'digit-controls', chart: 'comparison' };
  return measuredParts(
    figure,
    WIDGET,
    {
      element: ['samples-caption', 'stats-caption', 'per-pixel', 'chart-title'],
      fieldset: ['sample-controls', 'digit-controls'],
      button: ['new-samples'],
      canvas: ['samples'],
      table: ['stats'],
    },
    names,
  );
}
export type Parts = ReturnType<typeof findParts>;

/** Paints a set of decoded samples into the grid in the theme's colours; nothing before the first set. */
export function paintSamples(parts: Parts, samples: SampleImages | null): void {
  if (!samples) return;
  const options = { columns: SAMPLE_COLUMNS, scale: SAMPLE_SCALE, gap: 2, colors: themeColors(parts.figure) };
  paintGrid(parts.samples, samples.pixels, SAMPLE_COUNT, samples.width, samples.height, options);
}

/** Labels the grid with its set number (also `data-set`, which the tests read). */
export function labelSamples(parts: Parts, s: PriorSamplesStrings, set: number): void {
  const text = samplesText(s, set);
  parts.samples.setAttribute('aria-label', text.aria);
  parts.samples.dataset['set'] = String(set);
  parts.samplesCaption.textContent = text.caption;
}

/** Binds the "show as table" toggle and returns `render(parts)`, which redraws the asked-for parts from `m`. */
export function createRenderer(
  parts: Parts,
  s: PriorSamplesStrings,
  p: PretrainedStrings,
  m: ImageMeasurement,
): (asked: ReadonlySet<MeasurementPart>) => void {
  const { canvas, description } = parts.chart;
  return measurementRenderer(parts.chart, p, m, {
    stats: () => renderStats(parts, s, p, m),
    chart: () => {
      parts.chartTitle.textContent = chartTitle(s, m.image);
      const view = comparisonView(s, m.summary, chartWidth(canvas));
      if (view) drawChartView(parts.chart, view);
      else {
        description.textContent = s.chartPending;
        canvas.replaceChildren();
      }
      return view !== null;
    },
    table: () => {
      const { caption, head, rows } = comparisonTable(s, p, m.image, m.summary);
      return buildTable(caption, head, rows);
    },
  });
}

/** The statistics table's caption and cells and the per-pixel line. */
function renderStats(parts: Parts, s: PriorSamplesStrings, p: PretrainedStrings, m: ImageMeasurement): void {
  const inputSize = m.pixels ? m.pixels.width * m.pixels.height : MNIST_SIZE;
  const view = statsView(s, p, { image: m.image, inputSize, summary: m.summary, computing: m.computing });
  writeStats(parts.stats, parts.statsCaption, view, m, WIDGET);
  parts.perPixel.textContent = view.perPixel;
}
