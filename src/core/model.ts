/** The VAE's networks: an MLP encoder x → (μ, log σ²) and a mirrored MLP decoder z → pixel logits or means. */
import { tf } from './tf';
import type { Activation, ModelConfig } from './config';
import { Rng, STREAMS } from './random';
import { dense, type DenseLayer } from './dense';

export { dense, denseBackward, denseForward, transposesWeights } from './dense';
export type { DenseGradients, DenseLayer } from './dense';

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
