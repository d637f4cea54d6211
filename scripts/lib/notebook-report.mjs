/** The notebook's section of docs/PERFORMANCE.md, from what scripts/lib/notebook-bench.mjs measured. */
import { NOTEBOOK_FIRST_USE_BUDGET, SANDBOX_WORKER_BUDGET } from './page-weights.mjs';

const fmt = (n, digits = 0) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—');
const kib = (bytes) => fmt(bytes / 1024, 1);

/** A Markdown table from a header row and body rows of cells. */
function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** Bytes the first use of a cell loads, as the budget test counts them. */
function bytesLines(bytes) {
  return [
    `Bytes (gzip, counted from the built site as the budget test counts them): the editor and runtime a chapter loads on the first focus or Run, **${kib(bytes.gzip)} KiB** (budget ${kib(NOTEBOOK_FIRST_USE_BUDGET)} KiB, tfjs not included); the sandbox worker the first Run starts, **${kib(bytes.workerGzip)} KiB** (budget ${kib(SANDBOX_WORKER_BUDGET)} KiB; tfjs with the wasm and cpu backends, the engine, Sucrase, acorn, Plot and linkedom; GPU backends in it: ${bytes.workerGpuBackends.length ? bytes.workerGpuBackends.join(', ') : 'none'}).`,
  ];
}

/** Run → first output per cell: the first run (sandbox start included) and the runs after it, with where time went. */
function cellsTable(cells) {
  return table(
    [
      'cell',
      'first run: Run → output (ms)',
      'of which sandbox start (ms)',
      'later runs: median (min–max) (ms)',
      'last later run: before the request / cell code / around it / output (ms)',
    ],
    cells.map((c) => [
      `${c.cell}${c.state === 'done' ? '' : ' (error)'}`,
      fmt(c.firstRunMs),
      fmt(c.firstRun.sandboxStartMs),
      `${fmt(c.warmRunMs.median)} (${fmt(c.warmRunMs.min)}–${fmt(c.warmRunMs.max)})`,
      [c.warmRun.beforeFirstRunMs, c.warmRun.cellCodeMs, c.warmRun.aroundCellCodeMs, c.warmRun.afterAnswerMs]
        .map((v) => fmt(v))
        .join(' / '),
    ]),
  );
}

/** Long main-thread tasks while the loss cell trains the lab, beside the lab trained with its own Train button. */
function trainingLine(t) {
  if (!t) return '_No training cell was timed (BENCH_NOTEBOOK_TRAIN_SECONDS=0)._';
  if (t.failed) return `_No training cell was timed: the lab did not start (${t.failed})._`;
  const run = (r) =>
    `${r.steps} steps in ${r.seconds} s, **${r.count}** main-thread tasks over 50 ms (longest ${fmt(r.longestMs)} ms)`;
  return `While ${t.cell} trains: ${run(t.cellLoss)}. The same lab with its own Train button (the book's loss), on the same page just before: ${run(t.bookLoss)}. Both are counted from the click until training is stopped.`;
}

/** The section, or a line saying it was not measured. */
export function notebookSection(notebook) {
  if (!notebook?.bytes) return '_The notebook was not measured (no browser, or BENCH_BROWSER=0)._';
  return [
    ...bytesLines(notebook.bytes),
    '',
    'Run → first output: from the click on Run to the cell showing its output, in headless Chromium on wasm, for cells that do not train. The first run on a freshly opened page includes loading the notebook client, starting the sandbox worker (tfjs, wasm) and running the cells it depends on; later runs are the same cell again with the runtime loaded (the issue asks ≤ 500 ms for these). The last column splits the last of the later runs: the page’s work before it asks the worker to run the cell, the cell’s code as the worker times it (compile, run, outputs), the rest of that round trip (the worker’s analysis of the code, messages), and the page turning the answer into its output.',
    '',
    cellsTable(notebook.cells),
    '',
    trainingLine(notebook.training),
    ...(notebook.loadAverage === undefined
      ? []
      : ['', `Load average of the machine at the end: ${fmt(notebook.loadAverage, 1)}.`]),
    ...(notebook.notes ?? []).map((n) => `\n- ${n}`),
  ].join('\n');
}
