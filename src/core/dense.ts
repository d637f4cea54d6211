/** Fully connected layers: the fused forward product and a hand-written backward pass that copies no weights. */
import { tf } from './tf';
import type { Activation } from './config';

/** A fully connected layer's trainable weights. */
export interface DenseLayer {
  readonly name: string;
  readonly kernel: tf.Variable;
  readonly bias: tf.Variable;
  readonly activation: Activation | 'linear';
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
