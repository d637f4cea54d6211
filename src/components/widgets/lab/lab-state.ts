/**
 * The lab's state without the DOM: its phase (with one owner), the bookkeeping between worker events, and what each
 * worker event means for the page. render.ts and lab-events.ts turn these decisions into DOM changes.
 */
import type { Lang } from '../../../i18n/langs';
import { fill, type VaeLabStrings } from '../../../i18n/widgets/vae-lab';
import { datasetDamagedMessage } from '../../../i18n/widgets/dataset-problems';
import type { ErrorEvent, StatusEvent } from '../../../worker/protocol';
import type { LabPhase } from './context';
import type { CheckpointInfo } from './session';
import { LAB_LIMITS, type LabSettings } from './settings';
import { formatBeta, formatNats, parameterCountOf, stepsPerSecond } from './numbers';
import { formatCount } from '../marginal-likelihood-state';

/** The lab's phase. `set` is the only way to change it, and it tells every subscriber, so no view is left stale. */
export interface PhaseOwner {
  readonly phase: LabPhase;
  set(next: LabPhase): void;
  /** Calls `listener` after every change, in the order of subscription. */
  subscribe(listener: (phase: LabPhase) => void): void;
}

/** A phase owner starting at `initial`. */
export function createPhase(initial: LabPhase): PhaseOwner {
  let phase = initial;
  const listeners: ((phase: LabPhase) => void)[] = [];
  return {
    get phase() {
      return phase;
    },
    set(next) {
      phase = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}

/** A learning rate ten times smaller, to one significant digit, and not below the lab's minimum. */
export function smallerRate(rate: number): number {
  return Math.max(LAB_LIMITS.learningRate.min, Number((rate / 10).toPrecision(1)));
}

/**
 * What the lab says after a 'non-finite' error: in training, the step whose loss broke and the step the model is back
 * at; in a β sweep, the β of the run that broke. Both suggest a smaller learning rate than `rate`.
 */
export function nonFiniteMessage(s: VaeLabStrings, event: ErrorEvent, rate: number, stepNow: number): string {
  const rates = { rate: String(rate), suggested: String(smallerRate(rate)) };
  if (event.beta !== undefined) return fill(s.sweepNonFinite, { ...rates, beta: formatBeta(event.beta) });
  return fill(s.nonFinite, { ...rates, step: event.step ?? stepNow, restored: event.restoredStep ?? stepNow });
}

/** What the lab remembers between worker events. */
export interface LabSession {
  /** The pretrained model the current one started from, once known. */
  checkpoint: CheckpointInfo | null;
  /** Training was paused because the tab was hidden: it resumes when the tab shows again. */
  resumeWhenVisible: boolean;
  /** The reading the steps-per-second figure is measured from. */
  lastRate: { step: number; at: number } | null;
  /** When the worker's memory was last asked for (ms, performance.now()). */
  lastMemoryCheck: number;
  /** A warning about a loss that turned NaN is showing; it goes when training resumes. */
  diverged: boolean;
}

/** A session before any model exists. */
export function createSession(): LabSession {
  return { checkpoint: null, resumeWhenVisible: false, lastRate: null, lastMemoryCheck: 0, diverged: false };
}

/** The dataset's name as the lab writes it. */
export function datasetName(s: VaeLabStrings, settings: Pick<LabSettings, 'dataset'>): string {
  return settings.dataset === 'mnist' ? s.datasetMnist : s.datasetFashion;
}

/** The sentence above the lab that says which model it trains. */
export function introText(s: VaeLabStrings, lang: Lang, settings: LabSettings): string {
  const { hiddenSize: hidden, latentSize: latent } = settings;
  const params = formatCount(parameterCountOf(784, hidden, latent), lang);
  return fill(s.intro, { dataset: datasetName(s, settings), input: 784, hidden, latent, params });
}

/** The steps-per-second text for a metrics event at `now`, and the reading to measure the next one from. */
export function rateReading(s: VaeLabStrings, last: LabSession['lastRate'], now: { step: number; at: number }) {
  const rate = stepsPerSecond(last, now);
  const text = rate === null ? null : fill(s.statusRate, { rate: rate >= 10 ? Math.round(rate) : rate.toFixed(1) });
  return { text, next: !last || now.at - last.at > 2000 ? now : last };
}

/** What a worker status means for the page; null fields change nothing. */
export interface StatusReaction {
  readonly phase: LabPhase | null;
  readonly status: string | null;
  readonly announce: string | null;
  /** Redraw what a still model shows (images, latent map, a held-out evaluation). */
  readonly refresh: boolean;
}

/** What the page knows when a status arrives: the phase, the session, the backend's name in words, the latest terms. */
export interface StatusContext {
  readonly phase: LabPhase;
  readonly session: LabSession;
  readonly backendTitle: string;
  readonly latest: { readonly reconstruction: number; readonly kl: number } | null;
}

/** The page's reaction to a status event (the backend line and warnings are render.ts's). */
export function statusReaction(s: VaeLabStrings, event: StatusEvent, at: StatusContext): StatusReaction {
  const none = { phase: null, status: null, announce: null, refresh: false };
  if (event.state === 'ready') {
    if (at.phase !== 'loading') return { ...none, phase: 'ready', refresh: true };
    const { checkpoint } = at.session;
    const status = checkpoint ? fill(s.stateReadyCheckpoint, { steps: checkpoint.steps }) : s.stateReadyScratch;
    return { phase: 'ready', status, announce: fill(s.announceReady, { backend: at.backendTitle }), refresh: true };
  }
  if (event.state === 'training')
    return { ...none, phase: 'training', status: s.stateTraining, announce: s.announceTraining };
  // A sweep owns the phase until it ends (sweep.ts); the worker pauses the main loop when one starts.
  if (event.state !== 'paused' || at.phase === 'sweeping') return none;
  if (at.session.resumeWhenVisible) return { ...none, phase: 'paused', status: s.stateHiddenPaused, refresh: true };
  const terms = { step: event.step, recon: formatNats(at.latest?.reconstruction), kl: formatNats(at.latest?.kl) };
  return {
    phase: 'paused',
    status: fill(s.statePaused, { step: event.step }),
    announce: fill(s.announcePaused, terms),
    refresh: true,
  };
}

/** What the page does about a worker error: warn, fail for good, or start over from random weights; and its words. */
export type ErrorReaction =
  | { readonly kind: 'warn' | 'fail' | 'scratch'; readonly text: string }
  | { readonly kind: 'diverged'; readonly text: string; readonly rewindTo: number | null };

/** The page's reaction to an error event, given the lab's settings, phase and step. */
export function errorReaction(
  s: VaeLabStrings,
  lang: Lang,
  event: ErrorEvent,
  at: { settings: LabSettings; phase: LabPhase; step: number },
): ErrorReaction {
  switch (event.code) {
    case 'non-finite':
      return {
        kind: 'diverged',
        text: nonFiniteMessage(s, event, at.settings.learningRate, at.step),
        rewindTo: event.restoredStep ?? null,
      };
    case 'dataset': {
      const damaged = datasetDamagedMessage(lang, event.reason, datasetName(s, at.settings));
      return { kind: 'fail', text: damaged ?? fill(s.datasetFailed, { message: event.message }) };
    }
    case 'invalid-config':
      return { kind: 'fail', text: fill(s.invalidConfig, { message: event.message }) };
    case 'checkpoint':
      if (at.phase === 'loading')
        return { kind: 'scratch', text: fill(s.checkpointFailed, { message: event.message }) };
      return { kind: 'warn', text: fill(s.workerFailed, { message: event.message }) };
    default:
      return { kind: 'warn', text: fill(s.workerFailed, { message: event.message }) };
  }
}
