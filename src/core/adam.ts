/** Adam (Kingma & Ba 2015), written out so the book can show it and so GPUs can update all weights in one go. */
import { tf } from './tf';

/** Adam's hyperparameters; the defaults are tfjs's (and the paper's, except ε, which float32 needs larger). */
export interface AdamSettings {
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /** One flat update over all weights (true) or one per variable (false, the default). */
  readonly flat?: boolean;
}

/** The step size and ε after bias correction at step t: α_t = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ), ε̂ = ε·√(1 − β₂ᵗ). */
export function adamStepSize(learningRate: number, beta1: number, beta2: number, epsilon: number, t: number) {
  const root = Math.sqrt(1 - beta2 ** t);
  return { alpha: (learningRate * root) / (1 - beta1 ** t), epsilonHat: epsilon * root };
}

/** Adam's state as plain numbers: its step t and both moment estimates, concatenated over the variables in order. */
export interface AdamState {
  readonly step: number;
  readonly first: Float32Array;
  readonly second: Float32Array;
}

/** Adam's two moment estimates for a set of parameters. */
interface Moments {
  readonly first: tf.Variable;
  readonly second: tf.Variable;
}

/** m ← m + (1 − β₁)(g − m), v ← v + (1 − β₂)(g² − v); returns the step α_t·m/(√v + ε̂) to subtract from θ. */
export function adamUpdate(moments: Moments, gradient: tf.Tensor, beta1: number, beta2: number, alpha: number, epsilonHat: number): tf.Tensor {
  const { first, second } = moments;
  const m = tf.add(first, tf.mul(1 - beta1, tf.sub(gradient, first)));
  const v = tf.add(second, tf.mul(1 - beta2, tf.sub(tf.square(gradient), second)));
  first.assign(m);
  second.assign(v);
  return tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilonHat)), alpha);
}

/**
 * The same update as tf.train.adam, written out (`adamUpdate`) so the book can show it, with a learning rate that may
 * change between steps. `flat: true` concatenates every gradient into one vector, so a step runs about a dozen kernels
 * instead of a dozen per variable; measured so far it does not pay (wasm slices slowly, WebGL was slower), so it is off.
 */
export class Adam extends tf.Optimizer {
  /** Name for tfjs serialization. */
  static readonly className = 'BookAdam';

  /** Current step size α; read at every update, so it can change between steps. */
  learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly flat: boolean;
  private flatMoments: Moments | null = null;
  private readonly moments = new Map<string, Moments>();
  private steps = 0;

  /** Creates the optimizer; moment estimates appear with the first update. */
  constructor(settings: AdamSettings) {
    super();
    this.learningRate = settings.learningRate;
    this.beta1 = settings.beta1 ?? 0.9;
    this.beta2 = settings.beta2 ?? 0.999;
    this.epsilon = settings.epsilon ?? tf.backend().epsilon();
    this.flat = settings.flat ?? false;
  }

  /** Applies one Adam update to the named variables (called by `minimize`). */
  override applyGradients(variableGradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const entries = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(variableGradients);
    const registered = tf.engine().registeredVariables;
    const variables = entries.map(([name]) => {
      const variable = registered[name];
      if (!variable) throw new Error(`Adam: no variable named ${name}.`);
      return variable;
    });
    this.steps += 1;
    const { alpha, epsilonHat } = adamStepSize(this.learningRate, this.beta1, this.beta2, this.epsilon, this.steps);
    const zeros = (like: tf.Tensor): Moments => ({ first: tf.variable(tf.zerosLike(like), false), second: tf.variable(tf.zerosLike(like), false) });
    tf.tidy(() => {
      if (this.flat) {
        const gradient = tf.concat(entries.map(([, g]) => tf.reshape(g, [-1])));
        this.flatMoments ??= zeros(gradient);
        const update = adamUpdate(this.flatMoments, gradient, this.beta1, this.beta2, alpha, epsilonHat);
        let offset = 0;
        for (const variable of variables) {
          const piece = tf.slice(update, [offset], [variable.size]);
          offset += variable.size;
          variable.assign(tf.sub(variable, tf.reshape(piece, variable.shape)));
        }
        return;
      }
      entries.forEach(([name, gradient], i) => {
        let moments = this.moments.get(name);
        if (!moments) {
          moments = zeros(gradient);
          this.moments.set(name, moments);
        }
        const variable = variables[i] as tf.Variable;
        variable.assign(tf.sub(variable, adamUpdate(moments, gradient, this.beta1, this.beta2, alpha, epsilonHat)));
      });
    });
    this.incrementIterations();
  }

  /** Copies t and the moments of `variables` (in that order) to the CPU; before the first step both are empty. */
  getState(variables: readonly tf.Variable[]): AdamState {
    if (this.steps === 0) return { step: 0, first: new Float32Array(0), second: new Float32Array(0) };
    const read = (pick: (moments: Moments) => tf.Variable) => {
      if (this.flatMoments) return Float32Array.from(pick(this.flatMoments).dataSync());
      const out = new Float32Array(variables.reduce((sum, v) => sum + v.size, 0));
      let offset = 0;
      for (const variable of variables) {
        const moments = this.moments.get(variable.name);
        if (moments) out.set(pick(moments).dataSync(), offset);
        offset += variable.size;
      }
      return out;
    };
    return { step: this.steps, first: read((m) => m.first), second: read((m) => m.second) };
  }

  /**
   * Puts back a state from `getState`, taken on a model of the same shape (variable names may differ: a rebuilt model
   * gets a new prefix), so the next update is the one that would have followed.
   */
  setState(state: AdamState, variables: readonly tf.Variable[]): void {
    const size = variables.reduce((sum, v) => sum + v.size, 0);
    const empty = state.first.length === 0 && state.second.length === 0;
    if (!empty && (state.first.length !== size || state.second.length !== size)) {
      throw new Error(`Adam state holds ${state.first.length} and ${state.second.length} moments, these variables need ${size}.`);
    }
    this.dispose();
    this.steps = state.step;
    this.iterations_ = state.step;
    if (empty) return;
    const moment = (values: Float32Array, shape: number[]) => tf.tidy(() => tf.variable(tf.tensor(values, shape), false));
    if (this.flat) {
      this.flatMoments = { first: moment(state.first, [size]), second: moment(state.second, [size]) };
      return;
    }
    let offset = 0;
    for (const variable of variables) {
      const end = offset + variable.size;
      const shape = [...variable.shape];
      this.moments.set(variable.name, { first: moment(state.first.slice(offset, end), shape), second: moment(state.second.slice(offset, end), shape) });
      offset = end;
    }
  }

  /** Frees the moment estimates. */
  override dispose(): void {
    const all = [...this.moments.values(), ...(this.flatMoments ? [this.flatMoments] : [])];
    tf.dispose(all.flatMap(({ first, second }) => [first, second]));
    this.moments.clear();
    this.flatMoments = null;
  }

  /** The settings, for tfjs serialization. */
  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
