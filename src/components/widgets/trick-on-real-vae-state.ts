/**
 * Chapter 5's race on the real VAE: the model every run trains, the runs (one per gradient estimator), the step budget,
 * the lockstep schedule and the claim the unit and end-to-end tests check. Shared by the component, the client and the
 * tests; no DOM, no Plot.
 */
import type { RunKey } from '../../charts/trick-race';
import type { GradientEstimator, VaeConfig } from '../../core/config';

/** One run of the race (the chart layer owns the type: src/charts/trick-race.ts). */
export type { RunKey };

/** The runs in the order the widget lists them; the last one is optional (a checkbox). */
export const RUN_KEYS: readonly RunKey[] = Object.freeze(['pathwise', 'scoreBaseline', 'score']);

/** The two runs the race always has. */
export const DEFAULT_RUNS: readonly RunKey[] = Object.freeze(['pathwise', 'scoreBaseline']);

/** The engine's estimator for each run (src/core/objective.ts, computeTerms). */
export const ESTIMATOR: Readonly<Record<RunKey, GradientEstimator>> = Object.freeze({
  pathwise: 'pathwise',
  scoreBaseline: 'score-baseline',
  score: 'score',
});

/** The dataset every run trains on. */
export const RACE_DATASET = 'mnist';

/**
 * The small MNIST VAE every run trains from the same random weights (seed 1): 784-128-8, Bernoulli decoder with
 * dynamic binarization, batch 64, Adam 10⁻³, as in the lab of chapter 6 but smaller. Held-out −ELBO on the first 500
 * test images every 25 steps.
 */
export const RACE_CONFIG = Object.freeze({
  inputSize: 784,
  hiddenSizes: Object.freeze([128]),
  latentSize: 8,
  likelihood: 'bernoulli',
  activation: 'relu',
  beta: 1,
  learningRate: 1e-3,
  batchSize: 64,
  seed: 1,
  binarize: true,
  evalEvery: 25,
  evalSize: 500,
} as const);

/** Steps each run trains for before the race stops by itself. */
export const RACE_BUDGET = 600;

/** Steps per 'step' request; divides `evalEvery`, so every held-out evaluation lands on the last step of a request. */
export const ROUND_STEPS = 5;

/** The engine config of one run: the shared model with that run's gradient estimator. */
export function raceConfig(key: RunKey): Partial<VaeConfig> {
  return { ...RACE_CONFIG, hiddenSizes: [...RACE_CONFIG.hiddenSizes], gradientEstimator: ESTIMATOR[key] };
}

/**
 * What a Node run of the Trainer with `raceConfig` measured on the wasm backend (held-out −ELBO in nats after `step`
 * steps, seed 1). tests/core/trick-on-real-vae.test.ts trains both again and checks these within `tolerance`.
 */
export const MEASURED = Object.freeze({
  step: 100,
  start: 636.8,
  pathwise: 195.5,
  scoreBaseline: 213.3,
  score: 225,
  tolerance: 3,
});

/**
 * The claim the widget makes and the tests check: after `MEASURED.step` steps the pathwise run's held-out −ELBO is
 * lower than the score-function run's (with baseline) by more than this many nats. Node runs with seeds 1–5 gave gaps
 * of 17.8, 20.8, 11.3, 20.2 and 25.1 nats.
 */
export const CLAIM_MARGIN = 8;

/** Where one run is: its step, whether the reader has it switched on, and whether it can still train. */
export interface RunProgress {
  readonly key: RunKey;
  readonly step: number;
  readonly enabled: boolean;
  /** False once its worker failed or its loss went non-finite. */
  readonly healthy: boolean;
}

/**
 * The runs that take the next round of `ROUND_STEPS` steps: the enabled, healthy runs furthest behind (below the
 * budget), so the runs stay in step and a run switched on late catches up first. With `parallel` every run tied for
 * last goes at once; without it only the first of them, so only one worker computes at a time. Empty: the race is over.
 */
export function nextRound(runs: readonly RunProgress[], budget: number, parallel: boolean): RunKey[] {
  const waiting = runs.filter((run) => run.enabled && run.healthy && run.step < budget);
  if (waiting.length === 0) return [];
  const behind = Math.min(...waiting.map((run) => run.step));
  const last = waiting.filter((run) => run.step === behind).map((run) => run.key);
  return parallel ? last : last.slice(0, 1);
}

/** Steps the next request should ask of a run at `step`: a full round, or what is left of the budget. */
export function roundSize(step: number, budget: number): number {
  return Math.max(0, Math.min(ROUND_STEPS, budget - step));
}

/** One held-out evaluation of a run, nats per image. */
export interface HeldOutReading {
  readonly step: number;
  readonly negElbo: number;
}

/**
 * The latest step both runs were evaluated at and how far the pathwise run is ahead there (score's −ELBO minus
 * pathwise's; positive when pathwise is lower); null before they share an evaluation.
 */
export function gapAtCommonStep(
  pathwise: readonly HeldOutReading[],
  other: readonly HeldOutReading[],
): { step: number; gap: number } | null {
  const otherAt = new Map(other.map((point) => [point.step, point.negElbo]));
  for (let i = pathwise.length - 1; i >= 0; i--) {
    const point = pathwise[i]!;
    const value = otherAt.get(point.step);
    if (value !== undefined) return { step: point.step, gap: value - point.negElbo };
  }
  return null;
}
