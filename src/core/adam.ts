/** Adam (Kingma & Ba 2015), written out so the book can show it and so each update can run fused (GPU kernels, wasm SIMD). */
import { tf } from './tf';
import { fusedAdamForActiveBackend, type FusedAdam } from './adam-kernels';
import { VariableHold } from './restore-point';

/** Adam's hyperparameters; the defaults are tfjs's (and the paper's, except ε, which float32 needs larger). */
export interface AdamSettings {
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /**
   * 'auto' (the default) runs each variable's update fused (three GPU kernels, or one SIMD loop on wasm) once it has
   * passed its check (`prepareFusedAdam`); 'ops' never does; a `FusedAdam` function is used on any backend (tests).
   */
  readonly kernels?: 'auto' | 'ops' | FusedAdam;
}

/** How the last update ran: fused (GPU kernels, wasm SIMD), or tfjs ops (cpu, or a backend whose fused update failed). */
export type AdamPath = 'fused' | 'ops';

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

/** Adam's step t and moment estimates at one moment, held on the device (`Adam.hold`). */
export interface AdamHold {
  readonly step: number;
  readonly values: VariableHold;
}

/** Adam's two moment estimates for a set of parameters. */
interface Moments {
  readonly first: tf.Variable;
  readonly second: tf.Variable;
}

/** Zero moment estimates shaped like `like`, as Adam starts. */
const zeroMoments = (like: tf.Tensor): Moments =>
  tf.tidy(() => ({ first: tf.variable(tf.zerosLike(like), false), second: tf.variable(tf.zerosLike(like), false) }));

/** m ← m + (1 − β₁)(g − m), v ← v + (1 − β₂)(g² − v); returns the step α_t·m/(√v + ε̂) to subtract from θ. */
export function adamUpdate(
  moments: Moments,
  gradient: tf.Tensor,
  beta1: number,
  beta2: number,
  alpha: number,
  epsilonHat: number,
): tf.Tensor {
  const { first, second } = moments;
  const m = tf.add(first, tf.mul(1 - beta1, tf.sub(gradient, first)));
  const v = tf.add(second, tf.mul(1 - beta2, tf.sub(tf.square(gradient), second)));
  first.assign(m);
  second.assign(v);
  return tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilonHat)), alpha);
}

/**
 * The same update as tf.train.adam, written out (`adamUpdate`) so the book can show it, with a learning rate that may
 * change between steps. On WebGL and WebGPU each variable's update runs as three fused kernels (adam-kernels.ts)
 * instead of about a dozen ops: on SwiftShader that took a training step from 86 to 57 ms.
 */
export class Adam extends tf.Optimizer {
  /** Name for tfjs serialization. */
  static readonly className = 'BookAdam';

  /** Current step size α; read at every update, so it can change between steps. */
  learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly kernels: 'auto' | 'ops' | FusedAdam;
  private fusedRefused = false;
  private lastPath: AdamPath | null = null;
  private readonly moments = new Map<string, Moments>();
  private steps = 0;

  /** Creates the optimizer; moment estimates appear with the first update. */
  constructor(settings: AdamSettings) {
    super();
    this.learningRate = settings.learningRate;
    this.beta1 = settings.beta1 ?? 0.9;
    this.beta2 = settings.beta2 ?? 0.999;
    this.epsilon = settings.epsilon ?? tf.backend().epsilon();
    this.kernels = settings.kernels ?? 'auto';
  }

  /** How the last update ran, or null before the first. */
  get path(): AdamPath | null {
    return this.lastPath;
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
    const fused =
      this.fusedRefused || this.kernels === 'ops'
        ? null
        : this.kernels === 'auto'
          ? fusedAdamForActiveBackend()
          : this.kernels;
    const constants = { alpha, epsilonHat, beta1: this.beta1, beta2: this.beta2 };
    let path: AdamPath = fused ? 'fused' : 'ops';
    tf.tidy(() => {
      entries.forEach(([name, gradient], i) => {
        let moments = this.moments.get(name);
        if (!moments) {
          moments = zeroMoments(gradient);
          this.moments.set(name, moments);
        }
        const variable = variables[i] as tf.Variable;
        if (fused && path === 'fused') {
          try {
            const next = fused(
              { weights: variable, gradient, first: moments.first, second: moments.second },
              constants,
            );
            variable.assign(next.weights);
            moments.first.assign(next.first);
            moments.second.assign(next.second);
            return;
          } catch {
            // A driver that will not compile the kernels: nothing was assigned yet, so the ops path takes over cleanly.
            this.fusedRefused = true;
            path = 'ops';
          }
        }
        variable.assign(tf.sub(variable, adamUpdate(moments, gradient, this.beta1, this.beta2, alpha, epsilonHat)));
      });
    });
    this.lastPath = path;
    this.incrementIterations();
  }

  /** Copies t and the moments of `variables` (in that order) to the CPU; before the first step both are empty. */
  getState(variables: readonly tf.Variable[]): AdamState {
    if (this.steps === 0) return { step: 0, first: new Float32Array(0), second: new Float32Array(0) };
    const read = (pick: (moments: Moments) => tf.Variable) => {
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
      throw new Error(
        `Adam state holds ${state.first.length} and ${state.second.length} moments, these variables need ${size}.`,
      );
    }
    this.dispose();
    this.steps = state.step;
    this.iterations_ = state.step;
    if (empty) return;
    const moment = (values: Float32Array, shape: number[]) =>
      tf.tidy(() => tf.variable(tf.tensor(values, shape), false));
    let offset = 0;
    for (const variable of variables) {
      const end = offset + variable.size;
      const shape = [...variable.shape];
      this.moments.set(variable.name, {
        first: moment(state.first.slice(offset, end), shape),
        second: moment(state.second.slice(offset, end), shape),
      });
      offset = end;
    }
  }

  /**
   * A restore point of t and the moments of `variables`, without copying them (see restore-point.ts); `rollBack` or
   * `release` it. Moments a variable does not have yet are created as zeros, as its first update would.
   */
  hold(variables: readonly tf.Variable[]): AdamHold {
    const moments = variables.flatMap((variable) => {
      let pair = this.moments.get(variable.name);
      if (!pair) this.moments.set(variable.name, (pair = zeroMoments(variable)));
      return [pair.first, pair.second];
    });
    return { step: this.steps, values: new VariableHold(moments) };
  }

  /** Puts t and the moments back as they were at `hold()`; the hold stays until its `values.release()`. */
  rollBack(hold: AdamHold): void {
    hold.values.putBack();
    this.steps = hold.step;
    this.iterations_ = hold.step;
  }

  /** Frees the moment estimates. */
  override dispose(): void {
    tf.dispose([...this.moments.values()].flatMap(({ first, second }) => [first, second]));
    this.moments.clear();
  }

  /** The settings, for tfjs serialization. */
  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
