/** The /bench/?check=adam run: trains one model with the fused Adam kernels and a twin with tfjs ops, and compares. */
import { tf } from '../core/tf';
import { Adam } from '../core/adam';
import { DEFAULT_CONFIG, resolveConfig } from '../core/config';
import { VaeModel } from '../core/model';
import { computeTerms } from '../core/objective';
import { createRng } from '../core/random';

/** What the check saw, as plain data for the page and the end-to-end test. */
export interface AdamCheckOutcome {
  backend: string;
  /** How the first model's updates ran: 'fused' kernels, or 'ops' when the backend has none (or they failed their check). */
  path: string | null;
  steps: number;
  /** Largest |w_fused − w_ops| over every weight after `steps` updates. */
  maxWeightGap: number;
  /** Largest |w_after − w_before| of the ops model: how far training moved the weights, the scale for the gap. */
  maxWeightMove: number;
  /** Largest relative gap between the two models' losses over the run. */
  maxLossGap: number;
  firstLoss: number;
  lastLoss: number;
}

/** All weights of `model`, read back asynchronously (a synchronous read on a WebGPU software adapter returns zeros). */
async function readWeights(model: VaeModel): Promise<Float32Array[]> {
  return Promise.all(model.variables().map(async (v) => Float32Array.from(await v.data())));
}

const maxGap = (a: readonly Float32Array[], b: readonly Float32Array[]) =>
  Math.max(...a.map((values, i) => values.reduce((gap, value, j) => Math.max(gap, Math.abs(value - b[i]![j]!)), 0)));

// A smaller model than the lab's, at ten times its learning rate: the kernels do the same arithmetic per weight at any
// size, and on a software WebGPU adapter the book's model took over 100 s here for 30 steps (a loaded machine timed out).
// 100 and 10 are not multiples of a workgroup or a SIMD width, so the kernels' remainder paths run too.
const CHECK_MODEL = { hiddenSizes: [100], latentSize: 10, batchSize: 16, learningRate: 1e-2 } as const;

/** Trains a small VAE `steps` times on random pixels with both Adams on the active backend. */
export async function runAdamCheck(steps = 10): Promise<AdamCheckOutcome> {
  const config = resolveConfig({ ...DEFAULT_CONFIG, ...CHECK_MODEL });
  const [fusedModel, opsModel] = [VaeModel.create(config, 1), VaeModel.create(config, 1)];
  const [fused, ops] = [
    new Adam({ learningRate: config.learningRate }),
    new Adam({ learningRate: config.learningRate, kernels: 'ops' }),
  ];
  const start = await readWeights(opsModel);
  const rng = createRng(5);
  const pixels = new Float32Array(config.batchSize * config.inputSize);
  const noise = new Float32Array(config.batchSize * config.latentSize);
  const losses: [number, number][] = [];
  for (let i = 0; i < steps; i++) {
    rng.fillUniform(pixels);
    rng.fillNormal(noise);
    const x = tf.tensor2d(pixels, [config.batchSize, config.inputSize]);
    const eps = tf.tensor2d(noise, [config.batchSize, config.latentSize]);
    const step = async (optimizer: Adam, model: VaeModel) => {
      const loss = optimizer.minimize(
        () => computeTerms(model, x, eps, config.beta).loss,
        true,
        model.variables(),
      ) as tf.Scalar;
      const value = (await loss.data())[0] ?? NaN;
      loss.dispose();
      return value;
    };
    losses.push([await step(fused, fusedModel), await step(ops, opsModel)]);
    tf.dispose([x, eps]);
  }
  const [fusedWeights, opsWeights] = [await readWeights(fusedModel), await readWeights(opsModel)];
  const outcome: AdamCheckOutcome = {
    backend: tf.getBackend(),
    path: fused.path,
    steps,
    maxWeightGap: maxGap(fusedWeights, opsWeights),
    maxWeightMove: maxGap(opsWeights, start),
    maxLossGap: Math.max(...losses.map(([a, b]) => Math.abs(a - b) / Math.abs(b))),
    firstLoss: losses[0]![1],
    lastLoss: losses.at(-1)![1],
  };
  [fused, ops].forEach((o) => o.dispose());
  [fusedModel, opsModel].forEach((m) => m.dispose());
  return outcome;
}
