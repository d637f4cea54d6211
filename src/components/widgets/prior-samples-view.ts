/**
 * Everything the prior-samples widget writes as text or draws as a chart, from the measurement's summary: the
 * statistics cells, the per-pixel line, the comparison chart (ELBO against 𝓛₅₀₀), its table rows, the samples' labels
 * and the announcement. Pure; prior-samples-render.ts puts them into the page.
 */
import { comparisonChart, type ComparisonRow } from '../../charts/elbo-gap';
import { bitsPerDimension, powerOfTen } from '../../core/bound-summary';
import type { PretrainedStrings } from '../../i18n/widgets/pretrained';
import { fill, type PriorSamplesStrings } from '../../i18n/widgets/prior-samples';
import { superscript } from '../../lib/numbers';
import { formatNats } from './lab/numbers';
import {
  PRIOR_SAMPLES_PLAN as PLAN,
  SAMPLE_COUNT,
  boundName,
  formatError,
  formatEstimate,
  type BoundSummary,
} from './pretrained-bounds';
import type { ChartView } from './chart-view';

const BOUND = PLAN.ladder[0]!;
const NAME = boundName(BOUND.k);

/** The measurement as the view reads it: the picked image, its size in pixels, the summary so far, still running or not. */
export interface Measured {
  readonly image: number;
  readonly inputSize: number;
  readonly summary: BoundSummary;
  readonly computing: boolean;
}

/** "2.1 × 10⁻⁴³": a probability far below floating point's range, from its log. */
export function formatPower(logProbability: number): string {
  const { mantissa, exponent } = powerOfTen(logProbability);
  return `${mantissa.toFixed(1)} × 10${superscript(exponent)}`;
}

/** The statistics table's caption and cells by `data-stat` key, and the line that turns 𝓛₅₀₀ into p(x) and bits per pixel. */
export function statsView(s: PriorSamplesStrings, p: PretrainedStrings, m: Measured) {
  const bound = m.summary.ladder[0]?.estimate ?? null;
  const text = (estimate: BoundSummary['elbo']) =>
    estimate ? formatEstimate(estimate) : m.computing ? p.pending : '—';
  return {
    caption: fill(s.tableCaption, { image: m.image }),
    cells: { [BOUND.key]: text(bound), [PLAN.elbo.key]: text(m.summary.elbo), gap: text(m.summary.gap) } as Record<
      string,
      string
    >,
    perPixel: bound
      ? fill(s.perPixel, { power: formatPower(bound.mean), bits: bitsPerDimension(bound.mean, m.inputSize).toFixed(3) })
      : '',
  };
}

/** The chart's title for the picked image. */
export const chartTitle = (s: PriorSamplesStrings, image: number): string => fill(s.chartTitle, { image });

/** The comparison chart (ELBO and 𝓛₅₀₀ with error bars) and its description; null until both and the gap are known. */
export function comparisonView(s: PriorSamplesStrings, summary: BoundSummary, width: number): ChartView | null {
  const bound = summary.ladder[0]?.estimate;
  if (!bound || !summary.elbo || !summary.gap) return null;
  const rows: [ComparisonRow, ComparisonRow] = [
    { label: s.labelElbo, kind: 'elbo', mean: summary.elbo.mean, standardError: summary.elbo.standardError },
    { label: fill(s.labelBound, { name: NAME }), kind: 'bound', mean: bound.mean, standardError: bound.standardError },
  ];
  const description = fill(s.chartDescription, {
    elbo: formatEstimate(rows[0]),
    bound: formatEstimate(rows[1]),
    gap: formatNats(summary.gap.mean),
  });
  const spec = comparisonChart(rows, {
    width,
    labels: { nats: s.axisNats },
    ariaLabel: s.chartAria,
    ariaDescription: description,
  });
  return { description, spec };
}

/** The chart as a table: caption, column heads and one row per estimate (mean, standard error, repeats × K). */
export function comparisonTable(s: PriorSamplesStrings, p: PretrainedStrings, image: number, summary: BoundSummary) {
  const rows = [
    { label: s.labelElbo, series: PLAN.elbo, estimate: summary.elbo },
    { label: fill(s.labelBound, { name: NAME }), series: BOUND, estimate: summary.ladder[0]?.estimate ?? null },
  ].map(({ label, series, estimate }) => [
    label,
    estimate ? formatNats(estimate.mean) : p.pending,
    estimate ? formatError(estimate.standardError) : p.pending,
    `${series.repeats} × ${series.k}`,
  ]);
  return { caption: chartTitle(s, image), head: [s.tableEstimate, s.tableMean, s.tableSe, s.tableRepeats], rows };
}

/** The samples canvas's accessible name and the caption under it, for sample set `set`. */
export function samplesText(s: PriorSamplesStrings, set: number): { aria: string; caption: string } {
  return {
    aria: fill(s.samplesAria, { count: SAMPLE_COUNT, set }),
    caption: fill(s.samplesCaption, { count: SAMPLE_COUNT, set }),
  };
}

/** What a screen reader hears once the image is measured: 𝓛₅₀₀ and the ELBO. */
export function announcement(s: PriorSamplesStrings, final: BoundSummary, image: number): string {
  return fill(s.announce, {
    image,
    bound: formatNats(final.ladder[0]?.estimate?.mean),
    elbo: formatNats(final.elbo?.mean),
  });
}
