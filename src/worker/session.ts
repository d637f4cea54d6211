/**
 * The worker's state between messages — the model, its data, the loop's settings, the restore point — and the one
 * queue that requests and training slices share, so a pause, β change or reset always lands between two steps.
 */
import type { Trainer, TrainerSnapshot } from '../core/trainer';
import { BackendLossWatch } from './backend-loss';
import { errorEvent } from './errors';
import type { DatasetBundle, HandlerOptions, Post } from './handler-options';
import type { StatusEvent, WorkerState } from './protocol';
import type { SweepRun } from './sweep';

/** How often the loop reports: metrics every N steps, images every M (0: never), and where it stops (0: never). */
export interface LoopSettings {
  readonly metricsEvery: number;
  readonly imagesEvery: number;
  readonly maxSteps: number;
}

/** One worker's mutable state and its request queue; the message handlers and the training loop act on it. */
export class WorkerSession {
  trainer: Trainer | null = null;
  data: DatasetBundle | null = null;
  dataset: string | null = null;
  sweep: SweepRun | null = null;
  /** The last sound training state on the CPU, for a backend recovery. */
  snapshot: TrainerSnapshot | null = null;
  backend = 'none';
  state: WorkerState = 'loading';
  running = false;
  loop: LoopSettings = { metricsEvery: 1, imagesEvery: 0, maxSteps: 0 };
  readonly lossWatch: BackendLossWatch;
  readonly schedule: (run: () => void) => void;
  readonly sliceMs: number;
  readonly snapshotEvery: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly post: Post,
    readonly options: HandlerOptions,
  ) {
    this.schedule = options.schedule ?? ((run: () => void) => void setTimeout(run, 0));
    this.sliceMs = options.sliceMs ?? 50;
    this.snapshotEvery = options.snapshotEvery ?? 100;
    this.lossWatch = new BackendLossWatch(options.watchBackendLoss);
  }

  /** The trainer's step count (0 without a model). */
  step(): number {
    return this.trainer?.stepCount ?? 0;
  }

  /** Moves to `next` and posts a status event with everything the page shows about the model. */
  setState(next: WorkerState, id?: number, message?: string, switched?: StatusEvent['switched']): void {
    this.state = next;
    const { trainer, dataset } = this;
    this.post({
      type: 'status',
      state: next,
      step: this.step(),
      backend: this.backend,
      parameterCount: trainer?.model.parameterCount() ?? 0,
      ...(dataset === null ? {} : { dataset }),
      ...(trainer ? { latentSize: trainer.config.latentSize } : {}),
      ...(id === undefined ? {} : { id }),
      ...(message === undefined ? {} : { message }),
      ...(switched === undefined ? {} : { switched }),
    });
  }

  /** The model and its data, or a `not-initialised` error when init has not run. */
  requireTrainer(): [Trainer, DatasetBundle] {
    if (!this.trainer || !this.data)
      throw Object.assign(new Error('The model is not ready yet: send init first.'), { code: 'not-initialised' });
    return [this.trainer, this.data];
  }

  /** Stops a running training loop, posting `paused` only when it was running. */
  pause(id?: number): void {
    if (!this.running) return;
    this.running = false;
    this.setState('paused', id);
  }

  /** Cancels a running sweep (its queued slices then do nothing). */
  stopSweep(): void {
    this.sweep?.cancel();
    this.sweep = null;
  }

  /** Runs `task` after everything queued before it; an exception becomes an error event. */
  enqueue(task: () => Promise<void>, id?: number): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      const event = errorEvent(error, id, this.step());
      const notReady = (error as { code?: unknown } | null)?.code === 'not-initialised';
      this.post(notReady ? { ...event, code: 'not-initialised' } : event);
    });
    return this.queue;
  }

  /** Queues `task` behind any requests that arrive meanwhile, once the scheduler yields. */
  later(task: () => Promise<void>): void {
    this.schedule(() => void this.enqueue(task));
  }
}
