/**
 * Numbers as readers type them and as the widgets print them: locale-tolerant parsing against a setting's limits,
 * m × 10ⁿ with superscript exponents, counts with digit grouping, nats, and log-scale slider stops. No DOM.
 */

/** A numeric setting's range and slider step; `integer` settings accept whole numbers only. */
export interface Limit {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly integer: boolean;
}

/** Why a typed value was refused. */
export type Refusal = 'notANumber' | 'outOfRange' | 'notAnInteger';

/** The result of reading a typed value: the number, or why it was refused. */
export type Parsed<R extends string = Refusal> =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: R };

/** A plain decimal number with an optional exponent ("Infinity", "0x10" and "1,5" are not). */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** Digit groups of three after a comma: "4,096", "1,000,000". */
const THOUSANDS = /^\d{1,3}(,\d{3})+$/;

/** What a reader may type for a number, as ASCII: full-width forms (a Chinese IME), the Unicode minus, "。" as a point. */
export function toAsciiNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/g, '-')
    .replace(/\u3002/g, '.');
}

/** A finite decimal number from what the reader typed, or null. */
export function readNumber(raw: string): number | null {
  const text = toAsciiNumber(raw);
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * A finite number as the lab reads it, commas included: in whole-number fields "4,096" is digit grouping, elsewhere
 * (without a point) "0,5" is a decimal comma, as many locales write it. Null when it is not a number.
 */
export function readLocaleNumber(raw: string, integer: boolean): number | null {
  let text = toAsciiNumber(raw);
  if (integer && THOUSANDS.test(text)) text = text.replace(/,/g, '');
  else if (!text.includes('.')) text = text.replace(/^([-+]?\d*),(\d)/, '$1.$2');
  return readNumber(text);
}

/** Checks a number against a limit: whole where the limit says so, then within [min, max]. */
export function checkLimit(limit: Limit, value: number): Parsed {
  if (limit.integer && !Number.isInteger(value)) return { ok: false, reason: 'notAnInteger' };
  if (value < limit.min || value > limit.max) return { ok: false, reason: 'outOfRange' };
  return { ok: true, value };
}

/** Reads what the reader typed for a setting with `limit`: a finite number within it. */
export function parseLimited(limit: Limit, raw: string): Parsed {
  const value = readNumber(raw);
  return value === null ? { ok: false, reason: 'notANumber' } : checkLimit(limit, value);
}

/** "-16" → "⁻¹⁶": an exponent in superscript digits (a leading "+" is dropped). */
export function superscript(exponent: number | string): string {
  return String(exponent)
    .replace('+', '')
    .replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)] as string);
}

/** Always m × 10ⁿ with `digits` significant digits and a real minus sign; exactly 0 prints as "0". */
export function formatScientific(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const [mantissa, exponent] = Math.abs(value)
    .toExponential(digits - 1)
    .split('e') as [string, string];
  return `${value < 0 ? '\u2212' : ''}${Number(mantissa)} × 10${superscript(exponent)}`;
}

/** A number for people: 4 significant digits; below 10⁻⁴ (or at 10⁶ and above) as m × 10ⁿ with superscript digits. */
export function formatNumber(value: number, digits = 4): string {
  if (value === Infinity) return '∞';
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-4 || abs >= 1e6) return formatScientific(value, digits);
  return (value < 0 ? '\u2212' : '') + String(Number(abs.toPrecision(digits)));
}

/** A count with the language's digit grouping, e.g. 100,000. */
export function formatCount(value: number, lang: 'zh' | 'en'): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(Math.round(value));
}

/** A value in nats as the chapters print it: 3 decimals, with a real minus sign ("−7.746"). */
export function formatNats(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(3);
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** A loss in nats for a readout: one decimal above 10, three significant digits below; '—' when not finite. */
export function formatNatsCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const text =
    abs >= 10 ? abs.toFixed(1) : abs >= 0.01 || abs === 0 ? String(Number(abs.toPrecision(3))) : abs.toExponential(1);
  return (value < 0 ? '\u2212' : '') + text;
}

/** A number field's text: up to 6 significant digits, no float noise. */
export const fieldText = (value: number): string => String(Number(value.toPrecision(6)));

/** The index of the stop nearest to `value` on a log scale (stops and value positive). */
export function nearestStop(stops: readonly number[], value: number): number {
  let best = 0;
  stops.forEach((stop, i) => {
    if (Math.abs(Math.log(stop / value)) < Math.abs(Math.log((stops[best] as number) / value))) best = i;
  });
  return best;
}

/** 1, 2, 5 per decade from 10^from to 10^to: slider stops that move on a log scale. */
export function decadeStops(from: number, to: number): readonly number[] {
  const stops: number[] = [];
  for (let e = from; e < to; e++) for (const m of [1, 2, 5]) stops.push(Math.round(m * 10 ** e));
  stops.push(Math.round(10 ** to));
  return Object.freeze(stops);
}
