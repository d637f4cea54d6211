/**
 * What the gradient-race widget has computed for its settings: REPEATS N-sample estimates of each estimator, filled a
 * chunk at a time so the client can slice them, and their mean, variance and histogram once complete. Pure state over
 * src/core; no DOM, no Plot.
 */
import { createRng, type Rng } from '../../core/random';
import { empiricalMoments } from '../../core/toys/gradient-estimators';
import {
  ESTIMATORS,
  averagedEstimates,
  histogram,
  sharedRange,
  type Estimator,
  type Histogram,
} from '../../core/toys/gradient-estimator-study';
import { BINS, DEFAULTS, OBJECTIVES, RANGE_REACH, REPEATS, settingsKey, type Settings } from './gradient-race-state';

/** Samples per step: a step draws whole estimates until it has used about this many ε. */
const SAMPLES_PER_STEP = 20_000;

/** One estimator's finished repeats: their mean and variance, and the histogram over the shared range. */
export interface Summary {
  readonly mean: number;
  readonly variance: number;
  readonly histogram: Histogram;
}

/** One estimator's repeated estimates, filled in chunks; `key` says which settings they belong to. */
export interface RepeatState {
  readonly key: string;
  readonly rng: Rng;
  readonly values: Float64Array;
  done: number;
  summary: Summary | null;
}

/** No repeats yet for `estimator` under `settings`. */
export function freshRepeats(settings: Settings, estimator: Estimator): RepeatState {
  return {
    key: settingsKey(settings),
    // One stream per estimator: changing nothing but the seed ("New draws") changes every draw; each estimator's
    // draws are independent of the others', so their empirical variances are too.
    rng: createRng(settings.seed, ESTIMATORS.indexOf(estimator)),
    values: new Float64Array(REPEATS),
    done: 0,
    summary: null,
  };
}

/** The widget's live numbers for its current settings. */
export interface Repeats {
  readonly settings: () => Settings;
  /** Applies new settings; repeats drawn for other settings start over. */
  readonly update: (next: Settings) => void;
  readonly states: () => Readonly<Record<Estimator, RepeatState>>;
  /** Adds a chunk of estimates to the estimator that has fewest; false when all are complete. */
  readonly step: () => boolean;
  /** The share of all repeats done, 0 to 1. */
  readonly progress: () => number;
}

/** Repeats for `initial` settings (the defaults unless given). */
export function createRepeats(initial: Settings = DEFAULTS): Repeats {
  let settings = initial;
  const states = Object.fromEntries(ESTIMATORS.map((e) => [e, freshRepeats(settings, e)])) as Record<
    Estimator,
    RepeatState
  >;
  const step = () => {
    // Fill the estimators in turn so the three histograms finish together.
    const estimator = ESTIMATORS.reduce((a, b) => (states[b].done < states[a].done ? b : a));
    const state = states[estimator];
    if (state.done >= REPEATS) return false;
    const { fn, mu, sigma, n } = settings;
    const count = Math.min(Math.max(1, Math.floor(SAMPLES_PER_STEP / n)), REPEATS - state.done);
    state.values.set(averagedEstimates(OBJECTIVES[fn], estimator, mu, sigma, n, count, state.rng), state.done);
    state.done += count;
    if (state.done === REPEATS) {
      const [lo, hi] = sharedRange(OBJECTIVES[fn], mu, sigma, n, RANGE_REACH);
      state.summary = { ...empiricalMoments(state.values), histogram: histogram(state.values, lo, hi, BINS) };
    }
    return true;
  };
  return {
    settings: () => settings,
    update(next) {
      settings = next;
      for (const e of ESTIMATORS) if (states[e].key !== settingsKey(settings)) states[e] = freshRepeats(settings, e);
    },
    states: () => states,
    step,
    progress: () => ESTIMATORS.reduce((sum, e) => sum + states[e].done, 0) / (ESTIMATORS.length * REPEATS),
  };
}
