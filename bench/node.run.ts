/** Run by `npm run bench` (vitest project "bench"): times the engine against the plain loop in Node and writes JSON. */
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { benchInNode, profileInNode } from '../src/bench/node-bench';

/** The reference size of issue 17 (Kingma & Welling's MNIST model), beside the book's default 784-256-16 at 64. */
const LARGE = { hiddenSizes: [400], latentSize: 20, batchSize: 128 };

it('benchmarks the engine in Node (figures go to BENCH_OUT, nothing is asserted about speed)', async () => {
  const timedSteps = Number(process.env['BENCH_STEPS'] ?? 20);
  const out = await benchInNode(['wasm', 'cpu'], { timedSteps, warmupSteps: 5 });
  const large = await benchInNode(['wasm'], { timedSteps, warmupSteps: 5, config: LARGE });
  const profile = await profileInNode('wasm');
  const results = [...out.results, ...large.results];
  writeFileSync(process.env['BENCH_OUT'] ?? '.cache/bench-node.json', JSON.stringify({ ...out, results, profile }));
});
