/** The training loop: Adam on the β-objective, seeded shuffling, held-out evaluation, plain-number metrics. */
import { tf } from './tf';
import { resolveConfig, type VaeConfig } from './config';
import { InvalidConfigError, ObjectiveError } from './errors';
import { VaeModel, type NamedWeight } from './model';
import { Adam, type AdamPath } from './adam';
import { computeTerms, type PerExampleObjective } from './objective';
import { BatchStream, validateImageSet } from './batches';
import type { StepMetrics, TrainerSnapshot } from './training-types';
import { holdTraining, putBackTraining, type RestorePoint } from './restore-point';
import { StepRecovery, type PendingStep } from './step-recovery';
import { evaluateModel, type EvalMetrics, type ImageSet } from './evaluate';

export type { EvalMetrics, ImageSet } from './evaluate';
export type { StepMetrics, TrainerSnapshot } from './training-types';
export { validateImageSet } from './batches';

/** Weight of the newest batch in the running mean used as the REINFORCE baseline. */
const BASELINE_RATE = 0.1;

/** Trains one VAE; call `step()` repeatedly, change β or the learning rate at any time, `dispose()` at the end. */
export class Trainer {
  private current: VaeConfig;
  private net: VaeModel;
  private optimizer: Adam;
  private readonly batches: BatchStream;
  private steps = 0;
  private baseline: number | null = null;
  /** The steps in flight with their restore points, and the sound states a non-finite loss returns to. */
  private readonly recovery: StepRecovery;
  /** A reader's per-example loss trained instead of the book's β-objective (null: the book's). */
  private custom: PerExampleObjective | null = null;

  /** Checks config against data (throws `InvalidConfigError`); builds Adam and the model, from `weights` if given. */
  constructor(
    config: Partial<VaeConfig>,
    private readonly train: ImageSet,
    private readonly heldOut: ImageSet | null = null,
    weights?: readonly NamedWeight[],
  ) {
    this.current = resolveConfig(config, train.count);
    const dataIssues = [
      ...validateImageSet(train, this.current.inputSize, 'training data'),
      ...(heldOut ? validateImageSet(heldOut, this.current.inputSize, 'held-out data') : []),
    ];
    if (dataIssues.length > 0) throw new InvalidConfigError(dataIssues);
    this.batches = new BatchStream(train, this.current, this.current.seed);
    this.net = VaeModel.create(this.current, this.current.seed, weights);
    this.optimizer = new Adam({ learningRate: this.current.learningRate });
    this.recovery = new StepRecovery({ hold: (ahead) => this.holdState(ahead), putBack: (p) => this.putBack(p) });
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
    this.setLive({ beta });
  }

  /** Changes β and/or the learning rate from the next step on; an invalid value throws and changes neither. */
  setLive(live: Partial<Pick<VaeConfig, 'beta' | 'learningRate'>>): void {
    const next = resolveConfig({ ...this.current, ...live }, this.train.count);
    if (next.learningRate > this.current.learningRate) this.recovery.keepAnchor();
    this.current = next;
    this.optimizer.learningRate = next.learningRate;
  }

  /**
   * Trains with a reader's per-example loss from the next step on (null: back to the book's). A loss that throws or
   * returns the wrong shape makes `step()` throw `ObjectiveError` with the model as it was before that step.
   */
  setObjective(objective: PerExampleObjective | null): void {
    this.custom = objective;
  }

  /** Whether a reader's loss is in force. */
  get customObjective(): boolean {
    return this.custom !== null;
  }

  /** Changes Adam's step size from the next step on, keeping its moment estimates. */
  setLearningRate(learningRate: number): void {
    this.setLive({ learningRate });
  }

  /**
   * One Adam step on one batch. If the loss is NaN or infinite it throws `NonFiniteLossError` and returns to a sound
   * state (weights, Adam's moments and t, the step count, the batches; restore-point.ts says which), so training can go
   * on from there with a smaller learning rate.
   */
  step(): StepMetrics {
    const pending = this.launchStep();
    return this.completeStep(pending, pending.summary.dataSync());
  }

  /** The same step, reading its numbers back asynchronously (WebGL and WebGPU need not stall the thread). */
  async stepAsync(): Promise<StepMetrics> {
    const pending = this.launchStep();
    return this.completeStep(pending, await pending.summary.data());
  }

  /** Runs the Adam update under a restore point (step-recovery.ts); its numbers are read back later. */
  private launchStep(): PendingStep {
    const started = performance.now();
    const { beta, batchSize } = this.current;
    return this.recovery.launch(() => this.runUpdate(), { started, beta, batchSize });
  }

  /**
   * The update itself; returns [reconstruction, KL, objective, KL per dimension …] as one tensor. A reader's loss that
   * fails is caught inside the gradient tape (a throw through it would leave the tape's saved tensors behind), no update
   * runs, and the failure is thrown afterwards.
   */
  private runUpdate(): tf.Tensor1D {
    const { batchSize, inputSize, latentSize, beta, gradientEstimator, binarize } = this.current;
    this.batches.next(binarize);
    const baseline = this.baseline ?? 0;
    const variables = this.net.variables();
    let summary: tf.Tensor1D | null = null;
    let failure: ObjectiveError | null = null;
    let loss: tf.Scalar | null = null;
    const forward = () => {
      const x = tf.tensor2d(this.batches.pixels, [batchSize, inputSize]);
      const epsilon = tf.tensor2d(this.batches.noise, [batchSize, latentSize]);
      let terms;
      try {
        terms = computeTerms(this.net, x, epsilon, beta, gradientEstimator, baseline, this.custom);
      } catch (error) {
        if (!(error instanceof ObjectiveError)) throw error;
        failure = error;
        return tf.mul(tf.sum(variables[0] as tf.Variable), 0) as tf.Scalar;
      }
      // Packed into one tensor so each step costs a single read-back.
      summary = tf.keep(
        tf.concat([
          tf.stack([tf.mean(terms.reconstruction), tf.mean(terms.kl), tf.mean(terms.objective)]),
          tf.mean(terms.klPerDim, 0),
        ]),
      ) as tf.Tensor1D;
      loss = terms.loss;
      return loss;
    };
    let computed: { value: tf.Scalar; grads: tf.NamedTensorMap };
    try {
      computed = this.gradients(forward);
    } catch (error) {
      // tfjs leaves the loss behind when no variable reaches it.
      tf.dispose([summary, loss].filter((t) => t !== null));
      throw error;
    }
    const { value, grads } = computed;
    if (!failure) this.optimizer.applyGradients(grads);
    tf.dispose([value, ...Object.values(grads)]);
    if (failure) throw failure;
    if (!summary) throw new Error('The training step produced no summary.');
    return summary;
  }

  /** The loss and its gradients for every variable; a reader's loss that no weight reaches is an `ObjectiveError`. */
  private gradients(loss: () => tf.Scalar): { value: tf.Scalar; grads: tf.NamedTensorMap } {
    try {
      return this.optimizer.computeGradients(loss, this.net.variables());
    } catch (error) {
      if (this.custom && error instanceof Error && /connection between any variable/.test(error.message))
        throw new ObjectiveError('constant', '');
      throw error;
    }
  }

  /** Turns a step's read-back numbers into metrics; checks them for NaN and runs the periodic evaluation. */
  private completeStep(pending: PendingStep, values: ArrayLike<number>): StepMetrics {
    this.recovery.settle(pending);
    const numbers = Array.from(values);
    const [reconstruction = NaN, kl = NaN, objective = NaN] = numbers;
    const klPerDim = Float64Array.from(numbers.slice(3));
    const broken = Object.entries({ reconstruction, KL: kl, objective }).find(([, value]) => !Number.isFinite(value));
    if (broken) throw this.recovery.rollBack(pending, broken[0], this.current.learningRate);
    // The baseline before this step is known only now (a step launched while another was in flight could not see it).
    this.recovery.vouch(pending, this.baseline);
    this.steps += 1;
    this.baseline =
      this.baseline === null ? reconstruction : this.baseline + BASELINE_RATE * (reconstruction - this.baseline);
    const { evalEvery, evalSize } = this.current;
    const heldOut =
      this.heldOut && evalEvery > 0 && this.steps % evalEvery === 0 ? this.evaluate(this.heldOut, evalSize) : null;
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
    this.recovery.rebase(() => {
      this.net.setWeights(weights);
      this.steps = step;
    }, new Error('The weights were restored before this step’s numbers were read.'));
  }

  /** Copies the whole training state to the CPU (the restore point after a lost WebGL context). */
  snapshot(): TrainerSnapshot {
    const optimizer = this.optimizer.getState(this.net.variables());
    return {
      step: this.steps,
      weights: this.net.getWeights(),
      optimizer,
      ...this.batches.position(),
      baseline: this.baseline,
    };
  }

  /** Puts a `snapshot()` back (taken from a trainer with the same config and data), so training goes on exactly. */
  restore(snapshot: TrainerSnapshot): void {
    if (snapshot.order.length !== this.train.count)
      throw new Error(`The snapshot orders ${snapshot.order.length} examples, this trainer has ${this.train.count}.`);
    this.recovery.rebase(() => {
      this.net.setWeights(snapshot.weights);
      this.steps = snapshot.step;
      this.optimizer.setState(snapshot.optimizer, this.net.variables());
      this.batches.seek(snapshot);
      this.baseline = snapshot.baseline;
    }, new Error('The trainer was restored before this step’s numbers were read.'));
  }

  /** A restore point for the step about to launch, `ahead` steps after the last one read back. */
  private holdState(ahead: number): RestorePoint {
    return holdTraining(this.steps + ahead, this.net.variables(), this.optimizer, this.batches, this.baseline);
  }

  /** Returns to `point` (which stays held). */
  private putBack(point: RestorePoint): void {
    putBackTraining(point, this.optimizer, this.batches);
    this.steps = point.step;
    this.baseline = point.baseline;
  }

  /** Fresh weights and optimizer, step 0; `seed` replaces the config's seed when given. */
  reset(seed: number = this.current.seed): void {
    this.current = resolveConfig({ ...this.current, seed }, this.train.count);
    this.recovery.rebase(() => {
      this.disposeState();
      this.net = VaeModel.create(this.current, this.current.seed);
      this.optimizer = new Adam({ learningRate: this.current.learningRate });
      this.steps = 0;
      this.baseline = null;
      this.batches.start(seed);
    }, new Error('The trainer was reset before this step’s numbers were read.'));
  }

  /** Frees the model's variables and the optimizer's moment estimates. */
  dispose(): void {
    this.recovery.release(new Error('The trainer was disposed before this step’s numbers were read.'));
    this.disposeState();
  }

  private disposeState(): void {
    this.net.dispose();
    this.optimizer.dispose();
  }
}
