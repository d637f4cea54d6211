/** The baseline for `npm run bench`: the same VAE written the plain way, one unfused tfjs op at a time. */
// This is how a first tfjs VAE usually looks: separate matMul, add and relu, sigmoid then log for the likelihood,
// two encoder heads. The engine must beat it (see bench results); it is not used anywhere in the book.
import { tf } from '../core/tf';
import { createRng } from '../core/random';

interface PlainLayer {
  w: tf.Variable;
  b: tf.Variable;
}

/** Sizes of the plain model, matching the engine's MLP. */
export interface PlainShape {
  inputSize: number;
  hiddenSizes: readonly number[];
  latentSize: number;
  batchSize: number;
}

/** A naive VAE training step, built from unfused ops; `stepAsync()` resolves with the mean loss. */
export class PlainVae {
  private readonly encoder: PlainLayer[];
  private readonly muHead: PlainLayer;
  private readonly logVarHead: PlainLayer;
  private readonly decoder: PlainLayer[];
  private readonly optimizer = tf.train.adam(1e-3);

  constructor(shape: PlainShape, seed = 1) {
    const rng = createRng(seed, 11);
    const layer = (fanIn: number, fanOut: number): PlainLayer => {
      const values = new Float32Array(fanIn * fanOut);
      for (let i = 0; i < values.length; i++) values[i] = rng.normal() * Math.sqrt(2 / fanIn);
      const w = tf.tensor2d(values, [fanIn, fanOut]);
      const b = tf.zeros([fanOut]);
      const made = { w: tf.variable(w), b: tf.variable(b) };
      tf.dispose([w, b]);
      return made;
    };
    const sizes = [shape.inputSize, ...shape.hiddenSizes];
    this.encoder = sizes.slice(1).map((out, i) => layer(sizes[i]!, out));
    const last = sizes[sizes.length - 1]!;
    this.muHead = layer(last, shape.latentSize);
    this.logVarHead = layer(last, shape.latentSize);
    const dec = [shape.latentSize, ...[...shape.hiddenSizes].reverse(), shape.inputSize];
    this.decoder = dec.slice(1).map((out, i) => layer(dec[i]!, out));
  }

  /** One Adam step on `x` ([batch, input] in [0, 1]) with noise `eps` ([batch, latent]); resolves with the mean loss. */
  async stepAsync(x: tf.Tensor2D, eps: tf.Tensor2D): Promise<number> {
    const cost = this.launch(x, eps);
    const value = (await cost.data())[0] ?? NaN;
    cost.dispose();
    return value;
  }

  private launch(x: tf.Tensor2D, eps: tf.Tensor2D): tf.Scalar {
    const cost = this.optimizer.minimize(() => {
      let h: tf.Tensor2D = x;
      for (const l of this.encoder) h = tf.relu(tf.add(tf.matMul(h, l.w), l.b)) as tf.Tensor2D;
      const mu = tf.add(tf.matMul(h, this.muHead.w), this.muHead.b);
      const logVar = tf.add(tf.matMul(h, this.logVarHead.w), this.logVarHead.b);
      const z = tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps));
      let d: tf.Tensor2D = z as tf.Tensor2D;
      this.decoder.forEach((l, i) => {
        const pre = tf.add(tf.matMul(d, l.w), l.b) as tf.Tensor2D;
        d = i < this.decoder.length - 1 ? tf.relu(pre) : pre;
      });
      const p = tf.clipByValue(tf.sigmoid(d), 1e-7, 1 - 1e-7);
      const bce = tf.neg(tf.add(tf.mul(x, tf.log(p)), tf.mul(tf.sub(1, x), tf.log(tf.sub(1, p)))));
      const kl = tf.mul(-0.5, tf.add(tf.sub(tf.sub(1, tf.square(mu)), tf.exp(logVar)), logVar));
      return tf.mean(tf.add(tf.sum(bce, 1), tf.sum(kl, 1))) as tf.Scalar;
    }, true);
    if (!cost) throw new Error('The plain loop produced no loss.');
    return cost;
  }

  /** Frees every variable. */
  dispose(): void {
    for (const l of [...this.encoder, this.muHead, this.logVarHead, ...this.decoder]) tf.dispose([l.w, l.b]);
    this.optimizer.dispose();
  }
}
