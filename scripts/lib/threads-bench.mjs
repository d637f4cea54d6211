/** Threads and the backend probe in headless Chromium: ms/step of the lab at 1, 2, 4 WebAssembly threads, isolated or not, and the probe's timings and choice. */
// `node scripts/lib/threads-bench.mjs [site]` runs this part alone and merges it into bench/results.json and
// docs/PERFORMANCE.md; `npm run bench` runs it with the rest. Speed is reported, never asserted.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveSite } from './serve-site.mjs';

const LAB = 'figure[data-widget="vae-lab"][data-id="lab"]';
const CHAPTER = 'en/training-a-vae/';
/** Thread counts timed; 4 on a 2-core machine shows what oversubscription costs. */
export const THREAD_COUNTS = [1, 2, 4];

/** Opens the chapter-6 lab at `url` in a fresh context and waits for it; returns the page and its engine facts. */
async function openLab(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => ['ready', 'failed'].includes(document.querySelector(s)?.dataset.state ?? ''), LAB, {
    timeout: 240_000,
  });
  const engine = await page.locator(LAB).evaluate((f) => ({
    state: f.dataset.state,
    backend: f.dataset.backend,
    threads: Number(f.dataset.threads),
    isolated: f.dataset.isolated === 'true',
    how: f.dataset.engineHow,
    line: f.querySelector('[data-lab="backend"]')?.textContent ?? '',
    timings: JSON.parse(localStorage.getItem('vae-book:backend-timings') ?? 'null'),
  }));
  return { page, engine, close: () => context.close() };
}

/** Trains for `seconds` and returns steps/s, read from the lab's step readout. */
async function stepsPerSecond(page, seconds) {
  const step = () =>
    page
      .locator(`${LAB} [data-metric="step"] dd`)
      .textContent()
      .then((t) => Number(t) || 0);
  const train = page.locator(`${LAB} [data-lab="train"]`);
  await train.click();
  // The first steps carry the thread pool's wake-up and the charts' first draw: start counting after them.
  await page.waitForFunction(
    (s) => Number(document.querySelector(`${s} [data-metric="step"] dd`)?.textContent) >= 3,
    LAB,
    {
      timeout: 120_000,
    },
  );
  const from = await step();
  const start = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const rate = ((await step()) - from) / ((Date.now() - start) / 1000);
  await train.click();
  return rate;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** One lab run on WebAssembly at `threads` (null: auto), on an isolated or a plain server. */
async function labRun(browser, origin, threads, seconds) {
  const query = `?backend=wasm${threads === null ? '' : `&threads=${threads}`}`;
  const lab = await openLab(browser, `${origin}${CHAPTER}${query}`);
  const rate = await stepsPerSecond(lab.page, seconds);
  await lab.close();
  return { threads: lab.engine.threads, isolated: lab.engine.isolated, stepsPerSecond: rate, msPerStep: 1000 / rate };
}

/** The probe as a reader with two usable backends meets it (software WebGL allowed): its timings and choice. */
async function probeRun(browser, origin, threads) {
  const lab = await openLab(browser, `${origin}${CHAPTER}?softwareWebGL=1&threads=${threads}`);
  await lab.close();
  const memo = Array.isArray(lab.engine.timings) ? lab.engine.timings[0] : null;
  return {
    threads,
    how: lab.engine.how,
    choice: lab.engine.backend,
    samples: memo?.samples ?? [],
    line: lab.engine.line,
  };
}

/** Runs every measurement `rounds` times (interleaved, so a load spike hits all alike) and keeps medians. */
export async function benchThreads(
  siteDir,
  { seconds = 15, rounds = 2, base = '/', executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {},
) {
  const isolated = await serveSite(siteDir, base);
  const plain = await serveSite(siteDir, base, { isolated: false });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--enable-unsafe-swiftshader'] });
  const runs = new Map();
  const probes = [];
  let cores;
  try {
    const page = await browser.newPage();
    cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.close();
    for (let round = 0; round < rounds; round++) {
      for (const [key, origin, threads] of [
        ['plain', plain.url, null],
        ...THREAD_COUNTS.map((n) => [`threads-${n}`, isolated.url, n]),
      ]) {
        const run = await labRun(browser, origin, threads, seconds);
        runs.set(key, [...(runs.get(key) ?? []), run]);
      }
    }
    for (const n of [1, Math.min(cores ?? 1, 4)]) probes.push(await probeRun(browser, isolated.url, n));
  } finally {
    await browser.close();
    await isolated.close();
    await plain.close();
  }
  const lab = [...runs.entries()].map(([key, all]) => ({
    run: key,
    threads: all[0].threads,
    isolated: all[0].isolated,
    msPerStep: median(all.map((r) => r.msPerStep)),
    stepsPerSecond: median(all.map((r) => r.stepsPerSecond)),
    rounds: all.map((r) => Number(r.msPerStep.toFixed(1))),
  }));
  return { cores, seconds, rounds, lab, probes };
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

/** The report's section on threads and the probe (markdown). */
export function threadsSection(threads) {
  if (!threads) return '';
  const one = threads.lab.find((r) => r.run === 'threads-1')?.msPerStep;
  const rows = threads.lab.map(
    (r) =>
      `| ${r.run === 'plain' ? 'not isolated (no COOP/COEP)' : `isolated, ?threads=${r.run.slice(8)}`} | ${r.isolated} | ${r.threads} | ${fmt(r.msPerStep)} | ${fmt(r.stepsPerSecond)} | ${fmt(one / r.msPerStep, 2)} | ${r.rounds.join(', ')} |`,
  );
  const probes = threads.probes.map(
    (p) =>
      `| ${p.threads} | ${p.samples.map((s) => `${s.name}${s.threads > 1 ? ` × ${s.threads}` : ''} ${fmt(s.msPerStep)}`).join(', ')} | ${p.choice} (${p.how}) |`,
  );
  return [
    '## Threads and the backend probe',
    '',
    `The lab in chapter 6 on WebAssembly, headless Chromium, ${threads.cores} logical cores reported, ${threads.rounds} interleaved rounds of ${threads.seconds} s of training each (the upper median of the rounds kept — with two rounds, the slower; every round listed). ms/step = 1000 ÷ steps/s of the lab's own loop, charts drawing.`,
    '',
    '| page | crossOriginIsolated | threads | ms/step | steps/s | speed-up vs 1 thread | rounds (ms/step) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    "The probe (a fresh visit with two usable backends: SwiftShader WebGL allowed by `?softwareWebGL=1`, and WebAssembly): 2 warm-up steps, then up to 6 timed steps or 1.5 s per backend, median ms/step of a fresh model of the lab's size on synthetic data.",
    '',
    '| WebAssembly threads | probe timings (ms/step) | choice |',
    '|---|---|---|',
    ...probes,
    '',
    'How the book uses this: a page is cross-origin isolated when it is served with COOP same-origin and COEP',
    'require-corp (the dev and test servers send them; on a static host the service worker adds them, after one reload',
    'on a first visit). Then the lab asks tfjs for half the logical cores as WebAssembly threads, 1 to 4',
    '(`?threads=N` forces a count, which tfjs would otherwise cap at half the cores): the page keeps a core for its',
    'charts, and on this 2-core machine the table shows two threads training slower than one. Without isolation, or',
    'with one thread, the engine line says why. When more than one backend passes its self-test, the lab times the',
    'probe above on each, keeps the fastest (a tie within 5 % goes to the earlier of WebGPU, WebGL, WebAssembly) and',
    "remembers it in localStorage per device (user agent, cores, each backend's note: GPU name, WebAssembly threads)",
    'and model size (layer widths, batch size); `?backend=` skips the probe. Timings on this shared machine move with',
    'its load: compare the rows of one run, not runs of different days.',
    '',
  ].join('\n');
}

/** Puts `section` into the report at `docPath`, replacing the previous one (between its heading and the next). */
export function writeThreadsSection(docPath, section) {
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance\n';
  const start = doc.indexOf('## Threads and the backend probe');
  const next = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  const before = start < 0 ? `${doc.trimEnd()}\n\n` : doc.slice(0, start);
  const after = next < 0 ? '' : doc.slice(next + 1);
  writeFileSync(docPath, `${before}${section}${after ? `\n${after}` : ''}`);
}

/** Measures threads and the probe on the site built in `siteDir` and merges them into bench/results.json and docs/PERFORMANCE.md. */
export async function runThreadsBench(root, siteDir) {
  const threads = await benchThreads(siteDir, {
    seconds: Number(process.env.BENCH_THREADS_SECONDS ?? 15),
    base: process.env.BENCH_BASE ?? '/',
  });
  console.log(`\n${threadsSection(threads)}`);
  const resultsPath = join(root, 'bench', 'results.json');
  const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
  writeFileSync(resultsPath, `${JSON.stringify({ ...results, threads }, null, 2)}\n`);
  writeThreadsSection(join(root, 'docs', 'PERFORMANCE.md'), threadsSection(threads));
  return threads;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(import.meta.dirname, '..', '..');
  await runThreadsBench(root, resolve(process.argv[2] ?? join(root, '.cache', 'site-bench')));
}
