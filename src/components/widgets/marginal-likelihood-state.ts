/**
 * The marginal-likelihood widget's settings in one serialisable object, their limits, and parsing of what the reader
 * types. Shared by the server-rendered component and the client; no Plot, no DOM.
 */
import type { LinearGaussian } from '../../core/toys/linear-gaussian';

/** Chapter 1's toy (section "A worked example in one dimension"): x | z ~ N(2z + 1, 0.5²). */
export const MODEL: LinearGaussian = Object.freeze({ w: 2, b: 1, s: 0.5 });

/** Everything the reader can set. A copy of this object reproduces what the widget shows. */
export interface Settings {
  readonly x: number;
  readonly n: number;
  readonly qMean: number;
  readonly qStd: number;
  /** When true, q is the exact posterior p(z|x) and follows x; qMean and qStd are then ignored. */
  readonly qIsPosterior: boolean;
  readonly seed: number;
}

/** Where the widget starts: the chapter's x = 3, the chapter's 100 draws, and a rough q. */
export const DEFAULTS: Settings = Object.freeze({ x: 3, n: 100, qMean: 0.5, qStd: 0.5, qIsPosterior: false, seed: 1 });

/** How many times each estimate is repeated to show its spread. */
export const REPEATS = 200;

/** How many drawn samples per sampler the density plot shows as ticks. */
export const SHOWN_SAMPLES = 150;

/** A numeric setting's range and slider step. */
export interface Limit {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly integer: boolean;
}

/** x spans b ± 10 (the posterior mean then stays within ±4.8); q's mean covers that; N goes up to 100,000. */
export const LIMITS = Object.freeze({
  x: { min: -9, max: 11, step: 0.1, integer: false },
  n: { min: 1, max: 100_000, step: 1, integer: true },
  qMean: { min: -6, max: 6, step: 0.05, integer: false },
  qStd: { min: 0.05, max: 3, step: 0.01, integer: false },
} satisfies Record<string, Limit>);

export type NumericSetting = keyof typeof LIMITS;

/** The N slider's stops: 1, 2, 5 per decade from 1 to 100,000, so the slider moves on a log scale. */
export const N_STOPS: readonly number[] = Object.freeze([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]);

/** The slider stop nearest to n on a log scale. */
export function nearestStop(n: number): number {
  let best = 0;
  N_STOPS.forEach((stop, i) => {
    if (Math.abs(Math.log(stop / n)) < Math.abs(Math.log((N_STOPS[best] as number) / n))) best = i;
  });
  return best;
}

/** The result of reading a typed value: the number, or why it was refused. */
export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: 'notANumber' | 'outOfRange' | 'notAnInteger' };

/** Reads what the reader typed into the field for `setting`: a finite number within its limits (a whole one for N). */
export function parseSetting(setting: NumericSetting, raw: string): Parsed {
  const limit: Limit = LIMITS[setting];
  const text = raw.trim().replace(/[\u2212\uFF0D]/g, '-').replace(/\uFF0E/g, '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { ok: false, reason: 'notANumber' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'notANumber' };
  if (limit.integer && !Number.isInteger(value)) return { ok: false, reason: 'notAnInteger' };
  if (value < limit.min || value > limit.max) return { ok: false, reason: 'outOfRange' };
  return { ok: true, value };
}

/** A number for people: 4 significant digits; below 10⁻⁴ (or at 10⁶ and above) as m × 10ⁿ with superscript digits. */
export function formatNumber(value: number, digits = 4): string {
  if (value === Infinity) return '∞';
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const minus = value < 0 ? '\u2212' : '';
  if (abs < 1e-4 || abs >= 1e6) {
    const [mantissa, exponent] = abs.toExponential(digits - 1).split('e') as [string, string];
    const superscript = exponent.replace('+', '').replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)] as string);
    return `${minus}${Number(mantissa)} × 10${superscript}`;
  }
  return minus + String(Number(abs.toPrecision(digits)));
}

/** A count with the language's digit grouping, e.g. 100,000. */
export function formatCount(value: number, lang: 'zh' | 'en'): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(Math.round(value));
}
