/** What the worker's handler is given: its data, its surroundings (tests pass fakes), and how it posts events. */
import type { ImageSet } from '../core/trainer';
import type { WatchBackendLoss } from './backend-loss';
import type { InitRequest, WorkerEvent } from './protocol';
import type { ObjectiveCompiler } from './reader-objective';

/** A dataset as the handler needs it: train and test images in [0, 1], and the image size. */
export interface DatasetBundle {
  readonly train: ImageSet;
  readonly test: ImageSet;
  readonly width: number;
  readonly height: number;
}

/** What the handler needs from its surroundings; tests pass synthetic data and a fake backend. */
export interface HandlerOptions {
  readonly loadDataset: (
    name: string,
    onProgress: (loaded: number, total: number | null) => void,
  ) => Promise<DatasetBundle>;
  /** Picks and initialises a tfjs backend for an init request, returning its name; by default uses tfjs's current one. */
  readonly prepareBackend?: (request: InitRequest) => Promise<string>;
  /** How the training loop yields between slices, so pause and β messages get through. */
  readonly schedule?: (run: () => void) => void;
  /** Milliseconds of training per slice before yielding. */
  readonly sliceMs?: number;
  /**
   * Called when a training step throws something other than a loss error. Returns the name of the backend training
   * can continue on (after a lost WebGL context, say), or null when the error should be reported instead.
   */
  readonly recoverBackend?: (error: unknown, failedBackend: string) => Promise<string | null>;
  /** Watches the active backend for a death that throws nothing (a lost WebGL context), so training can recover. */
  readonly watchBackendLoss?: WatchBackendLoss;
  /** Steps between CPU copies of the training state (weights, Adam, random streams), the restore point for `recoverBackend`. */
  readonly snapshotEvery?: number;
  /** Least milliseconds between two sweepProgress events (default 100). */
  readonly sweepProgressMs?: number;
  /** Compiles a reader's loss cell (reader-objective.ts); without it, setObjective with code is refused. */
  readonly compileObjective?: ObjectiveCompiler;
}

/** Sends an event; typed arrays listed in `transfer` move instead of being copied. */
export type Post = (event: WorkerEvent, transfer?: ArrayBuffer[]) => void;
