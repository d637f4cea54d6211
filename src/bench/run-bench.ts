/** Times the engine's training step against the plain tfjs loop on whatever tfjs backend is active. */
import { tf } from '../core/tf';
import { createRng } from '../core/random';
import { DEFAULT_CONFIG, type VaeConfig } from '../core/config';
import { Trainer, type ImageSet } from '../core/trainer';
import { PlainVae } from './plain-vae';
import { cpuClock } from './cpu-clock';

/** One backend's figures; all plain numbers so they cross a worker or page boundary as JSON. */
export interface BenchResult {
  backend: string;
  model: string;
  batchSize: number;
  engineMsPerStep: number;
  /** The process's CPU ms per engine step where there is a CPU clock (Node): robust to other load on the machine. */
  engineCpuMsPerStep: number | null;
  plainMsPerStep: number;
  /** plain ms/step ÷ engine ms/step: above 1 means the engine is faster. */
  speedup: number;
  engineGflops: number;
  matmulGflops: number;
  /** engine ÷ matmul FLOP rate on the CPU clock (Node only): both timed in process CPU time, so load cancels out. */
  engineOverMatmulCpu: number | null;
  numTensorsLeaked: number;
  /** How the engine's Adam ran: 'fused' (GPU kernels, wasm SIMD) or tfjs 'ops'. */
  adam: string;
}

/** What to measure; defaults are the book's default model. */
export interface BenchOptions {
  config?: Partial<VaeConfig>;
  warmupSteps?: number;
  timedSteps?: number;
  /** Side of the square matrices used to measure the backend's matMul throughput. */
  matmulSize?: number;
  now?: () => number;
}

/** Floating-point operations of one training step: forward plus backward (≈ 2× forward) over every dense layer. */
export function flopsPerStep(
  config: Pick<VaeConfig, 'inputSize' | 'hiddenSizes' | 'latentSize' | 'batchSize'>,
): number {
  const enc = [config.inputSize, ...config.hiddenSizes];
  const dec = [config.latentSize, ...[...config.hiddenSizes].reverse(), config.inputSize];
  let macs = 0;
  for (let i = 1; i < enc.length; i++) macs += enc[i - 1]! * enc[i]!;
  macs += enc[enc.length - 1]! * 2 * config.latentSize;
  for (let i = 1; i < dec.length; i++) macs += dec[i - 1]! * dec[i]!;
  return 3 * 2 * config.batchSize * macs;
}

/** Random pixels in [0, 1]: timing does not depend on what the images show. */
export function syntheticImages(count: number, inputSize: number, seed: number): ImageSet {
  const rng = createRng(seed, 99);
  const images = new Float32Array(count * inputSize);
  for (let i = 0; i < images.length; i++) images[i] = rng.uniform();
  return { images, labels: new Uint8Array(count), count };
}

/** Mean milliseconds per call of `fn` after `warmup` untimed calls, each awaited before the next starts. */
async function timeSteps(
  fn: () => Promise<unknown>,
  warmup: number,
  timed: number,
  now: () => number,
  cpu: (() => number) | null = null,
): Promise<{ wall: number; cpu: number | null }> {
  for (let i = 0; i < warmup; i++) await fn();
  const [start, cpuStart] = [now(), cpu?.() ?? 0];
  for (let i = 0; i < timed; i++) await fn();
  return { wall: (now() - start) / timed, cpu: cpu ? (cpu() - cpuStart) / timed : null };
}

/** The backend's own matMul throughput in GFLOP/s, read back each time so asynchronous backends are timed fairly. */
export async function measureMatmulGflops(size: number, repeats: number, now: () => number): Promise<number> {
  const a = tf.randomUniform([size, size], -1, 1, 'float32', 1);
  const b = tf.randomUniform([size, size], -1, 1, 'float32', 2);
  const once = async () => {
    const product = tf.matMul(a, b);
    await product.data();
    product.dispose();
  };
  await once();
  const start = now();
  for (let i = 0; i < repeats; i++) await once();
  const seconds = (now() - start) / 1000;
  tf.dispose([a, b]);
  return (2 * size ** 3 * repeats) / seconds / 1e9;
}

/**
 * Runs the engine and the plain loop on the active backend and returns the figures. Both loops read their numbers back
 * asynchronously, as the lab's worker does: a synchronous read stalls a GPU, and on a WebGPU software adapter it even
 * returns zeros and loses the device.
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchResult> {
  const now = options.now ?? (() => performance.now());
  const config: VaeConfig = { ...DEFAULT_CONFIG, ...options.config };
  const warmup = options.warmupSteps ?? 5;
  const timed = options.timedSteps ?? 20;
  const before = tf.memory().numTensors;
  const data = syntheticImages(Math.max(config.batchSize * 4, 512), config.inputSize, config.seed);

  const trainer = new Trainer(config, data);
  const engine = await timeSteps(() => trainer.stepAsync(), warmup, timed, now, cpuClock());
  const adam = trainer.adamPath ?? 'ops';
  trainer.dispose();

  const plain = new PlainVae(config, config.seed);
  const x = tf.tensor2d(data.images.subarray(0, config.batchSize * config.inputSize), [
    config.batchSize,
    config.inputSize,
  ]);
  const eps = tf.randomNormal([config.batchSize, config.latentSize], 0, 1, 'float32', 3) as tf.Tensor2D;
  const plainMs = (await timeSteps(() => plain.stepAsync(x, eps), warmup, timed, now)).wall;
  plain.dispose();
  tf.dispose([x, eps]);

  const matmulSize = options.matmulSize ?? 512;
  const matmulGflops = await measureMatmulGflops(matmulSize, 5, now);
  const cpu = cpuClock();
  const matmulCpuGflops = cpu ? await measureMatmulGflops(matmulSize, 5, cpu) : null;
  const engineCpuGflops = engine.cpu ? flopsPerStep(config) / (engine.cpu / 1000) / 1e9 : null;
  return {
    backend: tf.getBackend(),
    model: `${config.inputSize}-${config.hiddenSizes.join('-')}-${config.latentSize}`,
    batchSize: config.batchSize,
    engineMsPerStep: engine.wall,
    engineCpuMsPerStep: engine.cpu,
    plainMsPerStep: plainMs,
    speedup: plainMs / engine.wall,
    engineGflops: flopsPerStep(config) / (engine.wall / 1000) / 1e9,
    matmulGflops,
    engineOverMatmulCpu: engineCpuGflops && matmulCpuGflops ? engineCpuGflops / matmulCpuGflops : null,
    numTensorsLeaked: tf.memory().numTensors - before,
    adam,
  };
}
