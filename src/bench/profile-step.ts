/** Where a training step's time goes: tfjs kernels per phase (forward, backward, Adam and the rest), counted and timed. */
import { tf } from '../core/tf';
import { Adam } from '../core/adam';
import { computeTerms } from '../core/objective';
import { Trainer } from '../core/trainer';
import { DEFAULT_CONFIG, type VaeConfig } from '../core/config';
import { syntheticImages } from './run-bench';
import { cpuClock } from './cpu-clock';

/** What kind of work a kernel does: matrix products are the useful part, the rest is what fusing can remove. */
export type KernelKind = 'matmul' | 'elementwise' | 'reduction' | 'layout' | 'copy' | 'adam';

/** One kind of kernel in one phase: how many ran per step and their median summed time. */
export interface KernelRow {
  readonly phase: Phase;
  readonly kind: KernelKind;
  readonly name: string;
  readonly perStep: number;
  readonly ms: number;
}

/** forward: encoder, sampler, decoder, loss; backward: the gradients; update: Adam, the summary and the step's upkeep. */
export type Phase = 'forward' | 'backward' | 'update';

const KINDS: Record<string, KernelKind> = {
  BatchMatMul: 'matmul',
  _FusedMatMul: 'matmul',
  Sum: 'reduction',
  Mean: 'reduction',
  Max: 'reduction',
  Transpose: 'layout',
  Concat: 'layout',
  SplitV: 'layout',
  Slice: 'layout',
  Pack: 'layout',
  Reshape: 'layout',
  Identity: 'copy',
  Cast: 'copy',
  ZerosLike: 'copy',
  OnesLike: 'copy',
  Fill: 'copy',
};

/** The kind of a kernel by its registered name (anything not listed does one pass over its elements). */
export function kernelKind(name: string): KernelKind {
  if (/adam/i.test(name)) return 'adam';
  return KINDS[name] ?? 'elementwise';
}

/**
 * Runs `run` under tf.profile. A synchronous backend (wasm, cpu) times each kernel by the clock around it: with `cpu`,
 * that clock is the process's CPU time, so a kernel is not charged for time the machine spent on other processes.
 */
async function profiled(run: () => void, cpu: (() => number) | null) {
  const backend = tf.backend() as unknown as { time(f: () => void): Promise<{ kernelMs: number }> };
  const original = backend.time;
  if (cpu && tf.getBackend() !== 'webgl' && tf.getBackend() !== 'webgpu') {
    backend.time = async (f) => {
      const start = cpu();
      f();
      return { kernelMs: cpu() - start };
    };
  }
  try {
    return await tf.profile(run);
  } finally {
    backend.time = original;
  }
}

/** Leaf kernels only: a customGrad op shows up as a scope around the kernels it runs, and would count them twice. */
async function leafKernels(run: () => void, cpu: (() => number) | null): Promise<{ name: string; ms: number }[]> {
  const profile = await profiled(run, cpu);
  const backend = tf.getBackend();
  const leaves = profile.kernels.filter((k) => tf.getKernel(k.name, backend) !== undefined);
  return Promise.all(
    leaves.map(async (k) => {
      const time = await k.kernelTimeMs;
      return { name: k.name, ms: typeof time === 'number' ? time : NaN };
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per kernel name: count per run and the median over runs of its summed time. */
function tally(runs: { name: string; ms: number }[][]): Map<string, { count: number; ms: number }> {
  const names = new Set(runs.flatMap((r) => r.map((k) => k.name)));
  const rows = new Map<string, { count: number; ms: number }>();
  for (const name of names) {
    const perRun = runs.map((r) => r.filter((k) => k.name === name));
    const ms = median(perRun.map((ks) => ks.reduce((s, k) => s + k.ms, 0)));
    rows.set(name, { count: perRun[0]!.length, ms });
  }
  return rows;
}

/**
 * Profiles `runs` training steps of `trainer` (already warmed up) on the active backend. The forward and the gradients
 * are profiled on their own with the trainer's model; each phase is the difference between nested measurements.
 */
export async function profileStep(trainer: Trainer, runs = 15, cpu = cpuClock()): Promise<KernelRow[]> {
  const { batchSize, inputSize, latentSize, beta } = trainer.config;
  const x = tf.randomUniform([batchSize, inputSize], 0, 1, 'float32', 5) as tf.Tensor2D;
  const eps = tf.randomNormal([batchSize, latentSize], 0, 1, 'float32', 6) as tf.Tensor2D;
  const optimizer = new Adam({ learningRate: 0 });
  const forward = () => tf.tidy(() => computeTerms(trainer.model, x, eps, beta).loss);
  const gradients = () => {
    const { value, grads } = optimizer.computeGradients(forward, trainer.model.variables());
    tf.dispose([value, ...Object.values(grads)]);
  };
  const phases: [Phase, { name: string; ms: number }[][]][] = [
    ['forward', []],
    ['backward', []],
    ['update', []],
  ];
  for (let i = 0; i < runs; i++) {
    phases[0]![1].push(await leafKernels(() => void tf.dispose(forward()), cpu));
    phases[1]![1].push(await leafKernels(gradients, cpu));
    phases[2]![1].push(await leafKernels(() => void trainer.step(), cpu));
  }
  tf.dispose([x, eps]);
  optimizer.dispose();
  const [fwd, grad, step] = phases.map(([, r]) => tally(r)) as [
    ReturnType<typeof tally>,
    ReturnType<typeof tally>,
    ReturnType<typeof tally>,
  ];
  const rows: KernelRow[] = [];
  const subtract = (phase: Phase, whole: ReturnType<typeof tally>, part: ReturnType<typeof tally> | null) => {
    for (const [name, { count, ms }] of whole) {
      const inner = part?.get(name) ?? { count: 0, ms: 0 };
      const perStep = count - inner.count;
      if (perStep > 0) rows.push({ phase, kind: kernelKind(name), name, perStep, ms: Math.max(0, ms - inner.ms) });
    }
  };
  subtract('forward', fwd, null);
  subtract('backward', grad, fwd);
  subtract('update', step, grad);
  return rows;
}

/** A step of one model profiled kernel by kernel, with the median time of a whole step on the same clock beside it. */
export interface StepProfile {
  readonly backend: string;
  readonly model: string;
  readonly batchSize: number;
  /** The clock: 'cpu' (process CPU time, Node) or 'wall' (the browser, where no CPU clock exists). */
  readonly clock: 'cpu' | 'wall';
  readonly stepMs: number;
  readonly kernels: KernelRow[];
}

/** Profiles `runs` steps of a fresh engine trainer on the active backend, timing kernels and steps on `clock`. */
export async function profileEngine(
  config: Partial<VaeConfig> = {},
  runs = 15,
  clock: (() => number) | null = cpuClock(),
): Promise<StepProfile> {
  const full = { ...DEFAULT_CONFIG, ...config };
  const trainer = new Trainer(full, syntheticImages(4 * full.batchSize, full.inputSize, full.seed));
  for (let i = 0; i < 5; i++) trainer.step();
  const now = clock ?? (() => performance.now());
  const steps: number[] = [];
  for (let i = 0; i < 2 * runs; i++) {
    const start = now();
    trainer.step();
    steps.push(now() - start);
  }
  const kernels = await profileStep(trainer, runs, clock);
  trainer.dispose();
  return {
    backend: tf.getBackend(),
    model: `${full.inputSize}-${full.hiddenSizes.join('-')}-${full.latentSize}`,
    batchSize: full.batchSize,
    clock: clock ? 'cpu' : 'wall',
    stepMs: median(steps),
    kernels,
  };
}
