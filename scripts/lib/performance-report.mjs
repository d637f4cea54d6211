/** Turns `npm run bench` results into docs/PERFORMANCE.md: the backend table, the lab's responsiveness and the memory soak. */
import { notebookSection } from './notebook-report.mjs';
import { profileSection } from './profile-report.mjs';
import { torchSection } from './torch-bench.mjs';
import { longTaskSection } from './longtask-report.mjs';

const fmt = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—');

/** A Markdown table from a header row and body rows of cells. */
function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The backend table: engine vs plain tfjs ms/step, their ratio, and the engine's FLOP rate against a bare matmul's. */
function backendSection(results) {
  if (!results.length) return '_No backend was timed._';
  return table(
    [
      'backend',
      'model',
      'batch',
      'engine ms/step',
      'plain tfjs ms/step',
      'ratio (plain ÷ engine)',
      'engine GFLOP/s',
      'matmul GFLOP/s',
      'engine ÷ matmul',
      'Adam',
    ],
    results.map((r) => [
      r.backend,
      r.model,
      String(r.batchSize),
      fmt(r.engineMsPerStep),
      fmt(r.plainMsPerStep),
      fmt(r.speedup, 2),
      fmt(r.engineGflops, 2),
      fmt(r.matmulGflops, 2),
      fmt(r.engineGflops / r.matmulGflops, 2),
      r.adam ?? '—',
    ]),
  );
}

/** The lab as a reader runs it: steps/s, Train → first plotted point, and main-thread long tasks while training. */
function labSection(lab) {
  if (!lab.length) return '_The lab was not timed (BENCH_LAB_SECONDS=0 or no browser)._';
  return table(
    ['lab backend', 'steps/s', 'Train → first plotted point (ms)', 'longest main-thread task (ms)', 'tasks > 50 ms'],
    lab.map((r) => [
      r.backend,
      fmt(r.stepsPerSecond),
      fmt(r.firstPointMs, 0),
      fmt(r.longestTaskMs, 0),
      String(r.tasksOver50ms),
    ]),
  );
}

/** The soak: first and last samples of the worker's tensor count and the page heap, then every sample. */
function soakSection(soak) {
  if (!soak.length) return '_No soak run in this report (run `BENCH_SOAK_MIN=10 npm run bench`)._';
  const first = soak[0];
  const last = soak.at(-1);
  const flat = first.tensors === last.tensors ? 'unchanged' : `changed by ${last.tensors - first.tensors}`;
  return [
    `Over ${fmt(last.minute)} min of training on wasm (step ${first.step} → ${last.step}): worker tensors ${first.tensors} → ${last.tensors} (${flat}); page heap ${fmt(first.heapMB)} → ${fmt(last.heapMB)} MB.`,
    '',
    table(
      ['minute', 'step', 'worker tensors', 'page heap (MB)'],
      soak.map((s) => [fmt(s.minute), String(s.step), String(s.tensors), fmt(s.heapMB)]),
    ),
  ].join('\n');
}

/** The viewport(s) the lab's long tasks were measured in when every chart was in them, in words; '' when not recorded. */
function everyChartInView(lab) {
  if (!lab.every((r) => r.chartsInView && r.viewport)) return '';
  const heights = lab.map((r) => r.viewport.height);
  const [low, high] = [Math.min(...heights), Math.max(...heights)];
  const tall = low === high ? `${low}` : `${low}–${high}`;
  return ` with every chart of the lab in view (viewport ${lab[0].viewport.width} × ${tall} px)`;
}

/** The longest main-thread task in words; the Long Tasks API reports only tasks of 50 ms or more, so 0 means none. */
function longestSentence(lab) {
  if (!lab?.length) return 'The main thread was not measured.';
  const longest = Math.max(...lab.map((r) => r.longestTaskMs));
  if (lab.some((r) => r.chartsInView === false))
    return `Not every chart of the lab was in view while training, so charts off screen skipped their redraws: the long tasks (longest ${fmt(longest, 0)} ms) can read lower than what a reader watching every chart sees.`;
  const view = everyChartInView(lab);
  if (longest === 0)
    return `No main-thread task of 50 ms or more while training${view}, on any backend (the Long Tasks API saw none). Loading a chapter and the lab's start are measured in "Long tasks where a reader feels them".`;
  return `The longest main-thread task seen while training${view}: ${fmt(longest, 0)} ms.`;
}

/** The whole report as Markdown, from the object bench.mjs writes to bench/results.json. */
export function performanceReport(run) {
  const machine = run.machine
    ? `${run.machine.cpus} × ${run.machine.cpuModel}, ${fmt(run.machine.memoryGiB, 0)} GiB, ${run.machine.platform}`
    : 'not recorded';
  const lines = [
    '# Performance report',
    '',
    `Written by \`npm run bench\` on ${run.date.slice(0, 10)} (Node ${run.node}; ${run.timedSteps} timed steps per row). Machine: ${machine}.`,
    'Figures are measurements on this machine, not guarantees: compare ratios, not absolute times, across machines.',
    '',
    '## Backends: the engine against plain TensorFlow.js',
    '',
    'The same training step (forward, loss, backward, Adam) of the book\'s VAE (784-256-16 at batch 64; node-wasm also at 784-400-20, batch 128), written once with the engine and once as plain tfjs ops; both loops read their numbers back asynchronously, as the lab\'s worker does. "Ratio" above 1 means the engine is faster; "engine ÷ matmul" compares the FLOP rate the engine reaches with a bare 512 × 512 matrix product\'s on the same backend (in wall-clock time; the next section gives it on the CPU clock too); "Adam" says whether the engine\'s update ran fused (GPU kernels, or the SIMD loop on wasm) or as tfjs ops.',
    '',
    backendSection(run.results ?? []),
    '',
    "## Where a step's time goes",
    '',
    profileSection(run.profile, run.results ?? []),
    ...(run.browserProfile ? ['', profileSection(run.browserProfile)] : []),
    '',
    '## Against PyTorch on the same machine',
    '',
    torchSection(run),
    '',
    '## The lab while training',
    '',
    `The chapter-6 lab in headless Chromium, training in its Web Worker. ${longestSentence(run.lab)}`,
    '',
    labSection(run.lab ?? []),
    '',
    '## Memory soak',
    '',
    soakSection(run.soak ?? []),
    '',
    '## The notebook',
    '',
    notebookSection(run.notebook),
  ];
  if (run.longTasks) lines.push('', longTaskSection(run.longTasks).trimEnd());
  const notes = [...(run.skipped ?? []).map((s) => `skipped: ${s}`), ...(run.notes ?? [])];
  if (notes.length) lines.push('', '## Notes', '', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
