/** The requests a widget sends the VAE worker (protocol.ts re-exports them with the events). */
import type { VaeConfig } from '../core/config';

/** Every request may carry an `id`; the events it causes echo it, so a widget can match answers to questions. */
export interface Tagged {
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
/** The settings that change while training runs; a request names those it changes. */
export interface LiveSettings {
  readonly beta?: number;
  readonly learningRate?: number;
}
/** Changes β and/or the learning rate from the next step on (both checked before either applies). */
export interface SetLiveRequest extends Tagged, LiveSettings {
  readonly type: 'setLive';
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
  | SetLiveRequest
  | ResetRequest
  | ReconstructRequest
  | SampleRequest
  | EncodeTestSetRequest
  | DecodeGridRequest
  | DecodeLatentsRequest
  | ImportanceWeightedRequest
  | SweepRequest
  | EncodeImageRequest;
