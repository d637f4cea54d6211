/** CPU copies of model weights taken every N steps, so training survives a lost WebGL context (tfjs#756). */
import * as tf from '@tensorflow/tfjs-core';

/** One variable's saved state. */
export interface VariableSnapshot {
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
  readonly values: Float32Array;
}

/** All saved variables, as of one training step. */
export interface WeightSnapshot {
  readonly step: number;
  readonly variables: readonly VariableSnapshot[];
}

/**
 * Reads a consistent copy of `variables` as they are now: clones are taken synchronously (they share data, so
 * the training step that follows cannot change them), then read back asynchronously (WebGPU needs that).
 */
export async function snapshotVariables(step: number, variables: readonly tf.Variable[]): Promise<WeightSnapshot> {
  for (const v of variables) {
    if (v.dtype !== 'float32') throw new TypeError(`snapshotVariables: ${v.name} is ${v.dtype}; only float32 weights are saved`);
  }
  const clones = variables.map((v) => tf.clone(v));
  try {
    const values = await Promise.all(clones.map((c) => c.data<'float32'>()));
    return {
      step,
      variables: variables.map((v, i) => ({ name: v.name, shape: [...v.shape], trainable: v.trainable, values: Float32Array.from(values[i]!) })),
    };
  } finally {
    for (const c of clones) c.dispose();
  }
}

/**
 * Creates the snapshot's variables on the active backend, under their old names. A variable still registered
 * under a name (on the dead backend) is disposed first; disposing can fail on a lost context, and is then skipped.
 */
export function restoreVariables(snapshot: WeightSnapshot): tf.Variable[] {
  const registered = tf.engine().registeredVariables;
  return snapshot.variables.map(({ name, shape, trainable, values }) => {
    const old = registered[name];
    if (old) {
      try {
        old.dispose();
      } catch {
        delete registered[name];
      }
    }
    const initial = tf.tensor(values, [...shape], 'float32');
    try {
      return tf.variable(initial, trainable, name);
    } finally {
      initial.dispose();
    }
  });
}

/** Keeps the latest CPU snapshot of a set of variables, refreshed every `every` steps. */
export class WeightSnapshotter {
  private latest: WeightSnapshot | null = null;
  private inFlight: Promise<WeightSnapshot> | null = null;

  /** `every`: steps between snapshots (a positive integer). */
  constructor(readonly every: number) {
    if (!(Number.isInteger(every) && every > 0)) throw new RangeError(`WeightSnapshotter: every must be a positive integer, got ${every}`);
  }

  /** The last completed snapshot, or null before the first. */
  get last(): WeightSnapshot | null {
    return this.latest;
  }

  /** Snapshots now; the result becomes `last` once read back. */
  async snapshot(step: number, variables: readonly tf.Variable[]): Promise<WeightSnapshot> {
    const pending = snapshotVariables(step, variables);
    this.inFlight = pending;
    try {
      const snap = await pending;
      if (!this.latest || snap.step >= this.latest.step) this.latest = snap;
      return snap;
    } finally {
      if (this.inFlight === pending) this.inFlight = null;
    }
  }

  /** Snapshots when `step` is a multiple of `every` and no snapshot is being read; resolves true if it took one. */
  async maybeSnapshot(step: number, variables: readonly tf.Variable[]): Promise<boolean> {
    if (step % this.every !== 0 || this.inFlight) return false;
    await this.snapshot(step, variables);
    return true;
  }

  /** Recreates the last snapshot's variables on the active backend (see restoreVariables); throws if there is none. */
  restore(): { step: number; variables: tf.Variable[] } {
    if (!this.latest) throw new Error('WeightSnapshotter.restore: no snapshot has been taken yet');
    return { step: this.latest.step, variables: restoreVariables(this.latest) };
  }
}
