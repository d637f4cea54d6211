/** What the trainer hands out: one step's metrics, and a full copy of its state. */
import type { NamedWeight } from './model';
import type { AdamState } from './adam';
import type { Streams } from './batches';
import type { EvalMetrics } from './evaluate';

/**
 * What one training step reports; batch means in nats per example. `epoch` counts passes over the data, fractional.
 * The worker posts it as it is (KL per dimension is a typed array so it crosses to the page without conversion).
 */
export interface StepMetrics {
  readonly step: number;
  readonly epoch: number;
  readonly reconstruction: number;
  readonly kl: number;
  readonly klPerDim: Float64Array;
  readonly elbo: number;
  readonly beta: number;
  readonly objective: number;
  readonly learningRate: number;
  readonly msPerStep: number;
  /** Held-out averages when this step was an evaluation step (`evalEvery`), else null. */
  readonly heldOut: EvalMetrics | null;
}

/** Everything training depends on, as plain arrays: weights, Adam's state, the random streams and the batch order. */
export interface TrainerSnapshot {
  readonly step: number;
  readonly weights: NamedWeight[];
  readonly optimizer: AdamState;
  readonly streams: Streams;
  readonly order: Uint32Array;
  readonly cursor: number;
  readonly baseline: number | null;
}
