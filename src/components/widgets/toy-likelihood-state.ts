/**
 * The toy-likelihood widget's settings in one serialisable object, their limits, parsing of what the reader types
 * (numbers and the data list), and the numbers it shows (all from src/core). Shared by the server-rendered component
 * and the client; no DOM.
 */
import { logEvidence, type LinearGaussian } from '../../core/toys/linear-gaussian';
import {
  bestSlope,
  datasetLogLikelihood,
  maximumLikelihood,
  pointLogLikelihoods,
  type Maximum,
} from '../../core/toys/maximum-likelihood';
import { fill, type ToyLikelihoodStrings } from '../../i18n/widgets/toy-likelihood';
import {
  fieldText,
  formatNats,
  parseLimited,
  readNumber,
  type Limit,
  type Parsed as ParsedNumber,
} from '../../lib/numbers';

export { fieldText, formatNats };

/** Everything the reader can set: θ = (w, b, s) and the data. A copy of this object reproduces what the widget shows. */
export interface Settings {
  readonly w: number;
  readonly b: number;
  readonly s: number;
  readonly data: readonly number[];
}

/** Chapter 2's table: the data 3, −1, 0, 2 and chapter 1's θ = (2, 1, 0.5). */
export const DEFAULTS: Settings = Object.freeze({ w: 2, b: 1, s: 0.5, data: Object.freeze([3, -1, 0, 2]) });

/** Data live in [−5, 5], so the maximum (|ŵ| ≤ 5, b̂ in [−5, 5]) always lies within the sliders' ranges; s must be positive. */
export const LIMITS = Object.freeze({
  w: { min: -5, max: 5, step: 0.05, integer: false },
  b: { min: -5, max: 5, step: 0.05, integer: false },
  s: { min: 0.05, max: 5, step: 0.05, integer: false },
} satisfies Record<string, Limit>);

export type Setting = keyof typeof LIMITS;

/** What the data field accepts: 2 to 12 numbers, each within ±5. */
export const DATA_LIMITS = Object.freeze({ min: -5, max: 5, minCount: 2, maxCount: 12 });

/** The model a setting describes. */
export const modelOf = (settings: Settings): LinearGaussian => ({ w: settings.w, b: settings.b, s: settings.s });

/** The result of reading a typed value: the number, or why it was refused. */
export type Parsed = ParsedNumber;

/** Reads what the reader typed for `setting`: a finite number within its limits. */
export function parseSetting(setting: Setting, raw: string): Parsed {
  return parseLimited(LIMITS[setting], raw);
}

/** The result of reading the data field: the numbers, or why they were refused (with the offending entry, if one). */
export type ParsedData =
  | { readonly ok: true; readonly data: readonly number[] }
  | { readonly ok: false; readonly reason: 'notANumber' | 'outOfRange'; readonly entry: string }
  | { readonly ok: false; readonly reason: 'tooFew' | 'tooMany' | 'allEqual' };

/** Reads the data field: numbers separated by commas (also "，" and "、"), semicolons or spaces. */
export function parseData(raw: string): ParsedData {
  const entries = raw.split(/[\s,;\uFF0C\u3001\uFF1B]+/).filter((entry) => entry !== '');
  const data: number[] = [];
  for (const entry of entries) {
    const value = readNumber(entry);
    if (value === null) return { ok: false, reason: 'notANumber', entry };
    if (value < DATA_LIMITS.min || value > DATA_LIMITS.max) return { ok: false, reason: 'outOfRange', entry };
    data.push(value);
  }
  if (data.length < DATA_LIMITS.minCount) return { ok: false, reason: 'tooFew' };
  if (data.length > DATA_LIMITS.maxCount) return { ok: false, reason: 'tooMany' };
  // With every point equal the sample variance is 0 and ℓ grows without bound as w² + s² → 0: there is no maximum.
  if (data.every((x) => x === data[0])) return { ok: false, reason: 'allEqual' };
  return { ok: true, data };
}

/** Every number the widget shows, in nats. */
export interface Readout {
  readonly points: readonly number[];
  readonly total: number;
  readonly variance: number;
  /** The best w for the current b and s (the peak of the ℓ-over-w curve), and ℓ there. */
  readonly bestW: number;
  readonly bestWLogLikelihood: number;
  /** The maximum over all θ, in closed form. */
  readonly maximum: Maximum;
}

/** The readout for the settings, each number from its own function in src/core/toys/maximum-likelihood. */
export function readout(settings: Settings): Readout {
  const model = modelOf(settings);
  const bestW = bestSlope(model, settings.data);
  return {
    points: pointLogLikelihoods(model, settings.data),
    total: datasetLogLikelihood(model, settings.data),
    variance: settings.w * settings.w + settings.s * settings.s,
    bestW,
    bestWLogLikelihood: datasetLogLikelihood({ ...model, w: bestW }, settings.data),
    maximum: maximumLikelihood(settings.data),
  };
}

/** A parameter for people: up to 3 decimals, no trailing zeros, real minus sign ("1.5", "−0.25", "1.534"). */
export function formatValue(value: number): string {
  const text = String(Number(value.toFixed(3)));
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

/** The data as the field shows them: "3, −1, 0, 2". */
export const dataText = (data: readonly number[]): string => data.map(formatValue).join(', ');

/** Points of the ℓ-over-w curve across the w slider's range. */
export const CURVE_POINTS = 241;

/**
 * The x range of the density plot, from the data alone (not θ), so the axis stays put while the curve widens or
 * narrows: the data with a margin of 60% of their span, at least 2.5 on each side.
 */
export function densityRange(data: readonly number[]): [number, number] {
  const lo = Math.min(...data);
  const hi = Math.max(...data);
  const pad = Math.max(2.5, 0.6 * (hi - lo));
  return [lo - pad, hi + pad];
}

/** The density p(x) = N(x; b, w² + s²) at `points` evenly spaced x over `range`. */
export function densityCurve(
  settings: Settings,
  range: readonly [number, number],
  points = 241,
): { x: number; density: number }[] {
  const model = modelOf(settings);
  return Array.from({ length: points }, (_, i) => {
    const x = range[0] + ((range[1] - range[0]) * i) / (points - 1);
    return { x, density: Math.exp(logEvidence(model, x)) };
  });
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The i-th point's name (from 0) in the bars and tables: "x⁽¹⁾ = 3", unique even when two points are equal. */
export function pointName(s: ToyLikelihoodStrings, i: number, x: number): string {
  const index = `⁽${[...String(i + 1)].map((d) => SUPERSCRIPT[Number(d)]).join('')}⁾`;
  return fill(s.pointName, { index, x: formatValue(x) });
}
