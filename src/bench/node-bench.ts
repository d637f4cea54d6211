/** The Node half of `npm run bench`: the engine vs the plain loop on tfjs's cpu and wasm backends. */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../core/tf';
import { runBench, type BenchOptions, type BenchResult } from './run-bench';

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
    results.push({ ...(await runBench(options)), backend: `node-${name}` });
  }
  return { results, skipped };
}
