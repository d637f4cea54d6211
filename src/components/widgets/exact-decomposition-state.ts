/**
 * The exact-decomposition widget's settings in one serialisable object, their limits, parsing of what the reader
 * types, and the numbers it shows (all from src/core). Shared by the server-rendered component and the client; no DOM.
 */
import {
  exactPosterior,
  expectedLogLikelihood,
  klToPosterior,
  klToPrior,
  logEvidence,
  toyElbo,
  type Gaussian1D,
} from '../../core/toys/linear-gaussian';
import {
  fieldText,
  formatNumber,
  formatScientific,
  parseLimited,
  type Limit,
  type Parsed as ParsedNumber,
} from '../../lib/numbers';
import { MODEL } from './marginal-likelihood-state';

export { MODEL, fieldText, formatNumber, formatScientific };

/** Everything the reader can set: the observation and q = N(qMean, qStd²). */
export interface Settings {
  readonly x: number;
  readonly qMean: number;
  readonly qStd: number;
}

/** Chapter 3's x = 3, and chapter 1's rough q = N(0.5, 0.5²), whose gap (2.56 nats) is plain to see. */
export const DEFAULTS: Settings = Object.freeze({ x: 3, qMean: 0.5, qStd: 0.5 });

/** x as in chapter 1's widget (the posterior mean then stays within ±4.8); σ_q must be positive. */
export const LIMITS = Object.freeze({
  x: { min: -9, max: 11, step: 0.1, integer: false },
  qMean: { min: -6, max: 6, step: 0.01, integer: false },
  qStd: { min: 0.01, max: 3, step: 0.01, integer: false },
} satisfies Record<string, Limit>);

export type Setting = keyof typeof LIMITS;

/** The result of reading a typed value: the number, or why it was refused. */
export type Parsed = ParsedNumber;

/** Reads what the reader typed for `setting`: a finite number within its limits ("−", full-width digits' signs accepted). */
export function parseSetting(setting: Setting, raw: string): Parsed {
  return parseLimited(LIMITS[setting], raw);
}

/** q as a Gaussian. */
export function proposalOf(settings: Settings): Gaussian1D {
  return { mean: settings.qMean, variance: settings.qStd * settings.qStd };
}

/** Every number the widget shows, in nats. */
export interface Readout {
  readonly logEvidence: number;
  readonly elbo: number;
  readonly gap: number;
  /** ELBO + gap, computed from the two (not copied from log p(x)). */
  readonly sum: number;
  /** sum − log p(x): zero up to rounding. */
  readonly identityError: number;
  /** E_q[log p(x|z)]. */
  readonly reconstruction: number;
  readonly klPrior: number;
  readonly posterior: Gaussian1D;
}

/** The identity's terms for the settings, each from its own closed form in src/core/toys/linear-gaussian. */
export function readout(settings: Settings): Readout {
  const q = proposalOf(settings);
  const evidence = logEvidence(MODEL, settings.x);
  const elbo = toyElbo(MODEL, settings.x, q);
  const gap = klToPosterior(MODEL, settings.x, q);
  return {
    logEvidence: evidence,
    elbo,
    gap,
    sum: elbo + gap,
    identityError: elbo + gap - evidence,
    reconstruction: expectedLogLikelihood(MODEL, settings.x, q),
    klPrior: klToPrior(q),
    posterior: exactPosterior(MODEL, settings.x),
  };
}

/** q = the exact posterior at the settings' x. */
export function posteriorSettings(settings: Settings): Settings {
  const post = exactPosterior(MODEL, settings.x);
  return { ...settings, qMean: post.mean, qStd: Math.sqrt(post.variance) };
}

/** A gap for people: below 10⁻¹² it is rounding, shown as 0 (the identity-error row shows the rounding itself). */
export function formatGap(value: number): string {
  return Math.abs(value) < 1e-12 ? '0' : formatNumber(value);
}

/** Grid points for the density plot over a z range: at least 241, and fine enough (σ_q/6 apart) to draw a narrow q's peak. */
export function densityGridPoints(range: readonly [number, number], qStd: number): number {
  const needed = Math.ceil((range[1] - range[0]) / (qStd / 6)) + 1;
  return Math.min(4001, Math.max(241, needed));
}
