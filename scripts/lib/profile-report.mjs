/** The report's kernel profile of one training step (node-wasm, CPU clock), from bench/results.json's `profile`. */

const fmt = (n, digits = 2) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—');
const line = (cells) => `| ${cells.join(' | ')} |`;
const PHASES = ['forward', 'backward', 'update'];

/** Kernels per step and their CPU ms, summed per phase and kind, most expensive first within each phase. */
function groups(kernels) {
  const sums = new Map();
  for (const k of kernels) {
    const key = `${k.phase}/${k.kind}`;
    const sum = sums.get(key) ?? { phase: k.phase, kind: k.kind, perStep: 0, ms: 0, names: new Set() };
    sum.perStep += k.perStep;
    sum.ms += k.ms;
    sum.names.add(k.name);
    sums.set(key, sum);
  }
  return [...sums.values()].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || b.ms - a.ms);
}

/** engine ÷ matmul with both timed on the process's CPU clock, for each Node row that has it. */
function cpuRatios(results) {
  const rows = results.filter((r) => typeof r.engineOverMatmulCpu === 'number');
  if (!rows.length) return '';
  const each = rows.map((r) => `${fmt(r.engineOverMatmulCpu)} on ${r.backend} ${r.model} at batch ${r.batchSize}`);
  return ` On the CPU clock (engine and a bare 512 × 512 matmul both timed in process CPU time, so load from other processes cancels out better than in wall-clock time), engine ÷ matmul is ${each.join(', ')}.`;
}

/** The profile as Markdown: the phase × kind table, the time outside kernels, the matmul share and CPU-clock ratios. */
export function profileSection(profile, results = []) {
  if (!profile?.kernels?.length) return `_No step was profiled._${cpuRatios(results)}`;
  const rows = groups(profile.kernels);
  const inKernels = rows.reduce((s, r) => s + r.ms, 0);
  const matmul = rows.filter((r) => r.kind === 'matmul').reduce((s, r) => s + r.ms, 0);
  const count = rows.reduce((s, r) => s + r.perStep, 0);
  const outside = Math.max(0, profile.stepMs - inKernels);
  const share = (ms) => `${fmt((100 * ms) / profile.stepMs, 0)} %`;
  return [
    `One training step of ${profile.model} at batch ${profile.batchSize} on ${profile.backend}, kernel by kernel (\`tf.profile\`, each kernel timed on ${profile.clock === 'cpu' ? "the process's CPU clock" : 'the wall clock'}; medians of 15 profiled steps; \`src/bench/profile-step.ts\`). "forward" is encoder, sampler, decoder and loss; "backward" the gradients (with the copies tfjs keeps for them); "update" Adam, the step's summary and its upkeep. A whole step takes ${fmt(profile.stepMs)} ms${profile.clock === 'cpu' ? ' of CPU' : ''} (median of 30): ${count} kernels in ${fmt(inKernels)} ms, of which matrix products ${fmt(matmul)} ms (${share(matmul)}); ${fmt(outside)} ms (${share(outside)}) is spent outside tfjs kernels (the fused Adam update, which on wasm is a SIMD loop of our own, not a tfjs kernel; tfjs's bookkeeping: tape, scopes, tensor tracking; the batch copied in; on a wall clock, also time the process was not running).${cpuRatios(results)}`,
    '',
    line([
      'phase',
      'kind',
      'kernels / step',
      profile.clock === 'cpu' ? 'CPU ms' : 'ms',
      'share of the step',
      'kernels',
    ]),
    line(['---', '---', '---:', '---:', '---:', '---']),
    ...rows.map((r) =>
      line([r.phase, r.kind, String(r.perStep), fmt(r.ms), share(r.ms), [...r.names].sort().join(', ')]),
    ),
    line(['—', 'outside kernels', '', fmt(outside), share(outside), '']),
  ].join('\n');
}
