/**
 * What the marginal-likelihood widget has computed for its settings: one run of each sampler (cheap, redone lazily
 * after a change) and REPEATS repeated estimates of each (costly, filled one at a time so the client can slice them).
 * Pure state over src/core; no DOM, no Plot.
 */
import { createRng, type Rng } from '../../core/random';
import { logSpacedCounts, sampleRun, spread, type Run, type Spread } from '../../core/toys/marginal-likelihood-study';
import {
  DEFAULTS,
  METHODS,
  MODEL,
  REPEATS,
  SHOWN_SAMPLES,
  samplerOf,
  type Method,
  type Settings,
} from './marginal-likelihood-state';

/** Random streams: one run of each sampler, then the repeats of each (so changing q never changes the prior's draws). */
const STREAM = Object.freeze({ prior: 0, proposal: 1, priorRepeats: 2, proposalRepeats: 3 });
/** Running-estimate points per factor of 10 in N. */
const TRACE_PER_DECADE = 12;

/** Repeated estimates of one sampler, filled one at a time; `key` says which settings they belong to. */
export interface RepeatState {
  readonly key: string;
  readonly rng: Rng;
  readonly logEstimates: Float64Array;
  done: number;
  spread: Spread | null;
}

/** The settings a sampler's repeats depend on: two equal keys mean the same draws. */
export function repeatKey(settings: Settings, method: Method): string {
  const q = samplerOf(settings, method);
  return [settings.x, settings.n, settings.seed, q.mean, q.variance].join('|');
}

/** No repeats yet for `method` under `settings`. */
export function freshRepeats(settings: Settings, method: Method): RepeatState {
  return {
    key: repeatKey(settings, method),
    rng: createRng(settings.seed, method === 'prior' ? STREAM.priorRepeats : STREAM.proposalRepeats),
    logEstimates: new Float64Array(REPEATS),
    done: 0,
    spread: null,
  };
}

/** One run of each sampler with its running trace and the first SHOWN_SAMPLES draws. */
export function sampleRuns(settings: Settings): Record<Method, Run> {
  const checkpoints = logSpacedCounts(settings.n, TRACE_PER_DECADE);
  const run = (method: Method) =>
    sampleRun(MODEL, settings.x, samplerOf(settings, method), settings.n, createRng(settings.seed, STREAM[method]), {
      keep: SHOWN_SAMPLES,
      checkpoints,
    });
  return { prior: run('prior'), proposal: run('proposal') };
}

/** The widget's live numbers for its current settings. */
export interface Estimates {
  readonly settings: () => Settings;
  /** Applies new settings; runs are redone at the next `runs()`, stale repeats start over. */
  readonly update: (next: Settings) => void;
  readonly runs: () => Readonly<Record<Method, Run>>;
  readonly repeats: () => Readonly<Record<Method, RepeatState>>;
  /** Adds one repeated estimate to the sampler that has fewer; false when both are complete. */
  readonly stepRepeat: () => boolean;
  /** The share of all repeats done, 0 to 1. */
  readonly progress: () => number;
}

/** Estimates for `initial` settings (the defaults unless given). */
export function createEstimates(initial: Settings = DEFAULTS): Estimates {
  let settings = initial;
  let runs: Record<Method, Run> | null = null;
  const repeats: Record<Method, RepeatState> = {
    prior: freshRepeats(settings, 'prior'),
    proposal: freshRepeats(settings, 'proposal'),
  };
  const stepRepeat = () => {
    // Alternate the samplers so both strips fill in together.
    const method = METHODS.reduce((a, b) => (repeats[b].done < repeats[a].done ? b : a));
    const state = repeats[method];
    if (state.done >= REPEATS) return false;
    state.logEstimates[state.done++] = sampleRun(
      MODEL,
      settings.x,
      samplerOf(settings, method),
      settings.n,
      state.rng,
    ).logEstimate;
    if (state.done === REPEATS) state.spread = spread(Array.from(state.logEstimates, Math.exp));
    return true;
  };
  return {
    settings: () => settings,
    update(next) {
      settings = next;
      runs = null;
      for (const method of METHODS)
        if (repeats[method].key !== repeatKey(settings, method)) repeats[method] = freshRepeats(settings, method);
    },
    runs: () => (runs ??= sampleRuns(settings)),
    repeats: () => repeats,
    stepRepeat,
    progress: () => (repeats.prior.done + repeats.proposal.done) / (2 * REPEATS),
  };
}
