/** The training loop: Adam on the β-objective, seeded shuffling, held-out evaluation, plain-number metrics. */
import { tf } from './tf';
import { resolveConfig, type VaeConfig } from './config';
import { ConfigIssue, InvalidConfigError, NonFiniteLossError } from './errors';
import { VaeModel, type NamedWeight } from './model';
import { Adam, type AdamPath, type AdamState } from './adam';
import { computeTerms } from './objective';
import { binarizeInto } from './losses';
import { Rng, type RngState } from './random';
import { evaluateModel, type EvalMetrics, type ImageSet } from './evaluate';

export type { EvalMetrics, ImageSet } from './evaluate';

/** What one training step reports; batch means in nats per example. `epoch` counts passes over the data, fractional. */
export interface StepMetrics {
  readonly step: number;
  readonly epoch: number;
  readonly reconstruction: number;
  readonly kl: number;
  readonly klPerDim: number[];
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
  readonly streams: { readonly shuffle: RngState; readonly epsilon: RngState; readonly binarize: RngState };
  readonly order: Uint32Array;
  readonly cursor: number;
  readonly baseline: number | null;
}

/** A step whose update has run but whose numbers are not read back yet. */
interface PendingStep {
  readonly summary: tf.Tensor1D;
  readonly started: number;
  readonly beta: number;
  readonly batchSize: number;
}

/** Independent random streams, so changing one use of randomness never shifts another. */
const SHUFFLE_STREAM = 1;
const EPSILON_STREAM = 2;
const BINARIZE_STREAM = 3;
/** Weight of the newest batch in the running mean used as the REINFORCE baseline. */
const BASELINE_RATE = 0.1;

/** Checks that an image set has `inputSize` pixels per row and one label per row. */
export function validateImageSet(data: ImageSet, inputSize: number, what: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!Number.isInteger(data.count) || data.count < 1) issues.push(new ConfigIssue(what, `needs at least one example, got ${data.count}`));
  if (data.images.length !== data.count * inputSize) {
    issues.push(new ConfigIssue(what, `has ${data.images.length} pixels, expected ${data.count} × ${inputSize}`));
  }
  if (data.labels.length !== data.count) issues.push(new ConfigIssue(what, `has ${data.labels.length} labels for ${data.count} images`));
  return issues;
}

/** Trains one VAE; call `step()` repeatedly, change β or the learning rate at any time, `dispose()` at the end. */
export class Trainer {
  private current: VaeConfig;
  private net: VaeModel;
  private optimizer: Adam;
  private shuffleRng!: Rng;
  private epsilonRng!: Rng;
  private binarizeRng!: Rng;
  private order: Uint32Array;
  private cursor = 0;
  private steps = 0;
  private baseline: number | null = null;
  private readonly batchPixels: Float32Array;
  private readonly batchNoise: Float32Array;

  /** Validates the config against the data (throws `InvalidConfigError`) and builds model and optimizer. */
  constructor(
    config: Partial<VaeConfig>,
    private readonly train: ImageSet,
    private readonly heldOut: ImageSet | null = null,
  ) {
    this.current = resolveConfig(config, train.count);
    const dataIssues = [
      ...validateImageSet(train, this.current.inputSize, 'training data'),
      ...(heldOut ? validateImageSet(heldOut, this.current.inputSize, 'held-out data') : []),
    ];
    if (dataIssues.length > 0) throw new InvalidConfigError(dataIssues);
    this.batchPixels = new Float32Array(this.current.batchSize * this.current.inputSize);
    this.batchNoise = new Float32Array(this.current.batchSize * this.current.latentSize);
    this.order = new Uint32Array(train.count);
    this.net = VaeModel.create(this.current, this.current.seed);
    this.optimizer = new Adam({ learningRate: this.current.learningRate });
    this.startStreams();
  }

  /** The configuration now in force (β and learning rate included). */
  get config(): VaeConfig {
    return this.current;
  }

  /** The model being trained. */
  get model(): VaeModel {
    return this.net;
  }

  /** How the last Adam update ran: fused GPU kernels or tfjs ops (null before the first step). */
  get adamPath(): AdamPath | null {
    return this.optimizer.path;
  }

  /** Steps taken since construction or the last reset. */
  get stepCount(): number {
    return this.steps;
  }

  /** Changes β from the next step on; the ELBO reported does not depend on it. */
  setBeta(beta: number): void {
    this.current = resolveConfig({ ...this.current, beta }, this.train.count);
  }

  /** Changes Adam's step size from the next step on, keeping its moment estimates. */
  setLearningRate(learningRate: number): void {
    this.current = resolveConfig({ ...this.current, learningRate }, this.train.count);
    this.optimizer.learningRate = learningRate;
  }

  /** One Adam step on one batch; throws `NonFiniteLossError` if the loss is NaN or infinite. */
  step(): StepMetrics {
    const pending = this.launchStep();
    return this.completeStep(pending, pending.summary.dataSync());
  }

  /** The same step, reading its numbers back asynchronously (WebGL and WebGPU need not stall the thread). */
  async stepAsync(): Promise<StepMetrics> {
    const pending = this.launchStep();
    return this.completeStep(pending, await pending.summary.data());
  }

  /** Runs the Adam update and returns the step's summary tensor, [reconstruction, KL, objective, KL per dimension …]. */
  private launchStep(): PendingStep {
    const started = performance.now();
    const { batchSize, inputSize, latentSize, beta, gradientEstimator } = this.current;
    this.fillBatch();
    this.epsilonRng.fillNormal(this.batchNoise);
    const baseline = this.baseline ?? 0;
    let summary: tf.Tensor1D | null = null;
    const cost = this.optimizer.minimize(
      () => {
        const x = tf.tensor2d(this.batchPixels, [batchSize, inputSize]);
        const epsilon = tf.tensor2d(this.batchNoise, [batchSize, latentSize]);
        const terms = computeTerms(this.net, x, epsilon, beta, gradientEstimator, baseline);
        // Packed into one tensor so each step costs a single read-back.
        summary = tf.keep(
          tf.concat([tf.stack([tf.mean(terms.reconstruction), tf.mean(terms.kl), tf.mean(terms.objective)]), tf.mean(terms.klPerDim, 0)]),
        ) as tf.Tensor1D;
        return terms.loss;
      },
      true,
      this.net.variables(),
    );
    tf.dispose(cost as tf.Scalar);
    if (!summary) throw new Error('The training step produced no summary.');
    return { summary, started, beta, batchSize };
  }

  /** Turns a step's read-back numbers into metrics; checks them for NaN and runs the periodic evaluation. */
  private completeStep(pending: PendingStep, values: ArrayLike<number>): StepMetrics {
    pending.summary.dispose();
    this.steps += 1;
    const numbers = Array.from(values);
    const [reconstruction = NaN, kl = NaN, objective = NaN] = numbers;
    const klPerDim = numbers.slice(3);
    this.throwIfNonFinite({ reconstruction, KL: kl, objective });
    this.baseline = this.baseline === null ? reconstruction : this.baseline + BASELINE_RATE * (reconstruction - this.baseline);
    const { evalEvery, evalSize } = this.current;
    const heldOut = this.heldOut && evalEvery > 0 && this.steps % evalEvery === 0 ? this.evaluate(this.heldOut, evalSize) : null;
    return {
      step: this.steps,
      epoch: (this.steps * pending.batchSize) / this.train.count,
      reconstruction,
      kl,
      klPerDim,
      elbo: -(reconstruction + kl),
      beta: pending.beta,
      objective,
      learningRate: this.current.learningRate,
      msPerStep: performance.now() - pending.started,
      heldOut,
    };
  }

  /** Averages of the terms over `limit` examples of `data` (0 = all), with noise seeded the same way every time. */
  evaluate(data: ImageSet | null = this.heldOut, limit = 0): EvalMetrics {
    if (!data) throw new Error('No held-out data was given to this trainer.');
    const { beta, binarize, seed } = this.current;
    return evaluateModel(this.net, data, { beta, binarize, seed, limit });
  }

  /**
   * Puts saved weights back (e.g. a CPU snapshot after a lost WebGL context) and continues counting from `step`.
   * Adam's moment estimates start afresh, so the first steps after a restore are a little larger than usual (`restore`
   * with a full `snapshot()` avoids that).
   */
  restoreWeights(weights: readonly NamedWeight[], step: number): void {
    this.net.setWeights(weights);
    this.steps = step;
  }

  /** Copies the whole training state to the CPU (the restore point after a lost WebGL context). */
  snapshot(): TrainerSnapshot {
    const streams = { shuffle: this.shuffleRng.getState(), epsilon: this.epsilonRng.getState(), binarize: this.binarizeRng.getState() };
    const optimizer = this.optimizer.getState(this.net.variables());
    return { step: this.steps, weights: this.net.getWeights(), optimizer, streams, order: this.order.slice(), cursor: this.cursor, baseline: this.baseline };
  }

  /** Puts a `snapshot()` back (taken from a trainer with the same config and data), so training goes on exactly. */
  restore(snapshot: TrainerSnapshot): void {
    if (snapshot.order.length !== this.order.length) throw new Error(`The snapshot orders ${snapshot.order.length} examples, this trainer has ${this.order.length}.`);
    this.restoreWeights(snapshot.weights, snapshot.step);
    this.optimizer.setState(snapshot.optimizer, this.net.variables());
    this.shuffleRng.setState(snapshot.streams.shuffle);
    this.epsilonRng.setState(snapshot.streams.epsilon);
    this.binarizeRng.setState(snapshot.streams.binarize);
    this.order.set(snapshot.order);
    this.cursor = snapshot.cursor;
    this.baseline = snapshot.baseline;
  }

  /** Fresh weights and optimizer, step 0; `seed` replaces the config's seed when given. */
  reset(seed: number = this.current.seed): void {
    this.current = resolveConfig({ ...this.current, seed }, this.train.count);
    this.disposeState();
    this.net = VaeModel.create(this.current, this.current.seed);
    this.optimizer = new Adam({ learningRate: this.current.learningRate });
    this.steps = 0;
    this.baseline = null;
    this.startStreams();
  }

  /** Frees the model's variables and the optimizer's moment estimates. */
  dispose(): void {
    this.disposeState();
  }

  private disposeState(): void {
    this.net.dispose();
    this.optimizer.dispose();
  }

  private startStreams(): void {
    const { seed } = this.current;
    this.shuffleRng = new Rng(seed, SHUFFLE_STREAM);
    this.epsilonRng = new Rng(seed, EPSILON_STREAM);
    this.binarizeRng = new Rng(seed, BINARIZE_STREAM);
    this.order.forEach((_, i) => (this.order[i] = i));
    this.shuffleRng.shuffle(this.order);
    this.cursor = 0;
  }

  /** Copies the next batch (shuffled order, last partial batch dropped so shapes stay fixed) into `batchPixels`. */
  private fillBatch(): void {
    const { batchSize, inputSize, binarize } = this.current;
    if (this.cursor + batchSize > this.train.count) {
      this.shuffleRng.shuffle(this.order);
      this.cursor = 0;
    }
    for (let row = 0; row < batchSize; row++) {
      const index = this.order[this.cursor + row] as number;
      const source = this.train.images.subarray(index * inputSize, (index + 1) * inputSize);
      const target = this.batchPixels.subarray(row * inputSize, (row + 1) * inputSize);
      if (binarize) binarizeInto(source, this.binarizeRng, target);
      else target.set(source);
    }
    this.cursor += batchSize;
  }

  private throwIfNonFinite(values: Record<string, number>): void {
    for (const [quantity, value] of Object.entries(values)) {
      if (!Number.isFinite(value)) throw new NonFiniteLossError(this.steps, quantity, this.current.learningRate);
    }
  }
}
