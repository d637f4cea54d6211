/** Times the VAE lab as a reader runs it: steps/s per backend and the longest main-thread task while training; optionally a long soak run. */
import { serveSite } from './serve-site.mjs';
import { chromium } from 'playwright-core';

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
const LAB = 'figure[data-widget="vae-lab"]';
const VIEWPORT = { width: 1280, height: 900 };

/** Reads the lab's step readout (the worker's step count; 0 before the first step). */
const readStep = (page) =>
  page
    .locator(`${LAB} [data-metric="step"] dd`)
    .textContent()
    .then((t) => Number(t) || 0);

/** Opens chapter 6 on `backend` and waits for the lab to be ready; returns the page and the backend that actually ran. */
async function openLab(browser, origin, backend) {
  // No service worker: its background precaching (~30 MB) would be timed along with the lab.
  const page = await browser.newPage({ viewport: { ...VIEWPORT }, serviceWorkers: 'block' });
  await page.goto(`${origin}/en/training-a-vae/?backend=${backend}&softwareWebGL=1`);
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => ['ready', 'failed'].includes(document.querySelector(s)?.dataset.state ?? ''), LAB, {
    timeout: 180_000,
  });
  await showEveryChart(page);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({
      type: 'longtask',
    });
  });
  return { page, ran: await page.locator(LAB).getAttribute('data-backend') };
}

/**
 * Grows the viewport to the lab's height and scrolls it to the top, so every chart redraws while training as a reader
 * watching all of them would see it (a chart off screen skips work, and the long tasks would read too low). The lab
 * can still grow as it settles, so this measures again until every chart is inside (a few tries at most).
 */
async function showEveryChart(page) {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const height = await page.locator(LAB).evaluate((f) => Math.ceil(f.getBoundingClientRect().height));
    await page.setViewportSize({
      width: VIEWPORT.width,
      height: Math.min(Math.max(height + 80, VIEWPORT.height), 12_000),
    });
    await page.locator(LAB).evaluate((f) => f.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    if ((await chartsInView(page)).chartsInView) return;
  }
}

/** The viewport, and whether every chart of the lab lies wholly inside it (what the long tasks were measured under). */
const chartsInView = (page) =>
  page.locator(LAB).evaluate((figure) => {
    const charts = [...figure.querySelectorAll('[data-chart]')];
    const inside = (r) => r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    const outside = charts.filter((c) => !inside(c.getBoundingClientRect())).map((c) => c.dataset.chart);
    return {
      viewport: { width: innerWidth, height: innerHeight },
      charts: charts.length,
      chartsInView: charts.length > 0 && outside.length === 0,
      ...(outside.length ? { outside } : {}),
    };
  });

/** Presses Train and resolves with the ms until the loss chart is first redrawn with a trained step (the first plotted point). */
function pressTrainAndTimeFirstPoint(page) {
  return page.evaluate(
    (lab) =>
      new Promise((resolve, reject) => {
        const figure = document.querySelector(lab);
        const chart = figure?.querySelector('[data-chart="loss"]');
        const train = figure?.querySelector('[data-lab="train"]');
        if (!chart || !train) return reject(new Error('no lab, loss chart or Train button on the page'));
        const stepNow = () => Number(figure.querySelector('[data-metric="step"] dd')?.textContent) || 0;
        const before = stepNow();
        let start = 0;
        const observer = new MutationObserver(() => {
          if (stepNow() <= before || !chart.querySelector('svg')) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(chart, { childList: true, subtree: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 60_000);
        start = performance.now();
        train.click();
      }),
    LAB,
  );
}

/** Trains for `seconds` and reports steps/s, Train → first plotted point, the main thread's long tasks then, and what was in view. */
async function timeTraining(page, seconds) {
  const train = page.locator(`${LAB} [data-lab="train"]`);
  const stepsBefore = await readStep(page);
  const view = await chartsInView(page);
  const start = Date.now();
  const firstPointMs = await pressTrainAndTimeFirstPoint(page);
  await page.waitForTimeout(seconds * 1000);
  const steps = (await readStep(page)) - stepsBefore;
  const elapsed = (Date.now() - start) / 1000;
  await train.click();
  const tasks = await page.evaluate(() => window.__longTasks);
  return {
    stepsPerSecond: steps / elapsed,
    steps,
    firstPointMs,
    longestTaskMs: Math.max(0, ...tasks),
    tasksOver50ms: tasks.length,
    ...view,
  };
}

/** Trains on wasm for `minutes`, sampling the worker's tensor count and the page's JS heap every 30 s. */
async function soak(page, minutes) {
  const samples = [];
  await page.locator(`${LAB} [data-lab="train"]`).click();
  const end = Date.now() + minutes * 60_000;
  while (Date.now() < end) {
    await page.waitForTimeout(30_000);
    const heap = await page.evaluate(() => {
      globalThis.gc?.();
      return performance.memory?.usedJSHeapSize ?? null;
    });
    const tensors = Number(await page.locator(LAB).getAttribute('data-tensors'));
    samples.push({
      minute: Number(((minutes * 60_000 - (end - Date.now())) / 60_000).toFixed(1)),
      step: await readStep(page),
      tensors,
      heapMB: heap === null ? null : heap / 2 ** 20,
    });
  }
  await page.locator(`${LAB} [data-lab="train"]`).click();
  return samples;
}

/** Serves `siteDir` at the root and measures the lab on every backend (and a soak run when `soakMinutes` > 0). */
export async function benchLab(
  siteDir,
  { seconds = 20, soakMinutes = 0, executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {},
) {
  const server = await serveSite(siteDir, '/');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--enable-unsafe-swiftshader',
      '--enable-unsafe-webgpu',
      '--ignore-gpu-blocklist',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  const lab = [];
  const notes = [];
  let soakSamples = [];
  try {
    for (const backend of BACKENDS) {
      const { page, ran } = await openLab(browser, server.origin, backend);
      if (ran !== backend) notes.push(`lab-${backend}: not available here, the lab fell back to ${ran}`);
      else {
        const timing = await timeTraining(page, seconds);
        // A backend can pass its start-up self-test and still fail at the first training step; the lab then recovers
        // onto the next one, and the timing belongs to that one, not to the backend asked for.
        const after = await page.locator(LAB).getAttribute('data-backend');
        if (after === backend) lab.push({ backend: `lab-${backend}`, ...timing });
        else
          notes.push(
            `lab-${backend}: started, failed during training, and the lab carried on on ${after} (${timing.stepsPerSecond.toFixed(1)} steps/s there)`,
          );
      }
      await page.close();
    }
    if (soakMinutes > 0) {
      const { page } = await openLab(browser, server.origin, 'wasm');
      soakSamples = await soak(page, soakMinutes);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { lab, soak: soakSamples, notes };
}
