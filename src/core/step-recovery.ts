/**
 * What lets the trainer undo a step: a restore point per step in flight, the sound states a non-finite loss returns to
 * (restore-point.ts says which), and forgetting the steps in flight when the whole state is replaced.
 */
import type { tf } from './tf';
import { NonFiniteLossError } from './errors';
import { SoundStates, releasePoint, type RestorePoint } from './restore-point';

/** A step whose update has run but whose numbers are not read back yet. */
export interface PendingStep {
  readonly summary: tf.Tensor1D;
  readonly started: number;
  readonly beta: number;
  readonly batchSize: number;
  readonly restore: RestorePoint;
}

/** How the trainer holds and puts back its state; `ahead` counts the steps already in flight. */
export interface RecoveryHooks {
  hold(ahead: number): RestorePoint;
  putBack(point: RestorePoint): void;
}

/** The steps in flight with their restore points, and the way back from a non-finite loss. */
export class StepRecovery {
  /** The states a non-finite loss returns training to. */
  private readonly sound: SoundStates;
  /** Steps launched whose numbers are not read back yet, oldest first, each with its restore point. */
  private readonly inFlight = new Set<PendingStep>();
  /** Why the steps in flight were undone: reading one of them throws this. */
  private undoneBy: Error | null = null;

  /** Holds the trainer's state now as the first sound state. */
  constructor(private readonly hooks: RecoveryHooks) {
    this.sound = new SoundStates(this.hold());
  }

  /**
   * Takes a restore point and runs `update`; the loss is known only when its summary is read back, after the update.
   * The restore point copies nothing (restore-point.ts), so the hot path pays no extra read or copy.
   */
  launch(update: () => tf.Tensor1D, step: Pick<PendingStep, 'started' | 'beta' | 'batchSize'>): PendingStep {
    const restore = this.hold();
    try {
      const pending = { ...step, summary: update(), restore };
      this.inFlight.add(pending);
      return pending;
    } catch (error) {
      try {
        this.hooks.putBack(restore);
        releasePoint(restore);
      } catch {
        // A backend that died mid-step may refuse even this; the worker recovers from its CPU snapshot instead.
      }
      throw error;
    }
  }

  /** Frees the step's summary; throws when the step was undone before its numbers were read. */
  settle(pending: PendingStep): void {
    pending.summary.dispose();
    if (!this.inFlight.delete(pending))
      throw this.undoneBy ?? new Error('This step was undone before its numbers were read.');
  }

  /** The step's numbers were finite: its restore point (with the baseline before it) is a sound state now. */
  vouch(pending: PendingStep, baseline: number | null): void {
    this.sound.vouch({ ...pending.restore, baseline });
  }

  /**
   * The step's `term` was NaN or infinite: undoes it and every step in flight, returns to a sound state and gives the
   * error to throw, which names the step, the term, the learning rate and the step training is back at.
   */
  rollBack(pending: PendingStep, term: string, learningRate: number): NonFiniteLossError {
    const target = this.sound.target();
    const error = new NonFiniteLossError(pending.restore.step + 1, term, learningRate, target.step);
    releasePoint(pending.restore);
    this.forget(error);
    this.hooks.putBack(target);
    this.sound.rolledBack(target, this.hold());
    return error;
  }

  /** The learning rate went up: the state before the rise stays a place to return to. */
  keepAnchor(): void {
    this.sound.keepAnchor();
  }

  /** Replaces the whole state by `change` (a restore or reset): the steps in flight are forgotten (reading one throws `cause`). */
  rebase(change: () => void, cause: Error): void {
    this.forget(cause);
    change();
    this.sound.replace(this.hold());
  }

  /** Forgets the steps in flight and the sound states, for good (the trainer is disposed). */
  release(cause: Error): void {
    this.forget(cause);
    this.sound.release();
  }

  private hold(): RestorePoint {
    return this.hooks.hold(this.inFlight.size);
  }

  private forget(cause: Error): void {
    this.inFlight.forEach((pending) => releasePoint(pending.restore));
    this.inFlight.clear();
    this.undoneBy = cause;
  }
}
