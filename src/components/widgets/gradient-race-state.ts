/**
 * The gradient-race widget's settings in one serialisable object, their limits, and parsing of what the reader types.
 * Shared by the server-rendered component and the client; no Plot, no DOM.
 */
import { sine, square, type ToyObjective } from '../../core/toys/gradient-estimators';
import { empiricalVarianceRelativeSd } from '../../core/toys/gradient-estimator-study';
import { fill, type GradientRaceStrings } from '../../i18n/widgets/gradient-race';
import {
  checkLimit,
  decadeStops,
  formatCount,
  nearestStop as nearestOf,
  readNumber,
  type Limit,
  type Refusal as NumberRefusal,
} from '../../lib/numbers';

export { formatCount, formatNumber } from '../../lib/numbers';

/** The functions f the reader can pick. */
export type FunctionKey = 'square' | 'sine';

/** Each pickable f with its derivative and closed-form moments (src/core/toys/gradient-estimators.ts). */
export const OBJECTIVES: Readonly<Record<FunctionKey, ToyObjective>> = Object.freeze({ square, sine });

/** The order the picker lists them in. */
export const FUNCTION_KEYS: readonly FunctionKey[] = Object.freeze(['square', 'sine'] as const);

/** Everything the reader can set. A copy of this object reproduces what the widget shows. */
export interface Settings {
  readonly fn: FunctionKey;
  readonly mu: number;
  readonly sigma: number;
  /** Samples averaged into one estimate. */
  readonly n: number;
  readonly seed: number;
}

/** Where the widget starts: z², the chapter's μ = 1, σ = ½, and one sample per estimate, as a VAE uses. */
export const DEFAULTS: Settings = Object.freeze({ fn: 'square', mu: 1, sigma: 0.5, n: 1, seed: 1 });

/** How many N-sample estimates each histogram shows. */
export const REPEATS = 2000;

/** Histogram bins over the shared range. */
export const BINS = 48;

/** The shared range is the true gradient ± this many of the widest estimator's standard deviations. */
export const RANGE_REACH = 4;

/** μ within ±3 and σ up to 3 keep sin z interesting and z² readable; σ stays above 0, where nothing would be random. */
export const LIMITS = Object.freeze({
  mu: { min: -3, max: 3, step: 0.05, integer: false },
  sigma: { min: 0.05, max: 3, step: 0.05, integer: false },
  n: { min: 1, max: 1000, step: 1, integer: true },
} satisfies Record<string, Limit>);

/** The numeric settings, in the order of the controls. */
export type NumericSetting = keyof typeof LIMITS;

/** The N slider's stops: 1, 2, 5 per decade up to 1,000, so the slider moves on a log scale. */
export const N_STOPS: readonly number[] = decadeStops(0, 3);

/** The slider stop nearest to n on a log scale. */
export const nearestStop = (n: number): number => nearestOf(N_STOPS, n);

/** Why a typed value was refused. */
export type Refusal = NumberRefusal | 'notPositive';

/** The result of reading a typed value: the number, or why it was refused. */
export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: Refusal };

/** Reads what the reader typed for `setting`: a finite number within its limits (whole for N, above 0 for σ). */
export function parseSetting(setting: NumericSetting, raw: string): Parsed {
  const value = readNumber(raw);
  if (value === null) return { ok: false, reason: 'notANumber' };
  if (setting === 'sigma' && value <= 0) return { ok: false, reason: 'notPositive' };
  return checkLimit(LIMITS[setting], value);
}

/** Reads the function picker's value; anything unknown falls back to the default. */
export function parseFunction(raw: string): FunctionKey {
  return (FUNCTION_KEYS as readonly string[]).includes(raw) ? (raw as FunctionKey) : DEFAULTS.fn;
}

/** The settings' identity for cached results: two equal keys mean the same draws. */
export function settingsKey(settings: Settings): string {
  return [settings.fn, settings.mu, settings.sigma, settings.n, settings.seed].join('|');
}

/** How far each empirical variance typically strays from the analytic one, in percent (one sd), as the note words it. */
export function noiseNote(s: GradientRaceStrings, lang: 'zh' | 'en', settings: Settings): string {
  const percent = (estimator: 'pathwise' | 'score' | 'scoreBaseline') =>
    String(
      Math.round(
        100 *
          empiricalVarianceRelativeSd(
            OBJECTIVES[settings.fn],
            estimator,
            settings.mu,
            settings.sigma,
            settings.n,
            REPEATS,
          ),
      ),
    );
  return fill(s.noise, {
    repeats: formatCount(REPEATS, lang),
    pathwise: percent('pathwise'),
    score: percent('score'),
    baseline: percent('scoreBaseline'),
  });
}
