/** The "show as table" alternative of each gradient-race histogram, built from the same counts the bars show. */
import type { Histogram } from '../../core/toys/gradient-estimator-study';
import { bars } from '../../charts/gradient-race';
import type { GradientRaceStrings } from '../../i18n/widgets/gradient-race';
import { formatNumber } from './gradient-race-state';
import { buildTable } from './kit';

/** One row per bin (its edges and count), with the estimates below and above the plotted range as the first and last rows. */
export function histogramTable(s: GradientRaceStrings, caption: string, histogram: Histogram): HTMLTableElement {
  const body = bars(histogram).map((bar) => [formatNumber(bar.x1), formatNumber(bar.x2), String(bar.count)]);
  body.unshift(['−∞', formatNumber(histogram.lo), String(histogram.below)]);
  body.push([formatNumber(histogram.hi), '∞', String(histogram.above)]);
  return buildTable(caption, [s.tableFrom, s.tableTo, s.tableCount], body);
}
