/**
 * Restore points on the device: a second handle on each variable's current data, taken before a training step and
 * put back if the step's loss turns out NaN or infinite (read back asynchronously, after the update has run).
 */
import { tf } from './tf';
import type { Adam, AdamHold } from './adam';
import type { BatchPosition, BatchStream } from './batches';

/**
 * A new tensor on the same data as `tensor`, with the backend's reference count raised: no copy and no kernel on any
 * backend. It stays valid after the variable is assigned, because tfjs never writes into a tensor's data in place:
 * `Variable.assign` rebinds the variable to new data and only drops its own reference to the old.
 */
export function shareData(tensor: tf.Tensor): tf.Tensor {
  const engine = tf.engine();
  const shared = engine.makeTensorFromTensorInfo({ dataId: tensor.dataId, shape: tensor.shape, dtype: tensor.dtype });
  engine.backend.incRef(tensor.dataId);
  return shared;
}

/** The values of some variables at one moment, held on the device until `release`. */
export class VariableHold {
  private readonly held: tf.Tensor[];

  /** Takes a handle on each variable's current data (or on `held`, one tensor per variable). */
  constructor(
    private readonly variables: readonly tf.Variable[],
    held?: readonly tf.Tensor[],
  ) {
    this.held = (held ?? variables).map(shareData);
  }

  /** A second hold on the same values, released on its own. */
  share(): VariableHold {
    return new VariableHold(this.variables, this.held);
  }

  /** Rebinds every variable to its held value; the hold stays until `release`. */
  putBack(): void {
    this.variables.forEach((variable, i) => variable.assign(this.held[i] as tf.Tensor));
  }

  /** Lets go of the handles; data no variable uses any more is freed. */
  release(): void {
    tf.dispose(this.held);
    this.held.length = 0;
  }
}

/** Everything a training step changes, held as it was at one moment. */
export interface RestorePoint {
  /** Steps taken before this moment (those still in flight included). */
  readonly step: number;
  readonly weights: VariableHold;
  readonly adam: AdamHold;
  readonly batches: BatchPosition;
  /** The REINFORCE baseline, a running mean that each finite step moves. */
  readonly baseline: number | null;
}

/** A restore point of the model's `variables`, the optimizer, the batches and the baseline, taken after `step` steps. */
export function holdTraining(
  step: number,
  variables: readonly tf.Variable[],
  optimizer: Adam,
  batches: BatchStream,
  baseline: number | null,
): RestorePoint {
  return {
    step,
    weights: new VariableHold(variables),
    adam: optimizer.hold(variables),
    batches: batches.mark(),
    baseline,
  };
}

/** Returns the variables, the optimizer and the batches to `point` (which stays held until `releasePoint`). */
export function putBackTraining(point: RestorePoint, optimizer: Adam, batches: BatchStream): void {
  point.weights.putBack();
  optimizer.rollBack(point.adam);
  batches.seek(point.batches);
}

/** A second restore point on the same state (its own handles, released on its own). */
export function sharePoint(point: RestorePoint): RestorePoint {
  return { ...point, weights: point.weights.share(), adam: { ...point.adam, values: point.adam.values.share() } };
}

/** Lets go of a restore point's handles (a second release does nothing). */
export function releasePoint(point: RestorePoint): void {
  point.weights.release();
  point.adam.values.release();
}

/** Restore points kept besides the latest sound one: every this many steps, and before a learning rate is raised. */
const ANCHOR_EVERY = 100;
/** A loss that turns non-finite this few steps after the anchor goes back to the anchor (a rate just raised, say). */
const SOON_AFTER_ANCHOR = 20;

/**
 * The states a non-finite loss can return to. A step's loss is computed before its update, so a finite loss vouches
 * for the state before that step: `sound` is the latest state vouched for. A finite loss does not show that a rate
 * too large has not already thrown the weights far off, though, so an older `anchor` is kept too: training returns
 * there when the loss breaks soon after it, or breaks again before getting past the last roll-back.
 */
export class SoundStates {
  private sound: RestorePoint;
  private anchor: RestorePoint;
  private rolledBackTo: number | null = null;

  /** Starts from `initial` (a state nothing has vouched for but that nothing has trained either). */
  constructor(initial: RestorePoint) {
    this.sound = initial;
    this.anchor = sharePoint(initial);
  }

  /** A finite loss vouched for `point`, the state before its step. */
  vouch(point: RestorePoint): void {
    releasePoint(this.sound);
    this.sound = point;
    if (point.step % ANCHOR_EVERY === 0) this.keepAnchor();
  }

  /** Makes the latest sound state the anchor (call it before raising the learning rate). */
  keepAnchor(): void {
    releasePoint(this.anchor);
    this.anchor = sharePoint(this.sound);
  }

  /** Where a non-finite loss returns training to. */
  target(): RestorePoint {
    const soon = this.sound.step - this.anchor.step <= SOON_AFTER_ANCHOR;
    const again = this.rolledBackTo !== null && this.sound.step <= this.rolledBackTo;
    return soon || again ? this.anchor : this.sound;
  }

  /** Training went back to `target`; `now` holds that state and becomes the sound one (the anchor stays). */
  rolledBack(target: RestorePoint, now: RestorePoint): void {
    releasePoint(this.sound);
    this.sound = now;
    this.rolledBackTo = target.step;
  }

  /** The whole state was replaced (a reset or restore): `now` is both the sound state and the anchor. */
  replace(now: RestorePoint): void {
    this.release();
    this.sound = now;
    this.anchor = sharePoint(now);
    this.rolledBackTo = null;
  }

  /** Lets go of every point. */
  release(): void {
    releasePoint(this.sound);
    releasePoint(this.anchor);
  }
}
