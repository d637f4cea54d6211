/** The Node half of `npm run bench`: the engine vs the plain loop on tfjs's cpu and wasm backends. */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../core/tf';
import { prepareFusedAdam } from '../core/adam-kernels';
import { runBench, type BenchOptions, type BenchResult } from './run-bench';
import { cpuClock } from './cpu-clock';
import { profileEngine, type StepProfile } from './profile-step';
import type { VaeConfig } from '../core/config';

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

/** Profiles the engine's step on `backend` in Node (CPU clock), after the same backend setup as `benchInNode`. */
export async function profileInNode(
  backend = 'wasm',
  config: Partial<VaeConfig> = {},
  runs = 15,
): Promise<StepProfile> {
  await tf.setBackend(backend);
  await tf.ready();
  await prepareFusedAdam();
  const clock = cpuClock();
  if (!clock) throw new Error('profileInNode needs a CPU clock (process.cpuUsage).');
  return { ...(await profileEngine(config, runs, clock)), backend: `node-${backend}` };
}
