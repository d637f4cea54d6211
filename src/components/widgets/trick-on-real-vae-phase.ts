/**
 * Where chapter 5's race is and what the page says about it, without the DOM: the phase (also the figure's data-state),
 * the resting phase after a stop, the buttons' state, the status and announcement texts, the warnings line and the
 * download total. The race module decides when; these functions decide what.
 */
import { fill, type TrickOnRealVaeStrings } from '../../i18n/widgets/trick-on-real-vae';
import { BACKEND_TITLES, isBackendName } from '../../core/backend/names';
import { formatBytes } from './lab/numbers';
import { RACE_BUDGET, ROUND_STEPS, type RunKey } from './trick-on-real-vae-state';
import type { RunFailure } from './trick-on-real-vae-run';
import { latestValues, runNames, type RunView } from './trick-on-real-vae-view';

/** Where the race is; also the figure's data-state, which the tests read. */
export type Phase = 'ready' | 'starting' | 'training' | 'paused' | 'finished' | 'failed';

/** What the phase needs to know of a shown run that exists (undefined: the run has no worker yet). */
export interface RunState {
  readonly step: number;
  readonly failed: boolean;
}

/** The phase when nothing is training: ready (nothing trained), finished (every shown run at the budget), paused or failed. */
export function restingPhase(shown: readonly (RunState | undefined)[], anyRuns: boolean): Phase {
  const active = shown.filter((run): run is RunState => run !== undefined && !run.failed);
  if (active.length === 0) return anyRuns ? 'failed' : 'ready';
  if (active.every((run) => run.step >= RACE_BUDGET)) return 'finished';
  return active.some((run) => run.step > 0) ? 'paused' : 'ready';
}

/** The Train/Pause/Resume button's text and whether each control is disabled. */
export interface ButtonsView {
  readonly train: string;
  readonly trainDisabled: boolean;
  readonly resetDisabled: boolean;
  readonly plainDisabled: boolean;
}

/** The controls in `phase`: Train, Pause and Resume are one button, so the keyboard focus stays on it. */
export function buttonsView(s: TrickOnRealVaeStrings, phase: Phase, playing: boolean, anyRuns: boolean): ButtonsView {
  const busy = phase === 'starting';
  return {
    train: playing ? s.pause : phase === 'paused' ? s.resume : s.train,
    trainDisabled: !playing && (busy || phase === 'finished' || phase === 'failed'),
    resetDisabled: busy || !anyRuns,
    plainDisabled: busy,
  };
}

/** The warning for a run that stopped for good, naming the run and the step where it can. */
export function failureText(s: TrickOnRealVaeStrings, key: RunKey, failure: RunFailure): string {
  const run = runNames(s).long[key];
  if (failure.code === 'non-finite') return fill(s.nonFinite, { run, step: failure.step });
  if (failure.code === 'dataset') return fill(s.datasetFailed, { message: failure.message });
  if (failure.code === 'crash') return fill(s.workerFailed, { message: failure.message });
  return fill(s.runFailed, { run, step: failure.step, message: failure.message });
}

/** The warnings line: one text per key (a run, the backend, a fallback), joined; empty when there is none. */
export class Warnings {
  private readonly texts = new Map<string, string>();

  /** Sets the warning under `key`, or clears it with null. */
  set(key: string, text: string | null): void {
    if (text === null) this.texts.delete(key);
    else this.texts.set(key, text);
  }

  /** How many warnings there are. */
  get size(): number {
    return this.texts.size;
  }

  /** Every warning, in the order they were first set. */
  text(): string {
    return [...this.texts.values()].join(' ');
  }
}

/** One worker's download so far (total null when the server did not say). */
export interface Download {
  readonly loaded: number;
  readonly total: number | null;
}

/** Every worker's downloads summed (a missing total counts as what was loaded) and the status line that says so. */
export function downloadSummary(
  s: TrickOnRealVaeStrings,
  downloads: Iterable<Download>,
): { loaded: number; total: number; status: string } {
  let loaded = 0;
  let total = 0;
  for (const d of downloads) {
    loaded += d.loaded;
    total += d.total ?? d.loaded;
  }
  return { loaded, total, status: fill(s.stateDownload, { loaded: formatBytes(loaded), total: formatBytes(total) }) };
}

/** The backend line and, when the reader asked for another backend than the runs got, the fallback warning. */
export function backendText(
  s: TrickOnRealVaeStrings,
  backend: string,
  wanted: string | undefined,
): { line: string; fallback: string | null } {
  const title = (name: string) => (name === 'cpu' ? s.backendCpu : isBackendName(name) ? BACKEND_TITLES[name] : name);
  const fallback =
    wanted && wanted !== backend ? fill(s.backendFallback, { wanted: title(wanted), backend: title(backend) }) : null;
  return { line: fill(s.backend, { backend: title(backend) }), fallback };
}

/** The status while a round trains: a run more than a round behind the others is catching up. */
export function roundStatus(
  s: TrickOnRealVaeStrings,
  behind: { key: RunKey; step: number },
  otherSteps: readonly number[],
): string {
  const catchingUp = otherSteps.some((step) => step > behind.step + ROUND_STEPS);
  return catchingUp
    ? fill(s.stateCatchingUp, { run: runNames(s).short[behind.key], step: behind.step })
    : s.stateTraining;
}

/** The status line and the announcement (null: say nothing) once the race stops in phase `rest`. */
export function stopTexts(
  s: TrickOnRealVaeStrings,
  rest: Phase,
  runs: readonly RunView[],
  hidden: boolean,
): { status: string; announce: string | null } {
  if (rest === 'finished') {
    return {
      status: fill(s.stateFinished, { budget: RACE_BUDGET }),
      announce: fill(s.announceFinished, { budget: RACE_BUDGET, values: latestValues(s, runs) }),
    };
  }
  if (rest === 'failed') return { status: s.stateFailed, announce: null };
  const step = Math.max(0, ...runs.map((run) => run.step));
  if (hidden) return { status: s.stateHiddenPaused, announce: null };
  return {
    status: fill(s.statePaused, { step }),
    announce: fill(s.announcePaused, { step, values: latestValues(s, runs) }),
  };
}
