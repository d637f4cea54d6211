/**
 * Times the notebook as a reader uses it: the bytes its first use loads, Run → first output for cells that do not
 * train (the first run, sandbox start included, and runs after the runtime has loaded), and the main thread's long
 * tasks while chapter 6's loss cell trains the lab.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serveSite } from './serve-site.mjs';
import { detectBase, measureNotebook } from './page-weights.mjs';
import { performanceReport } from './performance-report.mjs';

/** Cells that compute without training: chapter 4's two KL cells (the second uses the first) and chapter 2's table + plot. */
export const TIMED_CELLS = Object.freeze([
  { page: 'en/two-terms/', cell: 'kl-closed-form' },
  { page: 'en/two-terms/', cell: 'kl-monte-carlo' },
  { page: 'en/maximum-likelihood/', cell: 'toy-log-likelihood' },
]);
const LAB = 'figure[data-widget="vae-lab"][data-id="lab"]';

/** Runs in the page before its scripts: stamps every message to and from the sandbox worker (type and time). */
function recordSandboxMessages() {
  const log = [];
  window.__sandboxLog = log;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes('sandbox.worker')) return;
      log.push({ at: performance.now(), event: 'worker' });
      const post = this.postMessage.bind(this);
      this.postMessage = (data, ...rest) => {
        log.push({ at: performance.now(), event: `→${data?.type}` });
        post(data, ...rest);
      };
      this.addEventListener('message', ({ data }) => {
        log.push({ at: performance.now(), event: `←${data?.type}`, ms: data?.ms });
      });
    }
  };
}

/** Waits until no cell on the page runs, waits to run or is marked stale (a run's downstream cells have finished). */
const idle = (page) =>
  page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[data-cell]')].some(
        (f) => ['running', 'stale'].includes(f.dataset.state) || f.dataset.queued,
      ),
    null,
    { timeout: 60_000 },
  );

/** Clicks the cell's Run button in the page and resolves with the ms until the cell shows its output (done or error). */
function pressRun(page, cell) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const figure = document.querySelector(`figure[data-cell-name="${name}"]`);
        const run = figure?.querySelector('[data-cell-run]');
        if (!figure || !run) return reject(new Error(`no cell ${name} with a Run button`));
        let left = false;
        let start = 0;
        const observer = new MutationObserver(() => {
          const state = figure.dataset.state;
          if (state === 'running') left = true;
          if (!left || (state !== 'done' && state !== 'error')) return;
          observer.disconnect();
          resolve({ ms: performance.now() - start, state, startedAt: start });
        });
        observer.observe(figure, { attributes: true, attributeFilter: ['data-state'] });
        start = performance.now();
        run.click();
      }),
    cell,
  );
}

/**
 * Where the time of one run went, from the sandbox messages stamped between the click (`from`) and the cell's output
 * (`from + total`): until the worker is created, its start, the page's work before the first run request, the cells run
 * before the output (upstream ones, then the cell itself) as the worker timed them, the rest of those round trips
 * (analysis in the worker, Plot's first load, messages), and the page's work after the cell's answer (its output).
 */
export function breakdown(log, from, total) {
  const during = log.filter((e) => e.at >= from && e.at <= from + total);
  const first = (event) => during.find((e) => e.event === event);
  const worker = first('worker');
  const ready = first('←ready');
  const requests = during.filter((e) => e.event === '→run');
  const results = during.filter((e) => e.event === '←result');
  const roundTrips = results.reduce((sum, e, i) => sum + e.at - (requests[i]?.at ?? e.at), 0);
  const cellCodeMs = results.reduce((sum, e) => sum + (e.ms ?? 0), 0);
  return {
    toWorkerMs: worker ? worker.at - from : null,
    sandboxStartMs: worker && ready ? ready.at - worker.at : null,
    beforeFirstRunMs: requests.length ? requests[0].at - (ready?.at ?? from) : null,
    cellCodeMs,
    aroundCellCodeMs: roundTrips - cellCodeMs,
    runsInWorker: results.length,
    afterAnswerMs: results.length ? from + total - results.at(-1).at : null,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : null;
};

/** Opens the cell's page with nothing loaded yet, runs the cell once (cold), then `repeats` times more. */
async function timeCell(browser, origin, { page: path, cell }, repeats) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await page.addInitScript(recordSandboxMessages);
  await page.goto(`${origin}/${path}`);
  await page.locator(`figure[data-cell-name="${cell}"]`).scrollIntoViewIfNeeded();
  const first = await pressRun(page, cell);
  const again = [];
  for (let i = 0; i < repeats; i++) {
    await idle(page);
    again.push(await pressRun(page, cell));
  }
  const log = await page.evaluate(() => window.__sandboxLog);
  await page.close();
  const warm = again.map((r) => r.ms);
  return {
    cell: `${path}${cell}`,
    state: [first, ...again].every((r) => r.state === 'done') ? 'done' : 'error',
    firstRunMs: first.ms,
    firstRun: breakdown(log, first.startedAt, first.ms),
    warmRunMs: { median: median(warm), min: Math.min(...warm), max: Math.max(...warm), runs: warm.length },
    warmRun: breakdown(log, again.at(-1).startedAt, again.at(-1).ms),
  };
}

/** Starts collecting the page's long tasks (> 50 ms) into window.__longTasks as [end time, duration]. */
const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => window.__longTasks.push([e.startTime + e.duration, e.duration])),
    ).observe({ type: 'longtask' });
  });
/** The long tasks seen since the last call (count, longest), and a fresh list. */
const takeLongTasks = (page) =>
  page.evaluate(() => {
    const tasks = window.__longTasks.map(([, duration]) => duration);
    window.__longTasks = [];
    return { count: tasks.length, longestMs: Math.max(0, ...tasks) };
  });
/** Waits until the page has had no long task for `quietMs` (the other widgets that scrolling started have settled). */
const settle = (page, quietMs = 2000) =>
  page.waitForFunction(
    (quiet) => performance.now() - Math.max(0, ...window.__longTasks.map(([end]) => end)) > quiet,
    quietMs,
    { timeout: 60_000, polling: 250 },
  );
const readStep = (page) =>
  page
    .locator(`${LAB} [data-metric="step"] dd`)
    .textContent()
    .then((t) => Number(t) || 0);
const labState = (page, state) =>
  page.waitForFunction(([s, want]) => document.querySelector(s)?.dataset.state === want, [LAB, state], {
    timeout: 60_000,
  });

/** Trains for `seconds` after `press`, then stops: steps and the long tasks from the press to the stop. */
async function trainFor(page, seconds, press) {
  await settle(page);
  await takeLongTasks(page);
  const stepBefore = await readStep(page);
  await press();
  await labState(page, 'training');
  await page.waitForTimeout(seconds * 1000);
  const tasks = await takeLongTasks(page);
  const steps = (await readStep(page)) - stepBefore;
  await page.locator(`${LAB} [data-lab="train"]`).click();
  await page.waitForFunction((s) => document.querySelector(s)?.dataset.state !== 'training', LAB);
  return { seconds, steps, ...tasks };
}

/**
 * Chapter 6 on wasm: the lab's own Train (the book's loss) for `seconds`, then "Train the lab with this cell" with
 * the book's loss cell for as long, each counted from its click; the first is the baseline the cell is compared with.
 */
async function timeTrainingCell(browser, origin, seconds) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await page.goto(`${origin}/en/training-a-vae/?backend=wasm`);
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => ['ready', 'failed'].includes(document.querySelector(s)?.dataset.state ?? ''), LAB, {
    timeout: 180_000,
  });
  const cell = 'en/training-a-vae/loss (the lab trained with it, wasm)';
  if ((await page.locator(LAB).getAttribute('data-state')) === 'failed') {
    const text = await page.locator(LAB).innerText();
    await page.close();
    return { cell, failed: text.split('\n').find((line) => /stopped|failed|error/i.test(line)) ?? 'no message' };
  }
  await watchLongTasks(page);
  const bookLoss = await trainFor(page, seconds, () => page.locator(`${LAB} [data-lab="train"]`).click());
  const train = page.locator('[data-reader-loss-train]');
  await train.scrollIntoViewIfNeeded();
  const cellLoss = await trainFor(page, seconds, () => train.click());
  const status = await page.locator('[data-reader-loss-status]').textContent();
  await page.close();
  return { cell, status, bookLoss, cellLoss };
}

/**
 * Serves `siteDir` and measures the notebook: bytes (as the budget test counts them), Run → first output for
 * TIMED_CELLS, and long tasks while the loss cell trains the lab for `trainSeconds`.
 */
export async function benchNotebook(
  siteDir,
  {
    cells = TIMED_CELLS,
    repeats = 5,
    trainSeconds = 20,
    isolated = true,
    executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  } = {},
) {
  const base = detectBase(siteDir);
  const bytes = measureNotebook(siteDir, base);
  if (!bytes) return { bytes: null, cells: [], training: null, notes: ['notebook: the site has no cells'] };
  const server = await serveSite(siteDir, base, { isolated });
  const origin = server.url.replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking'] });
  const notes = [];
  try {
    const timed = [];
    for (const cell of cells) timed.push(await timeCell(browser, origin, cell, repeats));
    const training = trainSeconds > 0 ? await timeTrainingCell(browser, origin, trainSeconds) : null;
    // The machine's load says how far the times are from a quiet machine's (the benchmark may share its cores).
    return { bytes: { ...bytes, files: undefined }, cells: timed, training, notes, loadAverage: loadavg()[0] };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * `BENCH_ONLY=notebook`: measures the notebook alone on the bench site (built if missing), puts it into the last
 * bench/results.json (the other sections are kept as they were) and rewrites docs/PERFORMANCE.md from it.
 */
export async function notebookOnly(root) {
  const siteDir = process.env.BENCH_SITE ?? join(root, '.cache', 'site-bench');
  if (!existsSync(join(siteDir, 'index.html'))) {
    const env = { ...process.env, BASE_PATH: '/', OUT_DIR: siteDir };
    const built = spawnSync(process.execPath, ['scripts/build-site.mjs'], { stdio: 'inherit', cwd: root, env });
    if (built.status !== 0) throw new Error('the bench site did not build');
  }
  const notebook = await benchNotebook(siteDir, { trainSeconds: trainSeconds() });
  const resultsFile = join(root, 'bench', 'results.json');
  const last = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { date: '', results: [] };
  const out = { ...last, date: last.date || new Date().toISOString(), notebook };
  writeFileSync(resultsFile, `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(join(root, 'docs', 'PERFORMANCE.md'), performanceReport(out));
  return notebook;
}

/** Seconds the loss cell trains the lab while long tasks are counted (BENCH_NOTEBOOK_TRAIN_SECONDS, default 20). */
export const trainSeconds = () => Number(process.env.BENCH_NOTEBOOK_TRAIN_SECONDS ?? 20);
