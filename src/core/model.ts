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

/** One dense layer's name, shape and activation, before it has weights. */
interface LayerSpec {
  readonly name: string;
  readonly fanIn: number;
  readonly fanOut: number;
  readonly activation: Activation | 'linear';
}

/** The layers `config` describes, in the fixed order of `layers()` (and of checkpoints and init's random numbers). */
function layerSpecs(config: ModelConfig): LayerSpec[] {
  const specs: LayerSpec[] = [];
  let width = config.inputSize;
  config.hiddenSizes.forEach((size, i) => {
    specs.push({ name: `encoder/dense${i}`, fanIn: width, fanOut: size, activation: config.activation });
    width = size;
  });
  specs.push({ name: 'encoder/head', fanIn: width, fanOut: 2 * config.latentSize, activation: 'linear' });
  width = config.latentSize;
  [...config.hiddenSizes].reverse().forEach((size, i) => {
    specs.push({ name: `decoder/dense${i}`, fanIn: width, fanOut: size, activation: config.activation });
    width = size;
  });
  specs.push({ name: 'decoder/output', fanIn: width, fanOut: config.inputSize, activation: 'linear' });
  return specs;
}

/** Throws unless `weights` are one array per shape in `shapes`, each of that shape, in order. */
function checkShapes(weights: readonly NamedWeight[], shapes: readonly (readonly number[])[]): void {
  if (weights.length !== shapes.length)
    throw new Error(`Expected ${shapes.length} weight arrays, got ${weights.length}.`);
  shapes.forEach((shape, i) => {
    const weight = weights[i] as NamedWeight;
    const size = shape.reduce((n, d) => n * d, 1);
    const sameShape = weight.shape.length === shape.length && weight.shape.every((d, j) => d === shape[j]);
    if (!sameShape || weight.values.length !== size)
      throw new Error(`Weight ${weight.name} has shape [${weight.shape}], but this model needs [${shape}] there.`);
  });
}

/** The shape of each weight array of `specs`' layers: kernel, then bias. */
const weightShapes = (specs: readonly LayerSpec[]) =>
  specs.flatMap((spec) => [[spec.fanIn, spec.fanOut], [spec.fanOut]]);

/** Throws unless `weights` (a checkpoint's, say) fit the networks `config` describes. */
export function checkWeights(config: ModelConfig, weights: readonly NamedWeight[]): void {
  checkShapes(weights, weightShapes(layerSpecs(config)));
}

/** tfjs registers variables by name globally, so each model gets its own prefix. */
let modelCount = 0;

function makeLayer(prefix: string, spec: LayerSpec, kernelValues: Float32Array, biasValues: Float32Array): DenseLayer {
  const kernel = tf.tidy(() => tf.tensor2d(kernelValues, [spec.fanIn, spec.fanOut]));
  const bias = tf.tidy(() => tf.tensor1d(biasValues));
  const layer: DenseLayer = {
    name: spec.name,
    kernel: tf.variable(kernel, true, `${prefix}/${spec.name}/kernel`),
    bias: tf.variable(bias, true, `${prefix}/${spec.name}/bias`),
    activation: spec.activation,
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

  /**
   * Builds the networks with weights drawn from `seed`, or with `weights` when given (a checkpoint's, in layer order:
   * checked before any variable is made, and no random numbers are drawn for weights that would be thrown away).
   */
  static create(config: ModelConfig, seed: number, weights?: readonly NamedWeight[]): VaeModel {
    const specs = layerSpecs(config);
    if (weights) checkShapes(weights, weightShapes(specs));
    const rng = new Rng(seed, STREAMS.init);
    const prefix = `vae${modelCount++}`;
    const layers = specs.map((spec, i) =>
      weights
        ? makeLayer(prefix, spec, (weights[2 * i] as NamedWeight).values, (weights[2 * i + 1] as NamedWeight).values)
        : makeLayer(
            prefix,
            spec,
            initialKernel(rng, spec.fanIn, spec.fanOut, spec.activation),
            new Float32Array(spec.fanOut),
          ),
    );
    const depth = config.hiddenSizes.length;
    return new VaeModel(
      { ...config, hiddenSizes: [...config.hiddenSizes] },
      layers.slice(0, depth),
      layers[depth] as DenseLayer,
      layers.slice(depth + 1, 2 * depth + 1),
      layers[2 * depth + 1] as DenseLayer,
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

  /** Loads weights taken from a model of the same shape; throws if a shape does not match. */
  setWeights(weights: readonly NamedWeight[]): void {
    const variables = this.variables();
    checkShapes(
      weights,
      variables.map((variable) => variable.shape),
    );
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
