/** The "show as table" alternatives of the toy-likelihood widget's three plots, built from the same numbers. */
import type { ToyLikelihoodStrings } from '../../i18n/widgets/toy-likelihood';
import type { CurvePoint, DataPoint, PointBar } from '../../charts/toy-likelihood';
import { formatTick } from '../../charts/ticks';
import { formatNats, formatValue } from './toy-likelihood-state';
import { buildTable } from './kit';

/** Rows of the curve table (about; every k-th point of the curve). */
const CURVE_TABLE_ROWS = 21;

/** Each data point with the density the model gives it. */
export function densityTable(s: ToyLikelihoodStrings, points: readonly DataPoint[]): HTMLTableElement {
  return buildTable(
    s.densityTitle,
    [s.tableX, s.tableDensity],
    points.map((p) => [formatValue(p.x), formatTick(p.density)]),
  );
}

/** Each point's log p(x⁽ⁱ⁾) and its share of ℓ, then ℓ itself. */
export function pointsTable(s: ToyLikelihoodStrings, bars: readonly PointBar[]): HTMLTableElement {
  const total = bars.reduce((sum, bar) => sum + bar.logLikelihood, 0);
  const share = (value: number) => (total === 0 ? '—' : `${Math.round((100 * value) / total)}%`);
  const body = bars.map((bar) => [bar.name, formatNats(bar.logLikelihood), share(bar.logLikelihood)]);
  return buildTable(
    s.pointsTitle,
    [s.colPoint, s.colLogP, s.tableShare],
    [...body, [s.rowTotal, formatNats(total), share(total)]],
  );
}

/** ℓ at evenly spaced w (b and s held), the current w first. */
export function curveTable(
  s: ToyLikelihoodStrings,
  curve: readonly CurvePoint[],
  current: CurvePoint,
): HTMLTableElement {
  const every = Math.max(1, Math.ceil(curve.length / CURVE_TABLE_ROWS));
  const rows = curve.filter((_, i) => i % every === 0).map((p) => [formatValue(p.w), formatNats(p.logLikelihood)]);
  return buildTable(
    s.curveTitle,
    [s.tableW, s.tableLogLikelihood],
    [[`${formatValue(current.w)} (${s.curveNow})`, formatNats(current.logLikelihood)], ...rows],
  );
}
