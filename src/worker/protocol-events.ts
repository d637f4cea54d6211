/** The events the VAE worker sends back (protocol.ts re-exports them with the requests). */
import type { DatasetErrorCode } from '../core/data/format';
import type { EngineReport } from '../core/backend/measure';
import type { EvalMetrics } from '../core/evaluate';
import type { StepMetrics } from '../core/training-types';
import type { Tagged } from './protocol-requests';

/** Where the worker is in its life. */
export type WorkerState = 'loading' | 'ready' | 'training' | 'paused' | 'disposed';

/** Training progress: the trainer's own StepMetrics as they are; `heldOut` is present only on evaluation steps. */
export interface MetricsEvent extends Tagged, Omit<StepMetrics, 'heldOut'> {
  readonly type: 'metrics';
  readonly heldOut?: EvalMetrics;
}
/** Held-out averages over `count` test images: the trainer's own EvalMetrics, at `step`. */
export interface EvaluationEvent extends Tagged, EvalMetrics {
  readonly type: 'evaluation';
  readonly step: number;
}
/** Images in [0, 1], row-major `count` × height × width; reconstructions come with their `originals`. */
export interface ImagesEvent extends Tagged {
  readonly type: 'images';
  readonly kind: 'reconstructions' | 'samples' | 'grid' | 'decoded';
  readonly step: number;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly pixels: Float32Array;
  readonly originals?: Float32Array;
}
/** Encoder means of test images, [count, latentSize], with labels and each unit's variance across examples. */
export interface LatentsEvent extends Tagged {
  readonly type: 'latents';
  readonly step: number;
  readonly count: number;
  readonly latentSize: number;
  readonly means: Float32Array;
  readonly labels: Uint8Array;
  readonly unitVariances: Float64Array;
  readonly activeUnits: number;
}
/** Importance-weighted bounds per image, their mean, and the ELBO (K = 1 in expectation) for comparison. */
export interface ImportanceWeightedEvent extends Tagged {
  readonly type: 'importanceWeighted';
  readonly step: number;
  readonly k: number;
  readonly bounds: Float64Array;
  readonly meanBound: number;
}
/** The current weights as a checkpoint file. */
export interface CheckpointEvent extends Tagged {
  readonly type: 'checkpoint';
  readonly step: number;
  readonly bytes: Uint8Array;
}
/** Dataset download progress in bytes; `total` is null until known. */
export interface ProgressEvent extends Tagged {
  readonly type: 'progress';
  readonly loaded: number;
  readonly total: number | null;
}
/** Lifecycle: which state, which step, which backend. */
export interface StatusEvent extends Tagged {
  readonly type: 'status';
  readonly state: WorkerState;
  readonly step: number;
  readonly backend: string;
  readonly parameterCount: number;
  /** The dataset named at init, once known. */
  readonly dataset?: string;
  /** The model's latent dimensions, once a model exists. */
  readonly latentSize?: number;
  /** A sentence for the page when something notable happened, e.g. a backend switch after a lost WebGL context. */
  readonly message?: string;
  /** After a backend failed mid-training: the backend that failed, the one training resumed on, and the snapshot's step. */
  readonly switched?: { readonly from: string; readonly to: string; readonly step: number };
  /** How the backend was chosen, its threads and isolation (added by the worker entry when init asked for `engine`). */
  readonly engine?: EngineReport;
}
/** What went wrong, in words for the reader; `code` lets a widget react (e.g. offer Reset after 'non-finite'). */
export interface ErrorEvent extends Tagged {
  readonly type: 'error';
  readonly code:
    | 'invalid-config'
    | 'non-finite'
    | 'checkpoint'
    | 'not-initialised'
    | 'dataset'
    | 'bad-request'
    | 'reader-loss'
    | 'internal';
  readonly message: string;
  readonly step?: number;
  /** For 'non-finite' in training: the step the model is back at (the update that led to the bad loss is undone). */
  readonly restoredStep?: number;
  /** For 'non-finite' in a β sweep: the β of the run that broke (the main model is untouched). */
  readonly beta?: number;
  /** For 'invalid-config': each field and its problem. */
  readonly fields?: readonly string[];
  /** For 'dataset': what is wrong with the file, so the page can say it in the reader's language. */
  readonly reason?: DatasetErrorCode;
  /** For 'reader-loss': what is wrong with the reader's loss (the page words it), and where in the cell, if known. */
  readonly problem?: ReaderLossProblem;
  /** For 'reader-loss': the engine's own words (a thrown message, a shape), quoted inside the page's sentence. */
  readonly detail?: string;
  readonly line?: number;
  readonly col?: number;
}
/** What can go wrong with a reader's loss cell: compiling it (first four) or training with it (the rest). */
export type ReaderLossProblem =
  'syntax' | 'no-loss' | 'top-level' | 'load-timeout' | 'threw' | 'not-tensor' | 'shape' | 'constant' | 'timeout';
/** The answer to setObjective: whether the reader's loss is now in force. */
export interface ObjectiveEvent extends Tagged {
  readonly type: 'objective';
  readonly custom: boolean;
}
/** One finished run of a β sweep: held-out rate (mean KL), distortion (mean reconstruction) and ELBO at `beta`. */
export interface SweepPointEvent extends Tagged {
  readonly type: 'sweepPoint';
  readonly index: number;
  readonly total: number;
  readonly beta: number;
  readonly rate: number;
  readonly distortion: number;
  readonly elbo: number;
  readonly klPerDim: Float64Array;
  /** The main model's step, which the sweep started from. */
  readonly step: number;
}
/** How far the sweep's run `index` has got, at most about every 100 ms. */
export interface SweepProgressEvent extends Tagged {
  readonly type: 'sweepProgress';
  readonly index: number;
  readonly total: number;
  readonly stepInRun: number;
  readonly stepsPerRun: number;
}
/** The sweep ended: all `total` runs done, or `cancelled` after `completed` of them (a request or a non-finite loss). */
export interface SweepDoneEvent extends Tagged {
  readonly type: 'sweepDone';
  readonly completed: number;
  readonly total: number;
  readonly cancelled: boolean;
}
/**
 * q(z|x) of one supplied image and its reconstruction decode(μ). `elbo` is −(reconstruction at z = μ + closed-form
 * KL): deterministic, a point estimate of the ELBO rather than an unbiased one-sample estimate.
 */
export interface EncodingEvent extends Tagged {
  readonly type: 'encoding';
  readonly step: number;
  readonly mean: Float32Array;
  readonly logVar: Float32Array;
  readonly reconstruction: Float32Array;
  readonly elbo: number;
}

/** The worker's tfjs memory: live tensors and their bytes (the benchmark's leak check over long runs). */
export interface MemoryEvent extends Tagged {
  readonly type: 'memory';
  readonly numTensors: number;
  readonly numBytes: number;
}

/** Everything the worker can say. */
export type WorkerEvent =
  | ObjectiveEvent
  | MetricsEvent
  | EvaluationEvent
  | ImagesEvent
  | LatentsEvent
  | ImportanceWeightedEvent
  | CheckpointEvent
  | ProgressEvent
  | StatusEvent
  | ErrorEvent
  | SweepPointEvent
  | SweepProgressEvent
  | SweepDoneEvent
  | EncodingEvent
  | MemoryEvent;
