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
  const shared = engine.makeTensorFromDataId(tensor.dataId, tensor.shape, tensor.dtype);
  engine.backend.incRef(tensor.dataId);
  return shared;
}

/** The values of some variables at one moment, held on the device; `putBack` or `release` exactly once. */
export class VariableHold {
  private readonly held: tf.Tensor[];

  /** Takes a handle on each variable's current data. */
  constructor(private readonly variables: readonly tf.Variable[]) {
    this.held = variables.map(shareData);
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
export function holdTraining(step: number, variables: readonly tf.Variable[], optimizer: Adam, batches: BatchStream, baseline: number | null): RestorePoint {
  return { step, weights: new VariableHold(variables), adam: optimizer.hold(variables), batches: batches.mark(), baseline };
}

/** Returns the variables, the optimizer and the batches to `point` (which stays held until `releasePoint`). */
export function putBackTraining(point: RestorePoint, optimizer: Adam, batches: BatchStream): void {
  point.weights.putBack();
  optimizer.rollBack(point.adam);
  batches.seek(point.batches);
}

/** Lets go of a restore point's handles. */
export function releasePoint(point: RestorePoint): void {
  point.weights.release();
  point.adam.values.release();
}
