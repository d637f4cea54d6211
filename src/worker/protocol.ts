/** The typed messages between a widget and the VAE worker; only numbers, strings and typed arrays cross. */
import type { VaeConfig } from '../core/config';
import type { DatasetErrorCode } from '../core/data/format';
import type { EngineReport } from '../core/backend/measure';

/** Every request may carry an `id`; the events it causes echo it, so a widget can match answers to questions. */
interface Tagged {
  readonly id?: number;
}

/** Loads the dataset, builds the model (or restores `checkpoint`), and answers with a 'ready' status. */
export interface InitRequest extends Tagged {
  readonly type: 'init';
  readonly config: Partial<VaeConfig>;
  readonly dataset: string;
  readonly checkpoint?: Uint8Array;
  /** Force a backend (from the page's `?backend=`); absent: choose automatically. */
  readonly backend?: string;
  /** Allow software-rendered WebGL (CI only). */
  readonly allowSoftwareWebGL?: boolean;
  /** The lab's engine wishes: WebAssembly threads ('auto' or `?threads=`), and the page's stored backend timings,
   * which make the worker choose the backend by measured speed (core/backend/measured.ts). Absent: one thread, no probe. */
  readonly engine?: { readonly threads?: number | 'auto'; readonly memos?: unknown };
}
/** Starts (or resumes) the training loop; metrics every `metricsEvery` steps, images every `imagesEvery` (0 = never). */
export interface TrainRequest extends Tagged {
  readonly type: 'train';
  readonly metricsEvery?: number;
  readonly imagesEvery?: number;
  /** Pause by itself after this many steps in total (0 or absent = no limit). */
  readonly maxSteps?: number;
}
/** Requests that need nothing but their type and an optional id. */
export interface SimpleRequest<
  T extends 'pause' | 'evaluate' | 'saveCheckpoint' | 'dispose' | 'cancelSweep' | 'memory',
> extends Tagged {
  readonly type: T;
}
/** Takes `count` steps now, reporting metrics after the last. */
export interface StepRequest extends Tagged {
  readonly type: 'step';
  readonly count: number;
}
/** Changes β from the next step on. */
export interface SetBetaRequest extends Tagged {
  readonly type: 'setBeta';
  readonly beta: number;
}
/** Changes the learning rate from the next step on. */
export interface SetLearningRateRequest extends Tagged {
  readonly type: 'setLearningRate';
  readonly learningRate: number;
}
/** Fresh weights at step 0 (optionally with a new seed). */
export interface ResetRequest extends Tagged {
  readonly type: 'reset';
  readonly seed?: number;
}
/** Reconstructs test images `offset … offset + count − 1`. */
export interface ReconstructRequest extends Tagged {
  readonly type: 'reconstruct';
  readonly count: number;
  readonly offset?: number;
}
/** Decodes `count` draws from the prior. */
export interface SampleRequest extends Tagged {
  readonly type: 'sample';
  readonly count: number;
  readonly seed: number;
}
/** Encoder means of the first `limit` test images (all when absent), with labels and active units. */
export interface EncodeTestSetRequest extends Tagged {
  readonly type: 'encodeTestSet';
  readonly limit?: number;
}
/** Decodes a side × side grid over two latent dimensions (Φ⁻¹ of an even grid). */
export interface DecodeGridRequest extends Tagged {
  readonly type: 'decodeGrid';
  readonly side: number;
  readonly dims?: readonly [number, number];
}
/** Decodes latent points the widget chose, row-major [count, latent]. */
export interface DecodeLatentsRequest extends Tagged {
  readonly type: 'decodeLatents';
  readonly latents: Float32Array;
  readonly count: number;
}
/** The importance-weighted bound with `k` samples on `count` test images from `offset` (default 0: the first ones). */
export interface ImportanceWeightedRequest extends Tagged {
  readonly type: 'importanceWeighted';
  readonly k: number;
  readonly count: number;
  readonly seed: number;
  readonly offset?: number;
  /**
   * Present: the bound is for one binarization of the images (each pixel 1 with probability its grey level, drawn
   * with this seed; the same seed gives the same binary images), a proper log-likelihood for a Bernoulli decoder.
   * Absent: the grey levels as stored.
   */
  readonly binarizeSeed?: number;
}
/**
 * Trains a copy of the current model for `stepsPerRun` steps at each β in turn (fresh Adam, same seed) and evaluates it
 * on `evalCount` test images (default 500); the main model is left as it was. Pauses training; 'cancelSweep', 'pause',
 * 'train', 'step', 'reset', 'init' and 'dispose' end the sweep between two steps.
 */
export interface SweepRequest extends Tagged {
  readonly type: 'sweep';
  readonly betas: readonly number[];
  readonly stepsPerRun: number;
  readonly evalCount?: number;
}
/** Encodes one image the page supplies (the reader's drawing): `inputSize` pixels in [0, 1], row-major. */
export interface EncodeImageRequest extends Tagged {
  readonly type: 'encodeImage';
  readonly pixels: Float32Array;
}

/** Everything a widget can ask. */
/** Trains with the per-example loss the reader's cell declares (`code`), or with the book's again (null). */
export interface SetObjectiveRequest extends Tagged {
  readonly type: 'setObjective';
  readonly code: string | null;
}
export type WorkerRequest =
  | SetObjectiveRequest
  | InitRequest
  | TrainRequest
  | SimpleRequest<'pause'>
  | SimpleRequest<'evaluate'>
  | SimpleRequest<'saveCheckpoint'>
  | SimpleRequest<'dispose'>
  | SimpleRequest<'cancelSweep'>
  | SimpleRequest<'memory'>
  | StepRequest
  | SetBetaRequest
  | SetLearningRateRequest
  | ResetRequest
  | ReconstructRequest
  | SampleRequest
  | EncodeTestSetRequest
  | DecodeGridRequest
  | DecodeLatentsRequest
  | ImportanceWeightedRequest
  | SweepRequest
  | EncodeImageRequest;

/** Where the worker is in its life. */
export type WorkerState = 'loading' | 'ready' | 'training' | 'paused' | 'disposed';

/** Averages of the loss terms, nats per example; `klPerDim` has one entry per latent dimension. */
export interface TermsWire {
  readonly reconstruction: number;
  readonly kl: number;
  readonly klPerDim: Float64Array;
  readonly elbo: number;
  readonly objective: number;
  readonly beta: number;
}

/** Training progress after `step`; `heldOut` is present on evaluation steps. */
export interface MetricsEvent extends Tagged, TermsWire {
  readonly type: 'metrics';
  readonly step: number;
  readonly epoch: number;
  readonly learningRate: number;
  readonly msPerStep: number;
  readonly heldOut?: TermsWire;
}
/** Held-out averages over `count` test images. */
export interface EvaluationEvent extends Tagged, TermsWire {
  readonly type: 'evaluation';
  readonly step: number;
  readonly count: number;
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
