/** The worker's logic as a plain function of messages: `createHandler(post, options)` → `handle(request)`. */
import { tf } from '../core/tf';
import { NonFiniteLossError, ObjectiveError } from '../core/errors';
import { Trainer, type ImageSet, type StepMetrics, type TrainerSnapshot } from '../core/trainer';
import { answerQuery } from './queries';
import { metricsEvent, previewEvents } from './training-events';
import { errorEvent } from './errors';
import { trainerFromInit } from './init-trainer';
import { SweepRun, validateSweep } from './sweep';
import { DatasetError } from '../core/data/format';
import { BackendLossWatch, type WatchBackendLoss } from './backend-loss';
import type { InitRequest, StatusEvent, WorkerEvent, WorkerRequest, WorkerState } from './protocol';
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

/** Creates the message handler; requests are processed strictly in arrival order. */
export function createHandler(post: Post, options: HandlerOptions): (request: WorkerRequest) => Promise<void> {
  const schedule = options.schedule ?? ((run: () => void) => void setTimeout(run, 0));
  const sliceMs = options.sliceMs ?? 50;
  const snapshotEvery = options.snapshotEvery ?? 100;
  let snapshot: TrainerSnapshot | null = null;
  let trainer: Trainer | null = null;
  let data: DatasetBundle | null = null;
  let dataset: string | null = null;
  let sweep: SweepRun | null = null;
  let backend = 'none';
  let state: WorkerState = 'loading';
  let running = false;
  let loop = { metricsEvery: 1, imagesEvery: 0, maxSteps: 0 };
  let queue: Promise<void> = Promise.resolve();
  const lossWatch = new BackendLossWatch(options.watchBackendLoss);

  const step = () => trainer?.stepCount ?? 0;
  const setState = (next: WorkerState, id?: number, message?: string, switched?: StatusEvent['switched']) => {
    state = next;
    post({
      type: 'status',
      state,
      step: step(),
      backend,
      parameterCount: trainer?.model.parameterCount() ?? 0,
      ...(dataset === null ? {} : { dataset }),
      ...(trainer ? { latentSize: trainer.config.latentSize } : {}),
      ...(id === undefined ? {} : { id }),
      ...(message === undefined ? {} : { message }),
      ...(switched === undefined ? {} : { switched }),
    });
  };

  /**
   * One slice of the loop: steps until `sliceMs` has passed, then yields; stops on pause, maxSteps or an error.
   * Slices run in the same queue as requests, so a pause, β change or reset always lands between two steps.
   */
  const runSlice = async () => {
    const active = trainer;
    if (!running || !active || !data) return;
    const sliceStart = performance.now();
    try {
      do {
        const metrics = await lossWatch.race(active.stepAsync());
        const at = metrics.step;
        if (at % snapshotEvery === 0) snapshot = active.snapshot();
        if (at % loop.metricsEvery === 0 || metrics.heldOut) post(metricsEvent(metrics));
        if (loop.imagesEvery > 0 && at % loop.imagesEvery === 0)
          for (const [event, transfer] of previewEvents(active, data, step())) post(event, transfer);
        if (loop.maxSteps > 0 && at >= loop.maxSteps) {
          running = false;
          setState('paused');
          return;
        }
      } while (running && performance.now() - sliceStart < sliceMs);
    } catch (error) {
      running = false;
      // A reader's loss that failed left the model as it was: nothing to recover from.
      if (
        !(error instanceof NonFiniteLossError || error instanceof ObjectiveError) &&
        options.recoverBackend &&
        snapshot
      ) {
        await recover(error, snapshot);
        return;
      }
      // The trainer went back to its last sound state; a backend recovery must not resume from the history it left.
      if (error instanceof NonFiniteLossError) snapshot = active.snapshot();
      post(errorEvent(error, undefined, step()));
      setState('paused');
      return;
    }
    if (running) scheduleSlice();
  };

  /** Queues the next slice behind any requests that arrived meanwhile. */
  const scheduleSlice = () => schedule(() => void enqueue(runSlice));

  /** Moves training to the backend `recoverBackend` names, from the last CPU snapshot, and carries on. */
  const recover = async (error: unknown, saved: TrainerSnapshot) => {
    const failed = backend;
    const next = await options.recoverBackend?.(error, failed).catch(() => null);
    if (!next || !trainer || !data) {
      post(errorEvent(error, undefined, step()));
      setState('paused');
      return;
    }
    const broken = trainer;
    trainer = new Trainer(broken.config, data.train, data.test);
    trainer.restore(saved);
    try {
      broken.dispose();
    } catch {
      // The old backend may be unusable (a lost context); its memory goes with it.
    }
    backend = next;
    lossWatch.arm(next);
    running = true;
    setState(
      'training',
      undefined,
      `The ${failed} backend failed; training resumed on ${next} from the snapshot at step ${saved.step}.`,
      { from: failed, to: next, step: saved.step },
    );
    scheduleSlice();
  };

  /** A sweep's slices share the queue with requests, so a cancel lands between two steps; a stale slice does nothing. */
  const runSweepSlice = async (run: SweepRun) => {
    if (sweep !== run) return;
    if (await run.slice(sliceMs)) sweep = null;
    else schedule(() => void enqueue(() => runSweepSlice(run)));
  };
  const stopSweep = () => {
    sweep?.cancel();
    sweep = null;
  };

  const requireTrainer = (): [Trainer, DatasetBundle] => {
    if (!trainer || !data)
      throw Object.assign(new Error('The model is not ready yet: send init first.'), { code: 'not-initialised' });
    return [trainer, data];
  };

  const handle = async (request: WorkerRequest): Promise<void> => {
    const id = request.id;
    const tag = id === undefined ? {} : { id };
    switch (request.type) {
      case 'init': {
        running = false;
        stopSweep();
        trainer?.dispose();
        trainer = null;
        snapshot = null;
        dataset = request.dataset;
        setState('loading', id);
        backend = options.prepareBackend ? await options.prepareBackend(request) : tf.getBackend();
        lossWatch.arm(backend);
        try {
          data = await options.loadDataset(request.dataset, (loaded, total) =>
            post({ type: 'progress', loaded, total, ...tag }),
          );
        } catch (error) {
          const reason = error instanceof DatasetError ? { reason: error.code } : {};
          post({
            type: 'error',
            code: 'dataset',
            message: error instanceof Error ? error.message : String(error),
            ...reason,
            ...tag,
          });
          return;
        }
        trainer = trainerFromInit(request, data);
        // A restore point from the start: a backend lost before the first periodic snapshot still recovers.
        snapshot = trainer.snapshot();
        setState('ready', id);
        return;
      }
      case 'train': {
        requireTrainer();
        stopSweep();
        loop = {
          metricsEvery: Math.max(1, request.metricsEvery ?? 1),
          imagesEvery: request.imagesEvery ?? 0,
          maxSteps: request.maxSteps ?? 0,
        };
        if (!running) {
          running = true;
          setState('training', id);
          scheduleSlice();
        }
        return;
      }
      case 'pause':
        stopSweep();
        if (running) {
          running = false;
          setState('paused', id);
        }
        return;
      case 'step': {
        const [active] = requireTrainer();
        stopSweep();
        let last: StepMetrics | null = null;
        try {
          for (let i = 0; i < request.count; i++) last = active.step();
        } catch (error) {
          if (error instanceof NonFiniteLossError) snapshot = active.snapshot();
          throw error;
        }
        if (last) post(metricsEvent(last));
        return;
      }
      case 'setBeta':
        requireTrainer()[0].setBeta(request.beta);
        return;
      case 'setObjective': {
        const [active] = requireTrainer();
        if (request.code !== null && !options.compileObjective)
          throw new Error('This worker cannot compile a reader’s loss.');
        active.setObjective(request.code === null ? null : await options.compileObjective!(request.code));
        post({ type: 'objective', custom: active.customObjective, ...tag });
        return;
      }
      case 'setLearningRate':
        requireTrainer()[0].setLearningRate(request.learningRate);
        return;
      case 'reset': {
        const [active] = requireTrainer();
        running = false;
        stopSweep();
        active.reset(request.seed);
        snapshot = active.snapshot();
        setState('ready', id);
        return;
      }
      case 'evaluate':
      case 'reconstruct':
      case 'sample':
      case 'decodeGrid':
      case 'decodeLatents':
      case 'encodeTestSet':
      case 'importanceWeighted':
      case 'encodeImage':
      case 'saveCheckpoint': {
        const [active, bundle] = requireTrainer();
        const [event, transfer] = answerQuery(request, active, bundle, { dataset: dataset ?? '' });
        post(event, transfer);
        return;
      }
      case 'sweep': {
        const [active, bundle] = requireTrainer();
        const plan = validateSweep(request);
        stopSweep();
        if (running) {
          running = false;
          setState('paused', id);
        }
        const run = new SweepRun(plan, active, bundle, post, options.sweepProgressMs);
        sweep = run;
        schedule(() => void enqueue(() => runSweepSlice(run)));
        return;
      }
      case 'cancelSweep':
        stopSweep();
        return;
      case 'memory': {
        const { numTensors, numBytes } = tf.memory();
        post({ type: 'memory', numTensors, numBytes, ...tag });
        return;
      }
      case 'dispose':
        running = false;
        stopSweep();
        trainer?.dispose();
        trainer = null;
        data = null;
        dataset = null;
        setState('disposed', id);
        return;
      default:
        post({
          type: 'error',
          code: 'bad-request',
          message: `Unknown request type ${JSON.stringify((request as { type?: unknown }).type)}.`,
          ...tag,
        });
    }
  };

  /** Runs `task` after everything queued before it; an exception becomes an error event. */
  const enqueue = (task: () => Promise<void>, id?: number): Promise<void> => {
    queue = queue.then(task).catch((error: unknown) => {
      const event = errorEvent(error, id, step());
      const notReady = (error as { code?: unknown } | null)?.code === 'not-initialised';
      post(notReady ? { ...event, code: 'not-initialised' } : event);
    });
    return queue;
  };

  return (request) => enqueue(() => handle(request), request.id);
}
