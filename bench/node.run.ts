/** Run by `npm run bench` (vitest project "bench"): times the engine against the plain loop in Node and writes JSON. */
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { benchInNode } from '../src/bench/node-bench';

it('benchmarks the engine in Node (figures go to BENCH_OUT, nothing is asserted about speed)', async () => {
  const timedSteps = Number(process.env['BENCH_STEPS'] ?? 20);
  const out = await benchInNode(['wasm', 'cpu'], { timedSteps, warmupSteps: 5 });
  writeFileSync(process.env['BENCH_OUT'] ?? '.cache/bench-node.json', JSON.stringify(out));
});
