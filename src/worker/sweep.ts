/** A β sweep: copies of the current model trained at several β, each evaluated on held-out data, run in slices. */
import { NonFiniteLossError } from '../core/errors';
import type { NamedWeight } from '../core/model';
import { Trainer } from '../core/trainer';
import type { VaeConfig } from '../core/config';
import { errorEvent } from './errors';
import { BadRequestError } from './queries';
import type { DatasetBundle, Post } from './handler';
import type { SweepRequest } from './protocol';

/** Bounds on a sweep, so one request cannot occupy the worker for hours. */
export const SWEEP_LIMITS = Object.freeze({
  maxBetas: 12,
  maxBeta: 10,
  maxStepsPerRun: 5000,
  maxEvalCount: 10_000,
  defaultEvalCount: 500,
});

/** A checked sweep request. */
export interface SweepPlan {
  readonly betas: readonly number[];
  readonly stepsPerRun: number;
  readonly evalCount: number;
  readonly id?: number;
}

function whole(value: number, what: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadRequestError(`${what} must be a whole number from ${min} to ${max}, got ${value}.`);
  return value;
}

/** Checks a sweep request's numbers; throws `BadRequestError` saying which one is wrong. */
export function validateSweep(request: SweepRequest): SweepPlan {
  const { maxBetas, maxBeta, maxStepsPerRun, maxEvalCount, defaultEvalCount } = SWEEP_LIMITS;
  const betas = Array.isArray(request.betas) ? request.betas : [];
  if (betas.length < 1 || betas.length > maxBetas)
    throw new BadRequestError(`betas must list 1 to ${maxBetas} values, got ${betas.length}.`);
  const bad = betas.find((beta) => !(Number.isFinite(beta) && beta >= 0 && beta <= maxBeta));
  if (bad !== undefined) throw new BadRequestError(`each β must be a finite number from 0 to ${maxBeta}, got ${bad}.`);
  return {
    betas: [...betas],
    stepsPerRun: whole(request.stepsPerRun, 'stepsPerRun', 1, maxStepsPerRun),
    evalCount: whole(request.evalCount ?? defaultEvalCount, 'evalCount', 1, maxEvalCount),
    ...(request.id === undefined ? {} : { id: request.id }),
  };
}

/**
 * One sweep in progress. It copies the source model's weights once, at the start; each run gets a fresh Trainer (fresh
 * Adam, same seed and config but its β) that is disposed as soon as its point is posted.
 */
export class SweepRun {
  private readonly start: NamedWeight[];
  private readonly config: VaeConfig;
  private readonly sourceStep: number;
  private index = 0;
  private stepInRun = 0;
  private copy: Trainer | null = null;
  private lastProgress = -Infinity;
  private ended = false;

  /** Snapshots `source`'s weights; nothing trains until `slice` is called. `progressMs` spaces the progress events. */
  constructor(
    private readonly plan: SweepPlan,
    source: Trainer,
    private readonly data: DatasetBundle,
    private readonly post: Post,
    private readonly progressMs = 100,
  ) {
    this.start = source.model.getWeights();
    this.config = source.config;
    this.sourceStep = source.stepCount;
  }

  /** True once sweepDone has been posted. */
  get finished(): boolean {
    return this.ended;
  }

  private get tag() {
    return this.plan.id === undefined ? {} : { id: this.plan.id };
  }

  /** Trains for about `budgetMs`, posting points and progress; resolves true when the sweep has ended. */
  async slice(budgetMs: number): Promise<boolean> {
    if (this.ended) return true;
    const sliceStart = performance.now();
    const { betas, stepsPerRun } = this.plan;
    try {
      do {
        const beta = betas[this.index] as number;
        this.copy ??= this.startRun(beta);
        await this.copy.stepAsync();
        this.stepInRun += 1;
        this.reportProgress();
        if (this.stepInRun === stepsPerRun) {
          this.finishRun(this.copy, beta);
          if (this.index === betas.length) {
            this.end(false);
            return true;
          }
        }
      } while (performance.now() - sliceStart < budgetMs);
    } catch (error) {
      this.post(this.failure(error, betas[this.index] as number));
      this.end(true);
      return true;
    }
    return false;
  }

  /** Stops between two steps: frees the run in progress and posts sweepDone with `cancelled: true`. */
  cancel(): void {
    if (!this.ended) this.end(true);
  }

  private startRun(beta: number): Trainer {
    const copy = new Trainer({ ...this.config, beta, evalEvery: 0 }, this.data.train, this.data.test);
    copy.restoreWeights(this.start, 0);
    return copy;
  }

  private reportProgress(): void {
    const now = performance.now();
    if (now - this.lastProgress < this.progressMs) return;
    this.lastProgress = now;
    const { index, stepInRun } = this;
    this.post({
      type: 'sweepProgress',
      index,
      total: this.plan.betas.length,
      stepInRun,
      stepsPerRun: this.plan.stepsPerRun,
      ...this.tag,
    });
  }

  private finishRun(copy: Trainer, beta: number): void {
    const metrics = copy.evaluate(this.data.test, this.plan.evalCount);
    const klPerDim = Float64Array.from(metrics.klPerDim);
    const { reconstruction: distortion, kl: rate, elbo } = metrics;
    const total = this.plan.betas.length;
    this.post(
      {
        type: 'sweepPoint',
        index: this.index,
        total,
        beta,
        rate,
        distortion,
        elbo,
        klPerDim,
        step: this.sourceStep,
        ...this.tag,
      },
      [klPerDim.buffer],
    );
    this.disposeCopy();
    this.index += 1;
    this.stepInRun = 0;
  }

  private failure(error: unknown, beta: number) {
    if (!(error instanceof NonFiniteLossError)) return errorEvent(error, this.plan.id, this.sourceStep);
    const message =
      `The β sweep's run at β = ${beta} became NaN or infinite (${error.quantity}) at step ${error.step} of ${this.plan.stepsPerRun}; ` +
      `the sweep stopped and the main model is unchanged. Try a smaller learning rate (now ${error.learningRate}).`;
    return { type: 'error', code: 'non-finite', message, step: error.step, beta, ...this.tag } as const;
  }

  private end(cancelled: boolean): void {
    this.disposeCopy();
    this.ended = true;
    this.post({ type: 'sweepDone', completed: this.index, total: this.plan.betas.length, cancelled, ...this.tag });
  }

  private disposeCopy(): void {
    try {
      this.copy?.dispose();
    } catch {
      // A copy on a lost WebGL context cannot be freed; its memory goes with the context.
    }
    this.copy = null;
  }
}
