/**
 * The marginal-likelihood widget's settings in one serialisable object, their limits, parsing of what the reader
 * types, and the pure moves between settings the controls make. Shared by the server-rendered component and the
 * client; no Plot, no DOM.
 */
import { exactPosterior, logEvidence, type Gaussian1D, type LinearGaussian } from '../../core/toys/linear-gaussian';
import {
  STANDARD_PRIOR,
  expectedEssFraction,
  relativeSecondMoment,
  relativeStd,
} from '../../core/toys/marginal-likelihood-study';
import type { Method } from '../../charts/marginal-likelihood';
import { decadeStops, nearestStop as nearestOf, parseLimited, type Limit, type Parsed } from '../../lib/numbers';

// The lab and other widgets read these from here today; their home is src/lib/numbers.
export { formatCount, formatNumber, type Limit } from '../../lib/numbers';
export type { Method };

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

/** x spans b ± 10 (the posterior mean then stays within ±4.8); q's mean covers that; N goes up to 100,000. */
export const LIMITS = Object.freeze({
  x: { min: -9, max: 11, step: 0.1, integer: false },
  n: { min: 1, max: 100_000, step: 1, integer: true },
  qMean: { min: -6, max: 6, step: 0.05, integer: false },
  qStd: { min: 0.05, max: 3, step: 0.01, integer: false },
} satisfies Record<string, Limit>);

/** The settings a slider and field set, in the order of the controls. */
export type NumericSetting = keyof typeof LIMITS;

/** The N slider's stops: 1, 2, 5 per decade from 1 to 100,000, so the slider moves on a log scale. */
export const N_STOPS: readonly number[] = decadeStops(0, 5);

/** The N slider stop nearest to n on a log scale. */
export const nearestStop = (n: number): number => nearestOf(N_STOPS, n);

/** Reads what the reader typed into the field for `setting`: a finite number within its limits (a whole one for N). */
export const parseSetting = (setting: NumericSetting, raw: string): Parsed => parseLimited(LIMITS[setting], raw);

/** The two samplers, in the order the tables and charts list them. */
export const METHODS: readonly Method[] = Object.freeze(['prior', 'proposal'] as const);

/** q as a Gaussian: the reader's N(qMean, qStd²), or the exact posterior when `qIsPosterior`. */
export function proposal(settings: Settings): Gaussian1D {
  return settings.qIsPosterior
    ? exactPosterior(MODEL, settings.x)
    : { mean: settings.qMean, variance: settings.qStd ** 2 };
}

/** The distribution a sampler draws z from. */
export const samplerOf = (settings: Settings, method: Method): Gaussian1D =>
  method === 'prior' ? STANDARD_PRIOR : proposal(settings);

/** p(x) in closed form. */
export const exactOf = (settings: Settings): number => Math.exp(logEvidence(MODEL, settings.x));

/** The closed-form standard deviation of an n-sample estimate by `method`. */
export const sdOf = (settings: Settings, method: Method, n = settings.n): number =>
  exactOf(settings) * relativeStd(MODEL, settings.x, samplerOf(settings, method), n);

/** True when the estimator by `method` has infinite variance (q narrower than the posterior allows). */
export const infiniteVariance = (settings: Settings, method: Method): boolean =>
  relativeSecondMoment(MODEL, settings.x, samplerOf(settings, method)) === Infinity;

/** The closed-form expected effective sample size of `method` at the settings' N. */
export const essOf = (settings: Settings, method: Method): number =>
  settings.n * expectedEssFraction(MODEL, settings.x, samplerOf(settings, method));

/** The values the four controls show: q's as it is used (the posterior's while q follows it). */
export function shownValues(settings: Settings): Record<NumericSetting, number> {
  const q = proposal(settings);
  return { x: settings.x, n: settings.n, qMean: q.mean, qStd: Math.sqrt(q.variance) };
}

/** q frozen where it is now: setting q's mean or width stops it following the posterior, from where it was. */
const ownProposal = (settings: Settings): Settings => {
  const { qMean, qStd } = shownValues(settings);
  return { ...settings, qIsPosterior: false, qMean, qStd };
};

/** The settings after the reader sets one numeric setting to an accepted value. */
export function withSetting(settings: Settings, setting: NumericSetting, value: number): Settings {
  const base = setting === 'qMean' || setting === 'qStd' ? ownProposal(settings) : settings;
  return { ...base, [setting]: value };
}

/** "Use the posterior as q" pressed: q follows the posterior, or (pressed again) keeps the posterior's values as its own. */
export const togglePosterior = (settings: Settings): Settings =>
  settings.qIsPosterior ? ownProposal(settings) : { ...settings, qIsPosterior: true };

/** "New draws" pressed: the next seed. */
export const newDraws = (settings: Settings): Settings => ({ ...settings, seed: settings.seed + 1 });
