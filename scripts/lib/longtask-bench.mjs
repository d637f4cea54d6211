/**
 * Long main-thread tasks where a reader feels them, from a performance trace in headless Chromium: loading the heaviest
 * chapters, the chapter-6 lab starting as it scrolls into view (cold and warm cache), and the first seconds of training
 * with every chart in view, at a phone's and a laptop's width. Each long task is named by its phases and functions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serveSite } from './serve-site.mjs';
import { TRACE_CATEGORIES, cpuBlocking, longTasks, summarise } from './trace-tasks.mjs';
import { startStages } from './longtask-stages.mjs';

const LAB = 'figure[data-widget="vae-lab"]';
const LAB_CHAPTER = 'en/training-a-vae/';
const WIDTHS = [360, 1280];
const HEIGHT = { 360: 740, 1280: 900 };

/** The `count` English chapters with the most typeset math (KaTeX elements) in the built site. */
export function heaviestChapters(siteDir, count = 3) {
  const chapters = readFileSync(join(siteDir, 'en', 'index.html'), 'utf8').match(/href="[^"]*\/en\/[a-z-]+\/"/g) ?? [];
  const slugs = [...new Set(chapters.map((h) => h.match(/\/en\/([a-z-]+)\/"/)[1]))];
  const weight = (slug) => {
    try {
      return (readFileSync(join(siteDir, 'en', slug, 'index.html'), 'utf8').match(/class="katex"/g) ?? []).length;
    } catch {
      return 0;
    }
  };
  return slugs
    .map((slug) => ({ slug, math: weight(slug) }))
    .sort((a, b) => b.math - a.math)
    .slice(0, count);
}

/** Runs `work` under a trace of `page`'s browser and returns the long tasks it saw, from `work`'s start. */
async function traced(browser, page, work) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const extra = await work();
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'longtask-bench:start');
  const fromUs = marks.length ? Math.max(...marks.map((e) => e.ts)) : -Infinity;
  const tasks = longTasks(events, { fromUs });
  return { ...summarise(tasks), mobile: cpuBlocking(events, { fromUs }), ...extra, tasks };
}

/** Puts a mark into the trace (a console.timeStamp) from which its long tasks count. */
const markStart = (page) => page.evaluate(() => console.timeStamp('longtask-bench:start'));

/** Waits until the lab says ready (or failed) and returns ms from `since` (the page's performance.now()). */
async function labReadyAfter(page, since) {
  const handle = await page.waitForFunction(
    ([s, t0]) => {
      const state = document.querySelector(s)?.dataset.state ?? '';
      return ['ready', 'failed'].includes(state) ? { state, ms: performance.now() - t0 } : null;
    },
    [LAB, since],
    { timeout: 180_000, polling: 20 },
  );
  return handle.jsonValue();
}

/** A new page of `context` at `width`, CPU slowed by `slowdown` (1 = as is). */
async function newPage(context, width, slowdown) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: HEIGHT[width] });
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  return page;
}

/** Loading one chapter with a cold cache: from navigation to 3 s after the load event (widgets near the top start then). */
async function chapterLoad(browser, origin, slug, width, slowdown) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context, width, slowdown);
  await page.goto(`${origin}/favicon.svg`);
  const result = await traced(browser, page, async () => {
    await markStart(page);
    await page.goto(`${origin}/en/${slug}/`, { waitUntil: 'load' });
    await page.waitForTimeout(3000);
    return {};
  });
  await context.close();
  return { scenario: `load ${slug}`, width, ...result };
}

/**
 * In the page: starts noting the first time each text of the lab's status line shows (ms from now, in
 * window.__labStages), then scrolls the lab into view; returns that moment (performance.now()).
 */
function scrollLabIntoView(selector) {
  const t0 = performance.now();
  const figure = document.querySelector(selector);
  const status = figure?.querySelector('[data-lab="status"]');
  const stages = [];
  window.__labStages = stages;
  const seen = new Set();
  const note = () => {
    const text = status?.textContent?.trim() ?? '';
    if (!text || seen.has(text)) return;
    seen.add(text);
    stages.push({ text, ms: Math.round(performance.now() - t0) });
  };
  if (status) new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true });
  figure?.scrollIntoView({ block: 'start' });
  return t0;
}

/** Opens chapter 6 at its top, lets it settle, then scrolls the lab into view and traces until it is ready (+1 s). */
async function labStart(browser, context, origin, width, slowdown, cache) {
  const page = await newPage(context, width, slowdown);
  await page.goto(`${origin}/${LAB_CHAPTER}`, { waitUntil: 'load' });
  await page.waitForTimeout(3000);
  let ready = null;
  const result = await traced(browser, page, async () => {
    await markStart(page);
    const t0 = await page.evaluate(scrollLabIntoView, LAB);
    ready = await labReadyAfter(page, t0);
    const stages = startStages(await page.evaluate(() => window.__labStages ?? []), ready.ms);
    await page.waitForTimeout(1000);
    return { readyMs: Math.round(ready.ms), state: ready.state, stages };
  });
  await page.close();
  return { scenario: `lab start (${cache} cache)`, width, ...result };
}

/** Starts the lab with a viewport tall enough for every chart, then traces the first `seconds` after the click on Train. */
async function training(browser, origin, width, slowdown, seconds) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context, width, slowdown);
  await page.goto(`${origin}/${LAB_CHAPTER}`, { waitUntil: 'load' });
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await labReadyAfter(page, 0);
  const height = await page.locator(LAB).evaluate((f) => Math.ceil(f.getBoundingClientRect().height));
  await page.setViewportSize({ width, height: Math.min(height + 40, 12_000) });
  await page.locator(LAB).evaluate((f) => f.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(1500);
  const step = () => page.locator(`${LAB} [data-metric="step"] dd`).textContent();
  const result = await traced(browser, page, async () => {
    await markStart(page);
    await page.locator(`${LAB} [data-lab="train"]`).click();
    await page.waitForTimeout(seconds * 1000);
    return { steps: Number(await step()) || 0, viewportHeight: Math.min(height + 40, 12_000) };
  });
  await page.locator(`${LAB} [data-lab="train"]`).click();
  await context.close();
  return { scenario: `training ${seconds} s, every chart in view`, width, ...result };
}

/** Serves `siteDir` at `base` and runs every scenario at each width; returns one row per scenario and width. */
export async function benchLongTasks(
  siteDir,
  {
    base = '/',
    seconds = 12,
    slowdown = 1,
    widths = WIDTHS,
    only = null,
    isolated,
    executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  } = {},
) {
  // `isolated` (COOP/COEP headers) is left to serveSite's default unless given: the site as the tests serve it.
  const server = await serveSite(siteDir, base, {
    precompressed: true,
    ...(isolated === undefined ? {} : { isolated }),
  });
  const origin = server.url.replace(/\/$/, '');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-background-networking', '--enable-unsafe-swiftshader'],
  });
  const rows = [];
  const loadStart = loadavg()[0];
  const wants = (name) => !only || only.includes(name);
  const chapters = heaviestChapters(siteDir);
  try {
    for (const width of widths) {
      if (wants('load'))
        for (const { slug } of chapters) rows.push(await chapterLoad(browser, origin, slug, width, slowdown));
      if (wants('lab')) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        rows.push(await labStart(browser, context, origin, width, slowdown, 'cold'));
        rows.push(await labStart(browser, context, origin, width, slowdown, 'warm'));
        await context.close();
      }
      if (wants('train')) rows.push(await training(browser, origin, width, slowdown, seconds));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const loadAverage = { start: loadStart, end: loadavg()[0], cores: cpus().length };
  return { slowdown, chapters, rows, loadAverage };
}
