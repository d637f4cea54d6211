/**
 * Everything the toy-likelihood widget writes as text, from its settings: the readout (ℓ, the per-point table, the
 * maximum and the best w), the climb's status line, the announcement and the refusals of the fields. Pure (strings in,
 * strings out); the render module puts them into the page.
 */
import type { AscentPoint } from '../../core/toys/maximum-likelihood';
import { fill, type ToyLikelihoodStrings } from '../../i18n/widgets/toy-likelihood';
import {
  DATA_LIMITS,
  LIMITS,
  formatNats,
  formatValue,
  pointName,
  readout,
  type ParsedData,
  type Setting,
  type Settings,
} from './toy-likelihood-state';

/** θ as the texts print it. */
export const thetaText = (settings: Settings) => ({
  w: formatValue(settings.w),
  b: formatValue(settings.b),
  s: formatValue(settings.s),
});

/** One row of the readout table: the point's name and its log p in nats. */
export interface ReadoutRow {
  readonly name: string;
  readonly value: string;
}

/** The headline ℓ, the table's caption, rows and total, the closed-form maximum and the best w for the current b, s. */
export function readoutView(
  s: ToyLikelihoodStrings,
  settings: Settings,
): { total: string; caption: string; rows: ReadoutRow[]; maximum: string; bestW: string } {
  const r = readout(settings);
  const best = { bestW: formatValue(Math.abs(r.bestW)), bestValue: formatNats(r.bestWLogLikelihood) };
  return {
    total: formatNats(r.total),
    caption: fill(s.tableCaption, { ...thetaText(settings), variance: formatValue(r.variance) }),
    rows: settings.data.map((x, i) => ({ name: pointName(s, i, x), value: formatNats(r.points[i] as number) })),
    maximum: fill(s.maximum, {
      b: formatValue(r.maximum.b),
      variance: formatValue(r.maximum.variance),
      max: formatNats(r.maximum.logLikelihood),
    }),
    bestW: fill(r.bestW === 0 ? s.bestWZero : s.bestW, best),
  };
}

/** Where a climb is: under way, reached its end, stopped by the reader, or cancelled by another change (''). */
export type ClimbPhase = 'ascending' | 'done' | 'stopped' | 'cancelled';

/** The status line for a climb of `steps` steps at `point`; `settings` are θ there (the end's variance w² + s²). */
export function climbStatus(
  s: ToyLikelihoodStrings,
  phase: ClimbPhase,
  point: AscentPoint,
  steps: number,
  settings: Settings,
): string {
  const total = formatNats(point.logLikelihood);
  if (phase === 'ascending') return fill(s.ascending, { step: point.step, steps, total });
  if (phase === 'stopped') return fill(s.stopped, { step: point.step, steps, total });
  if (phase === 'cancelled') return '';
  const variance = formatValue(readout(settings).variance);
  return fill(s.reached, {
    steps: point.step,
    total,
    b: formatValue(point.b),
    variance,
    w: formatValue(point.w),
    s: formatValue(point.s),
  });
}

/** What a screen reader hears once the reader pauses: θ and ℓ. */
export function announcement(s: ToyLikelihoodStrings, settings: Settings): string {
  return fill(s.announce, { ...thetaText(settings), total: formatNats(readout(settings).total) });
}

/** The sentence next to a refused w, b or s field (s gets its own: it must be positive). */
export function settingMessage(s: ToyLikelihoodStrings, setting: Setting): string {
  const { min, max } = LIMITS[setting];
  return fill(setting === 's' ? s.invalidStd : s.invalidNumber, { min: formatValue(min), max: formatValue(max) });
}

/** The sentence next to refused data, naming the offending entry or the count allowed. */
export function dataMessage(s: ToyLikelihoodStrings, refused: Extract<ParsedData, { ok: false }>): string {
  const range = { min: formatValue(DATA_LIMITS.min), max: formatValue(DATA_LIMITS.max) };
  switch (refused.reason) {
    case 'notANumber':
      return fill(s.dataNotANumber, { entry: refused.entry });
    case 'outOfRange':
      return fill(s.dataOutOfRange, { entry: refused.entry, ...range });
    case 'tooFew':
      return fill(s.dataTooFew, { count: DATA_LIMITS.minCount });
    case 'tooMany':
      return fill(s.dataTooMany, { count: DATA_LIMITS.maxCount });
    case 'allEqual':
      return s.dataAllEqual;
  }
}
