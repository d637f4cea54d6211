/** The Node half of `npm run bench`: the engine vs the plain loop on tfjs's cpu and wasm backends. */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../core/tf';
import { prepareFusedAdam } from '../core/adam-kernels';
import { runBench, syntheticImages, type BenchOptions, type BenchResult } from './run-bench';
import { cpuClock, profileStep, type KernelRow } from './profile-step';
import { DEFAULT_CONFIG, type VaeConfig } from '../core/config';
import { Trainer } from '../core/trainer';

/** Runs `runBench` on each named backend that initialises in Node, skipping (and naming) those that do not. */
export async function benchInNode(
  backends: readonly string[] = ['wasm', 'cpu'],
  options: BenchOptions = {},
): Promise<{ results: BenchResult[]; skipped: string[] }> {
  const results: BenchResult[] = [];
  const skipped: string[] = [];
  for (const name of backends) {
    const ok = await tf.setBackend(name).catch(() => false);
    if (!ok) {
      skipped.push(name);
      continue;
    }
    await tf.ready();
    // What chooseBackend does in the page: the fused Adam update where the backend has one (wasm's SIMD loop).
    await prepareFusedAdam();
    results.push({ ...(await runBench(options)), backend: `node-${name}` });
  }
  return { results, skipped };
}

/** A step of `config` on `backend` profiled kernel by kernel, with the median CPU ms of a whole step beside it. */
export interface NodeProfile {
  readonly backend: string;
  readonly model: string;
  readonly batchSize: number;
  readonly stepCpuMs: number;
  readonly kernels: KernelRow[];
}

/** Profiles the engine's step on `backend` in Node (CPU clock), after the same backend setup as `benchInNode`. */
export async function profileInNode(
  backend = 'wasm',
  config: Partial<VaeConfig> = {},
  runs = 15,
): Promise<NodeProfile> {
  await tf.setBackend(backend);
  await tf.ready();
  await prepareFusedAdam();
  const full = { ...DEFAULT_CONFIG, ...config };
  const trainer = new Trainer(full, syntheticImages(4 * full.batchSize, full.inputSize, full.seed));
  for (let i = 0; i < 5; i++) trainer.step();
  const cpu = cpuClock();
  if (!cpu) throw new Error('profileInNode needs a CPU clock (process.cpuUsage).');
  const steps: number[] = [];
  for (let i = 0; i < 2 * runs; i++) {
    const start = cpu();
    trainer.step();
    steps.push(cpu() - start);
  }
  const kernels = await profileStep(trainer, runs, cpu);
  trainer.dispose();
  const stepCpuMs = [...steps].sort((a, b) => a - b)[steps.length >> 1]!;
  const model = `${full.inputSize}-${full.hiddenSizes.join('-')}-${full.latentSize}`;
  return { backend: `node-${backend}`, model, batchSize: full.batchSize, stepCpuMs, kernels };
}
