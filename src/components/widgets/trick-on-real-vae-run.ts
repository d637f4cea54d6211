/**
 * One run of chapter 5's race: a VAE worker (the lab's LabWorker) training `raceConfig(key)`, driven by 'step'
 * requests so the page decides when each run computes. Its history holds the batch −ELBO after every request and the
 * held-out evaluations, as the lab's MetricHistory.
 */
import type { WorkerEvent } from '../../worker/protocol';
import { LabWorker } from './lab/lab-worker';
import { MetricHistory, heldOutPoint, lossPoint } from './lab/history';
import { RACE_BUDGET, RACE_DATASET, ROUND_STEPS, raceConfig, type RunKey } from './trick-on-real-vae-state';

type EventOf<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

/** Why a run stopped for good: its worker failed, the dataset did not load, or the loss went non-finite. */
export interface RunFailure {
  readonly code: 'crash' | EventOf<'error'>['code'];
  readonly message: string;
  readonly step: number;
}

/** What the page passes to a run: where to report download progress and a failure. */
export interface RunHooks {
  readonly onProgress: (key: RunKey, loaded: number, total: number | null) => void;
  readonly onFailure: (key: RunKey, failure: RunFailure) => void;
}

/** The backend the page asks for (from `?backend=` and `?softwareWebGL=1`, see lab/session.ts backendRequest). */
export interface BackendWish {
  readonly backend?: string;
  readonly allowSoftwareWebGL: boolean;
}

/** One estimator's run in its own worker. */
export class RaceRun {
  /** Every batch point (one per request) and held-out evaluation; sized so nothing is ever thinned within the budget. */
  readonly history = new MetricHistory(Math.ceil(RACE_BUDGET / ROUND_STEPS) + 2);
  private readonly worker: LabWorker;
  private steps = 0;
  private backendName = '';
  private failure: RunFailure | null = null;
  private lastMsPerStep: number | null = null;
  private started: Promise<void> | null = null;
  private isReady = false;
  /** Settles the pending `next()` early (with null) when the run fails. */
  private settle: ((event: WorkerEvent | null) => void) | null = null;

  constructor(
    readonly key: RunKey,
    private readonly hooks: RunHooks,
  ) {
    this.worker = new LabWorker((message) => this.fail({ code: 'crash', message, step: this.steps }));
    this.worker.on('progress', ({ loaded, total }) => hooks.onProgress(key, loaded, total));
  }

  /** Steps this run has taken. */
  get step(): number {
    return this.steps;
  }

  /** The backend its worker runs on ('' until it is ready). */
  get backend(): string {
    return this.backendName;
  }

  /** True once the model is built and evaluated at step 0 (and the run has not failed). */
  get ready(): boolean {
    return this.isReady && this.failure === null;
  }

  /** Why it stopped, or null while it can train. */
  get failed(): RunFailure | null {
    return this.failure;
  }

  /** Milliseconds per step over the latest request, as the worker measured it. */
  get msPerStep(): number | null {
    return this.lastMsPerStep;
  }

  /** Builds the model in the worker and evaluates it at step 0; once only (later calls return the same promise). */
  start(wish: BackendWish): Promise<void> {
    this.started ??= (async () => {
      const init = {
        type: 'init',
        config: raceConfig(this.key),
        dataset: RACE_DATASET,
        allowSoftwareWebGL: wish.allowSoftwareWebGL,
      } as const;
      this.worker.send(wish.backend ? { ...init, backend: wish.backend } : init);
      const ready = await this.next(
        (event) => (event.type === 'status' && event.state === 'ready') || event.type === 'error',
      );
      if (ready?.type === 'error') return this.fail({ code: ready.code, message: ready.message, step: 0 });
      if (ready?.type === 'status') this.backendName = ready.backend;
      await this.evaluate();
      this.isReady = true;
    })();
    return this.started;
  }

  /** Takes `count` steps (one request) and records the batch −ELBO of the last and any held-out evaluation. */
  async advance(count: number): Promise<void> {
    if (this.failure || count <= 0) return;
    this.worker.send({ type: 'step', count });
    const answer = await this.next((event) => event.type === 'metrics' || event.type === 'error');
    if (answer?.type === 'error')
      return this.fail({ code: answer.code, message: answer.message, step: answer.step ?? this.steps });
    if (answer?.type !== 'metrics') return;
    this.steps = answer.step;
    // An evaluation step's time includes the evaluation; only plain steps tell how long a step takes.
    if (!answer.heldOut) this.lastMsPerStep = answer.msPerStep;
    this.history.push(lossPoint(answer.step, answer));
    if (answer.heldOut) this.history.pushHeldOut(heldOutPoint(answer.step, answer.heldOut));
  }

  /** Fresh weights from the same seed at step 0, then the step-0 evaluation again. */
  async reset(): Promise<void> {
    // A reset during start-up waits for it, so the two never wait for the same 'ready'.
    if (this.started) await this.started;
    if (!this.isReady && !this.failure) return;
    if (this.failure?.code === 'crash' || this.failure?.code === 'dataset') return;
    this.failure = null;
    this.history.clear();
    this.steps = 0;
    this.lastMsPerStep = null;
    this.worker.send({ type: 'reset' });
    const ready = await this.next(
      (event) => (event.type === 'status' && event.state === 'ready') || event.type === 'error',
    );
    if (ready?.type === 'error') return this.fail({ code: ready.code, message: ready.message, step: 0 });
    await this.evaluate();
  }

  private async evaluate(): Promise<void> {
    const answer = await this.worker.ask({ type: 'evaluate' }, ['evaluation']);
    if (answer.type === 'error') return this.fail({ code: answer.code, message: answer.message, step: this.steps });
    this.history.pushHeldOut(heldOutPoint(answer.step, answer));
  }

  private fail(failure: RunFailure): void {
    if (this.failure) return;
    this.failure = failure;
    // A crashed worker answers nothing more; terminating it settles any question still waiting on it.
    if (failure.code === 'crash') this.worker.terminate();
    this.hooks.onFailure(this.key, failure);
    this.settle?.(null);
  }

  /** The next event that `matches` (null when the run fails first); requests are answered in order, so it is ours. */
  private next(matches: (event: WorkerEvent) => boolean): Promise<WorkerEvent | null> {
    return new Promise((resolve) => {
      const stops = (['status', 'metrics', 'error'] as const).map((type) =>
        this.worker.on(type, (event) => {
          if (matches(event)) done(event);
        }),
      );
      const done = (event: WorkerEvent | null) => {
        for (const stop of stops) stop();
        this.settle = null;
        resolve(event);
      };
      this.settle = done;
    });
  }
}
