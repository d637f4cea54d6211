/** The lab's state without the DOM: its phase, with one owner, and what it says after a loss turns NaN. */
import { fill, type VaeLabStrings } from '../../../i18n/widgets/vae-lab';
import type { ErrorEvent } from '../../../worker/protocol';
import type { LabPhase } from './context';
import { LAB_LIMITS } from './settings';
import { formatBeta } from './numbers';

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
