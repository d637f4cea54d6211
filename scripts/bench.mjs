/** `npm run bench`: engine vs plain tfjs ms/step per backend, in Node and in headless Chromium; writes bench/results.json and docs/PERFORMANCE.md. */
// Speed is reported here as ratios and figures, never asserted in tests. BENCH_STEPS and BENCH_BROWSER=0 tune a run;
// BENCH_LAB_SECONDS (default 20, 0 = skip) times the lab per backend, BENCH_SOAK_MIN (e.g. 10) adds a long leak-check run.
// BENCH_ONLY=notebook times only the notebook (bytes, Run → output, long tasks while a cell trains the lab for
// BENCH_NOTEBOOK_TRAIN_SECONDS, default 20) into the last results; BENCH_SITE=<built site> skips building one for it.
// BENCH_LONGTASKS=0 skips the long-task trace (chapter loads, the lab's start, training with every chart in view).
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { benchInBrowser } from './lib/browser-bench.mjs';
import { benchLab } from './lib/lab-bench.mjs';
import { performanceReport } from './lib/performance-report.mjs';
import { runThreadsBench } from './lib/threads-bench.mjs';
import { benchNotebook, notebookOnly, trainSeconds } from './lib/notebook-bench.mjs';
import { notebookSection } from './lib/notebook-report.mjs';
import { benchTorch, torchComparison } from './lib/torch-bench.mjs';
import { benchLongTasks } from './lib/longtask-bench.mjs';
import { longTaskLines } from './lib/longtask-report.mjs';
import { cpus, platform, totalmem } from 'node:os';

const root = resolve(import.meta.dirname, '..');
const timedSteps = Number(process.env.BENCH_STEPS ?? 20);
if (process.env.BENCH_ONLY === 'notebook') {
  console.log(notebookSection(await notebookOnly(root)));
  process.exit(0);
}

// The Node half runs inside vitest's module runner, which loads tfjs-core's ESM build the way the tests do.
const nodeJson = join(root, '.cache', 'bench-node.json');
const ran = spawnSync('vitest', ['run', '--project', 'bench'], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, BENCH_OUT: nodeJson, BENCH_STEPS: String(timedSteps) },
});
if (ran.status !== 0 || !existsSync(nodeJson)) process.exit(ran.status ?? 1);
const node = JSON.parse(readFileSync(nodeJson, 'utf8'));

let browser = { results: [], skipped: [], notes: [] };
let labRun = { lab: [], soak: [], notes: [] };
let notebook = null;
let longTasks = null;
if (process.env.BENCH_BROWSER !== '0') {
  const siteDir = join(root, '.cache', 'site-bench');
  if (!existsSync(join(siteDir, 'bench', 'index.html')) || process.env.BENCH_REBUILD === '1') {
    const built = spawnSync(process.execPath, ['scripts/build-site.mjs'], {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, BASE_PATH: '/', OUT_DIR: siteDir },
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  browser = await benchInBrowser(siteDir, { timedSteps });
  const labSeconds = Number(process.env.BENCH_LAB_SECONDS ?? 20);
  if (labSeconds > 0)
    labRun = await benchLab(siteDir, { seconds: labSeconds, soakMinutes: Number(process.env.BENCH_SOAK_MIN ?? 0) });
  notebook = await benchNotebook(siteDir, { trainSeconds: trainSeconds() });
  if (process.env.BENCH_LONGTASKS !== '0') longTasks = await benchLongTasks(siteDir);
}

const results = [...node.results, ...browser.results];
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const torch = benchTorch(root, { timedSteps: Math.max(timedSteps, 30), specs: ['784-256-16:64', '784-400-20:128'] });
if (!torch.skipped) torch.comparison = torchComparison(torch, results);
for (const r of torch.comparison ?? [torch])
  console.log(
    r.skipped ??
      `PyTorch ${r.model}/${r.batchSize}, ${r.threads} thread(s): ${fmt(r.msPerStep)} ms/step; engine ÷ PyTorch ${fmt(r.engineOverTorch, 2)} (CPU time ${fmt(r.engineOverTorchCpu, 2)})`,
  );
console.log(
  '\nbackend            model          batch  engine ms/step  plain ms/step  speedup  engine GFLOP/s  matmul GFLOP/s  Adam',
);
for (const r of results) {
  console.log(
    `${r.backend.padEnd(18)} ${r.model.padEnd(14)} ${String(r.batchSize).padStart(5)}  ${fmt(r.engineMsPerStep).padStart(14)}  ${fmt(r.plainMsPerStep).padStart(13)}  ${fmt(r.speedup, 2).padStart(7)}  ${fmt(r.engineGflops, 2).padStart(14)}  ${fmt(r.matmulGflops, 2).padStart(14)}  ${r.adam ?? '—'}`,
  );
}
for (const s of [...node.skipped.map((n) => `node-${n}`), ...browser.skipped]) console.log(`skipped: ${s}`);
for (const n of browser.notes) console.log(`note: ${n}`);
if (labRun.lab.length)
  console.log(
    '\nthe lab in chapter 6 (worker)   steps/s  Train → first point  longest main-thread task  tasks > 50 ms',
  );
for (const r of labRun.lab)
  console.log(
    `${r.backend.padEnd(31)} ${fmt(r.stepsPerSecond).padStart(7)}  ${fmt(r.firstPointMs, 0).padStart(16)} ms  ${fmt(r.longestTaskMs, 0).padStart(21)} ms  ${String(r.tasksOver50ms).padStart(12)}`,
  );
for (const s of labRun.soak)
  console.log(`soak: ${s.minute} min, step ${s.step}, worker tensors ${s.tensors}, page heap ${fmt(s.heapMB)} MB`);
for (const n of labRun.notes) console.log(`note: ${n}`);
if (notebook) console.log(`\n${notebookSection(notebook)}`);
if (longTasks) console.log(longTaskLines(longTasks).join('\n'));
mkdirSync(join(root, 'bench'), { recursive: true });
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGiB: totalmem() / 2 ** 30,
  platform: platform(),
};
const out = {
  date: new Date().toISOString(),
  node: process.version,
  machine,
  timedSteps,
  results,
  profile: node.profile,
  torch,
  lab: labRun.lab,
  soak: labRun.soak,
  notebook,
  longTasks,
  skipped: [...node.skipped, ...browser.skipped],
  notes: [...browser.notes, ...labRun.notes],
};
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'PERFORMANCE.md'), performanceReport(out));
// Threads and the backend probe (scripts/lib/threads-bench.mjs), merged into both files; BENCH_THREADS_SECONDS=0 skips.
if (process.env.BENCH_BROWSER !== '0' && process.env.BENCH_THREADS_SECONDS !== '0')
  await runThreadsBench(root, join(root, '.cache', 'site-bench'));
console.log('\nwrote bench/results.json and docs/PERFORMANCE.md');
