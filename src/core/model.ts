/** The VAE's networks: an MLP encoder x → (μ, log σ²) and a mirrored MLP decoder z → pixel logits or means. */
import { tf } from './tf';
import type { Activation, ModelConfig } from './config';
import { Rng, STREAMS } from './random';

/** A fully connected layer's trainable weights. */
export interface DenseLayer {
  readonly name: string;
  readonly kernel: tf.Variable;
  readonly bias: tf.Variable;
  readonly activation: Activation | 'linear';
}

/** A weight array with its name and shape, as plain numbers (for checkpoints and the CPU snapshot). */
export interface NamedWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** What the encoder returns: the mean and log-variance of q(z|x), each [batch, latent]. */
export interface Posterior {
  readonly mu: tf.Tensor2D;
  readonly logVar: tf.Tensor2D;
}

/** Variance-scaling init: N(0, gain/fan_in), He for ReLU-like layers, LeCun otherwise; biases 0. */
function initialKernel(rng: Rng, fanIn: number, fanOut: number, activation: Activation | 'linear'): Float32Array {
  const gain = activation === 'relu' || activation === 'elu' ? 2 : 1;
  const scale = Math.sqrt(gain / fanIn);
  const values = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < values.length; i++) values[i] = rng.normal() * scale;
  return values;
}

/** tfjs registers variables by name globally, so each model gets its own prefix. */
let modelCount = 0;

function makeLayer(
  rng: Rng,
  prefix: string,
  name: string,
  fanIn: number,
  fanOut: number,
  activation: Activation | 'linear',
): DenseLayer {
  const kernel = tf.tidy(() => tf.tensor2d(initialKernel(rng, fanIn, fanOut, activation), [fanIn, fanOut]));
  const bias = tf.tidy(() => tf.zeros([fanOut]));
  const layer: DenseLayer = {
    name,
    kernel: tf.variable(kernel, true, `${prefix}/${name}/kernel`),
    bias: tf.variable(bias, true, `${prefix}/${name}/bias`),
    activation,
  };
  tf.dispose([kernel, bias]);
  return layer;
}

/** d act(u)/du written in terms of the output y = act(u), so the backward pass needs no pre-activation. */
function activationSlope(activation: Activation | 'linear', y: tf.Tensor): tf.Tensor | null {
  switch (activation) {
    case 'linear':
      return null;
    case 'relu':
      return tf.step(y);
    case 'elu': {
      // y > 0: 1; otherwise y = e^u − 1, so the slope e^u is y + 1.
      const positive = tf.step(y);
      return tf.add(positive, tf.mul(tf.sub(1, positive), tf.add(y, 1)));
    }
    case 'tanh':
      return tf.sub(1, tf.square(y));
    case 'sigmoid':
      return tf.mul(y, tf.sub(1, y));
  }
}

/** act(u) for a layer's activation; the identity for 'linear'. */
function activate(activation: Activation | 'linear', u: tf.Tensor2D): tf.Tensor2D {
  switch (activation) {
    case 'linear':
      return u;
    case 'relu':
      return tf.relu(u);
    case 'elu':
      return tf.elu(u);
    case 'tanh':
      return tf.tanh(u);
    case 'sigmoid':
      return tf.sigmoid(u);
  }
}

/**
 * Whether dx = δ·transpose(W) (true) or (W·transpose(δ))ᵀ is cheaper on wasm. Only plain matMuls are fast there (a
 * transposed operand takes a scalar loop ~30× slower), and a product packs its right operand anew whenever that tensor
 * is new: the first form transposes and packs W, the second transposes δ, packs it and transposes the batch-sized result.
 */
export function transposesWeights(batch: number, fanIn: number, fanOut: number): boolean {
  return 2 * fanIn * fanOut <= 2 * batch * fanOut + batch * fanIn;
}

/** dx = δ Wᵀ in the cheaper form for the backend (see `transposesWeights`). */
function inputGradient(delta: tf.Tensor2D, weights: tf.Tensor2D, wasm: boolean): tf.Tensor2D {
  if (!wasm) return tf.matMul(delta, weights, false, true);
  const [batch, fanOut] = delta.shape;
  const fanIn = weights.shape[0];
  return transposesWeights(batch, fanIn, fanOut)
    ? tf.matMul(delta, tf.transpose(weights))
    : (tf.transpose(tf.matMul(weights, tf.transpose(delta))) as tf.Tensor2D);
}

/**
 * a b + bias in one kernel. tf.fused.matMul runs matMul and add as two kernels whenever gradients are being recorded
 * (for the sake of its own gradient, which the dense op below replaces), i.e. at every training step.
 */
function fusedProduct(a: tf.Tensor2D, b: tf.Tensor2D, bias: tf.Tensor1D) {
  const attrs = { transposeA: false, transposeB: false, activation: 'linear', leakyreluAlpha: 0.2 };
  const inputs = { a: tf.reshape(a, [1, ...a.shape]), b: tf.reshape(b, [1, ...b.shape]), bias };
  const product = tf.engine().runKernel('_FusedMatMul', inputs, attrs) as tf.Tensor3D;
  return tf.reshape(product, [a.shape[0], b.shape[1]]) as tf.Tensor2D;
}

/** y = act(x W + b): the fused product, then the activation (a kernel of its own, see `dense`). */
export function denseForward(x: tf.Tensor2D, layer: DenseLayer): tf.Tensor2D {
  // The wasm backend's fused ReLU turns NaN into 0, which would hide non-finite weights from the trainer's guard (a
  // NaN first layer would train on as a dead layer), so the activation is not fused into the product.
  return activate(
    layer.activation,
    fusedProduct(x, layer.kernel as tf.Variable<tf.Rank.R2>, layer.bias as tf.Tensor1D),
  );
}

/** A layer's gradients: dW and db always, dx only when asked for (the data's gradient is never needed). */
export interface DenseGradients {
  readonly dW: tf.Tensor2D;
  readonly db: tf.Tensor1D;
  readonly dx: tf.Tensor2D | null;
}

/**
 * Backward through y = act(x W + b) by hand: δ = dy ⊙ act′, dW = xᵀ δ, db = Σ δ, dx = δ Wᵀ. `output` (y) is needed
 * only for a non-linear activation. The weights are read from the variable itself (the backward pass runs before any
 * update), so no copy of them is kept.
 */
export function denseBackward(
  dy: tf.Tensor2D,
  input: tf.Tensor2D,
  output: tf.Tensor2D | null,
  layer: DenseLayer,
  withInput: boolean,
): DenseGradients {
  const slope = output ? activationSlope(layer.activation, output) : null;
  const delta = slope ? (tf.mul(dy, slope) as tf.Tensor2D) : dy;
  // GPUs and the cpu backend read a transposed operand for free; an extra transpose kernel would only cost them.
  const wasm = tf.getBackend() === 'wasm';
  const dW = wasm ? tf.matMul(tf.transpose(input), delta) : tf.matMul(input, delta, true, false);
  const kernel = layer.kernel as tf.Variable<tf.Rank.R2>;
  const db = wasm ? columnSums(delta) : (tf.sum(delta, 0) as tf.Tensor1D);
  return { dW: dW as tf.Tensor2D, db, dx: withInput ? inputGradient(delta, kernel, wasm) : null };
}

/**
 * Σ over rows of `delta` on wasm: a product 1ᵀ δ. Run right after dW = xᵀ δ, it finds δ already packed for XNNPACK
 * (the backend caches the packing per right operand), whereas tfjs's Sum over axis 0 first transposes all of δ.
 */
function columnSums(delta: tf.Tensor2D): tf.Tensor1D {
  const [rows, columns] = delta.shape;
  return tf.reshape(tf.matMul(tf.ones([1, rows]), delta), [columns]);
}

/**
 * y = act(x W + b) as an op with its own gradient (`denseForward`, `denseBackward`): only x and, for a non-linear
 * activation, y are copied for the backward pass. With `isInput` (x is the data) x is no input of the op: no gradient.
 */
export function dense(x: tf.Tensor2D, layer: DenseLayer, isInput = false): tf.Tensor2D {
  const forward = (input: tf.Tensor2D, save: (tensors: tf.Tensor[]) => void) => {
    const y = denseForward(input, layer);
    const linear = layer.activation === 'linear';
    save(linear ? [input] : [input, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
        const [kept, output] = saved as [tf.Tensor2D, tf.Tensor2D | undefined];
        const { dW, db, dx } = denseBackward(dy, kept, output ?? null, layer, !isInput);
        return dx ? [dx, dW, db] : [dW, db];
      },
    };
  };
  const op = isInput
    ? tf.customGrad((...args) => forward(x, args[2] as (tensors: tf.Tensor[]) => void))
    : tf.customGrad((...args) => {
        const [input, , , save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, (t: tf.Tensor[]) => void];
        return forward(input, save);
      });
  return (isInput ? op(layer.kernel, layer.bias) : op(x, layer.kernel, layer.bias)) as tf.Tensor2D;
}

/** The encoder and decoder with their variables; create it with `VaeModel.create(config, seed)`. */
export class VaeModel {
  private constructor(
    readonly config: ModelConfig,
    readonly encoderLayers: readonly DenseLayer[],
    /** One layer emits [μ, log σ²] side by side: one matMul instead of two. */
    readonly encoderHead: DenseLayer,
    readonly decoderLayers: readonly DenseLayer[],
    readonly decoderOutput: DenseLayer,
  ) {}

  /** Builds the networks with weights drawn from `seed`. */
  static create(config: ModelConfig, seed: number): VaeModel {
    const rng = new Rng(seed, STREAMS.init);
    const prefix = `vae${modelCount++}`;
    const encoderLayers: DenseLayer[] = [];
    let width = config.inputSize;
    config.hiddenSizes.forEach((size, i) => {
      encoderLayers.push(makeLayer(rng, prefix, `encoder/dense${i}`, width, size, config.activation));
      width = size;
    });
    const encoderHead = makeLayer(rng, prefix, 'encoder/head', width, 2 * config.latentSize, 'linear');
    const decoderLayers: DenseLayer[] = [];
    width = config.latentSize;
    [...config.hiddenSizes].reverse().forEach((size, i) => {
      decoderLayers.push(makeLayer(rng, prefix, `decoder/dense${i}`, width, size, config.activation));
      width = size;
    });
    const decoderOutput = makeLayer(rng, prefix, 'decoder/output', width, config.inputSize, 'linear');
    return new VaeModel(
      { ...config, hiddenSizes: [...config.hiddenSizes] },
      encoderLayers,
      encoderHead,
      decoderLayers,
      decoderOutput,
    );
  }

  /** q(z|x): the mean and log-variance for each row of `x` ([batch, inputSize]). */
  encode(x: tf.Tensor2D): Posterior {
    return tf.tidy(() => {
      let h = x;
      this.encoderLayers.forEach((layer, i) => (h = dense(h, layer, i === 0)));
      const stats = dense(h, this.encoderHead, this.encoderLayers.length === 0);
      const [mu, logVar] = tf.split(stats, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      return { mu, logVar };
    });
  }

  /** The decoder's raw output for each row of `z`: Bernoulli logits, or pre-sigmoid Gaussian means. */
  decodeLogits(z: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let h = z;
      for (const layer of this.decoderLayers) h = dense(h, layer);
      return dense(h, this.decoderOutput);
    });
  }

  /** The decoded image in [0, 1]: Bernoulli means σ(logits), or the Gaussian mean (also squashed by a sigmoid). */
  decode(z: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.sigmoid(this.decodeLogits(z)));
  }

  /** Every layer, encoder first, in a fixed order (checkpoints rely on it). */
  layers(): DenseLayer[] {
    return [...this.encoderLayers, this.encoderHead, ...this.decoderLayers, this.decoderOutput];
  }

  /** All trainable variables, in layer order. */
  variables(): tf.Variable[] {
    return this.layers().flatMap((layer) => [layer.kernel, layer.bias]);
  }

  /** Number of trainable parameters. */
  parameterCount(): number {
    return this.variables().reduce((sum, v) => sum + v.size, 0);
  }

  /** Copies the weights to plain Float32Arrays (a CPU snapshot). */
  getWeights(): NamedWeight[] {
    return this.layers().flatMap((layer) =>
      (['kernel', 'bias'] as const).map((part) => ({
        name: `${layer.name}/${part}`,
        shape: [...layer[part].shape],
        values: Float32Array.from(layer[part].dataSync()),
      })),
    );
  }

  /** Loads weights taken from a model of the same shape; throws if a name or shape does not match. */
  setWeights(weights: readonly NamedWeight[]): void {
    const variables = this.variables();
    if (weights.length !== variables.length) {
      throw new Error(`Expected ${variables.length} weight arrays, got ${weights.length}.`);
    }
    variables.forEach((variable, i) => {
      const weight = weights[i] as NamedWeight;
      const sameShape =
        weight.shape.length === variable.shape.length && weight.shape.every((d, j) => d === variable.shape[j]);
      if (!sameShape || weight.values.length !== variable.size) {
        throw new Error(
          `Weight ${weight.name} has shape [${weight.shape}], but this model needs [${variable.shape}] there.`,
        );
      }
    });
    variables.forEach((variable, i) => {
      const weight = weights[i] as NamedWeight;
      tf.tidy(() => variable.assign(tf.tensor(weight.values, variable.shape)));
    });
  }

  /** Frees every variable. */
  dispose(): void {
    tf.dispose(this.variables());
  }
}
