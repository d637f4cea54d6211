/**
 * Threads through cross-origin isolation (#17): on the built site (the test server sends COOP/COEP) the lab runs tfjs's
 * threaded WebAssembly and says so; on a host that sends no headers the service worker isolates the page after one
 * reload (never while the lab trains), offline too; with neither, the lab trains on one thread and says why.
 */
import { createServer, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasBrowser, recordProblems, useBrowser } from './harness';
import { labSelector, openLab } from './lab-page';
import { serveSite } from '../../scripts/lib/serve-site.mjs';
import { SITE_DIR, TEST_BASE } from '../helpers/site';

const browser = useBrowser();
const LAB = labSelector();
const CHAPTER = 'en/training-a-vae/';

/** The lab's engine facts as the page shows them. */
const engineOf = (page: Page) =>
  page.locator(LAB).evaluate((figure: HTMLElement) => ({
    threads: Number(figure.dataset['threads']),
    isolated: figure.dataset['isolated'],
    how: figure.dataset['engineHow'],
    backend: figure.dataset['backend'],
    line: figure.querySelector('[data-lab="backend"]')?.textContent ?? '',
  }));

/** Presses Train, waits for `steps` more steps, pauses. */
async function trainFor(page: Page, steps: number): Promise<void> {
  const step = () =>
    page
      .locator(`${LAB} [data-metric="step"] dd`)
      .textContent()
      .then((t) => Number(t) || 0);
  const from = await step();
  await page.locator(`${LAB} [data-lab="train"]`).click();
  await expect.poll(step, { timeout: 90_000 }).toBeGreaterThanOrEqual(from + steps);
  await page.locator(`${LAB} [data-lab="train"]`).click();
  await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset['state'] === 'paused', LAB);
}

/** Waits for the lab to be ready (or failed) after it scrolls into view. */
async function labReady(page: Page): Promise<void> {
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (s) => ['ready', 'failed'].includes(document.querySelector<HTMLElement>(s)?.dataset['state'] ?? ''),
    LAB,
    { timeout: 120_000 },
  );
}

/** A server like a static host without COOP/COEP; while held (`hold()`), sw.js waits until `release()`, so a test can act first. */
async function plainHost() {
  const site = await serveSite(SITE_DIR, TEST_BASE, { isolated: false });
  let release = () => {};
  let released = Promise.resolve();
  const hold = () => void (released = new Promise<void>((resolve) => (release = resolve)));
  hold();
  const server = createServer((req, res) => {
    const forward = () =>
      req.pipe(
        httpRequest(`${site.origin}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        }),
      );
    if (req.url?.endsWith('/sw.js')) void released.then(forward);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: `${origin}${TEST_BASE}`,
    hold,
    release: () => release(),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await site.close();
    },
  };
}

describe.skipIf(!hasBrowser)('threads through cross-origin isolation', () => {
  let host: Awaited<ReturnType<typeof plainHost>>;
  beforeAll(async () => {
    host = await plainHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('the built site is isolated: the lab runs WebAssembly with half the cores as threads (1–4), says so, and trains', async () => {
    const lab = await openLab(browser(), `${CHAPTER}?backend=wasm`);
    const cores = await lab.page.evaluate(() => navigator.hardwareConcurrency);
    expect(await lab.page.evaluate(() => crossOriginIsolated)).toBe(true);
    const engine = await engineOf(lab.page);
    const planned = Math.max(1, Math.min(Math.floor(cores / 2), 4));
    expect(engine).toMatchObject({ backend: 'wasm', isolated: 'true', threads: planned });
    if (planned > 1) expect(engine.line).toContain(`WebAssembly × ${planned} threads`);
    else expect(engine.line).toContain('one thread: on this few cores a second thread would slow training down');
    await trainFor(lab.page, 5);
    expect(lab.problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await lab.close();
  });

  it('?threads=2 gives two threads on any machine; the zh engine line says so in Chinese', async () => {
    const lab = await openLab(browser(), `zh/training-a-vae/?backend=wasm&threads=2`);
    const engine = await engineOf(lab.page);
    expect(engine).toMatchObject({ threads: 2, isolated: 'true', how: 'forced' });
    expect(engine.line).toBe('计算引擎：WebAssembly × 2 线程');
    await trainFor(lab.page, 3);
    await lab.close();
  });

  it('with two usable backends the lab times both, keeps the fastest, and remembers it for the next visit', async () => {
    // ?threads=2: by default a 2-core machine runs one thread, and the line must name the threads the probe timed.
    const lab = await openLab(browser(), `${CHAPTER}?softwareWebGL=1&threads=2`);
    const first = await engineOf(lab.page);
    expect(first.how).toBe('measured');
    expect(first.line).toMatch(/measured WebGL [\d.]+ ms\/step, WebAssembly × 2 threads [\d.]+ ms\/step → /);
    const stored = await lab.page.evaluate(() => localStorage.getItem('vae-book:backend-timings'));
    expect(JSON.parse(stored ?? '[]')).toHaveLength(1);
    await lab.page.reload();
    await labReady(lab.page);
    const again = await engineOf(lab.page);
    expect(again.how).toBe('remembered');
    expect(again.backend).toBe(first.backend);
    expect(again.line).toContain('measured earlier on this device');
    await lab.close();
  });

  it('a host without the headers and no service worker: one thread, said in the engine line, and training works', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(`${host.url}${CHAPTER}?backend=wasm`);
    await labReady(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const engine = await engineOf(page);
    expect(engine).toMatchObject({ backend: 'wasm', threads: 1, isolated: 'false' });
    expect(engine.line).toBe('Engine: WebAssembly; one thread: this page is not cross-origin isolated');
    await trainFor(page, 3);
    // recordProblems counts requests to another origin than the shared server's: here the whole site is one.
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  describe('the same host with the service worker', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser().newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('never reloads while the lab trains: the engine line says a reload would give threads', async () => {
      await page.goto(`${host.url}${CHAPTER}?backend=wasm`);
      await labReady(page);
      await page.locator(`${LAB} [data-lab="train"]`).click();
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      host.release(); // now the worker may install, store the book and take control
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 180_000 });
      await page.locator(`${LAB} [data-lab="train"]`).click(); // pause: a status with the engine line again
      await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset['state'] === 'paused', LAB);
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      expect((await engineOf(page)).line).toContain('not cross-origin isolated yet (reload it to use threads)');
    });

    it('a first visit to another page reloads once when the worker takes control, keeps the scroll, and is isolated', async () => {
      // A fresh context would store the book again: instead the worker is unregistered and the tab's mark cleared.
      await page.evaluate(async () => {
        for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
        sessionStorage.clear();
      });
      host.hold();
      await page.goto(`${host.url}en/evidence-lower-bound/`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      await page.evaluate(() => window.scrollTo(0, 1500));
      host.release();
      const isolated = () => page.evaluate(() => crossOriginIsolated).catch(() => false);
      await expect.poll(isolated, { timeout: 180_000, interval: 500 }).toBe(true);
      // The page puts the reader back once it has loaded (the browser does not across the isolation switch).
      await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 30_000 }).toBeGreaterThan(1000);
      const mark = await page.evaluate(() => JSON.parse(sessionStorage.getItem('vae-book:isolation-reload') ?? 'null'));
      expect(mark).toMatchObject({ path: '/vae-book/en/evidence-lower-bound/', y: 1500, restored: true });
    });

    it('isolated by the worker, the lab runs threads, online and with the network cut', async () => {
      await page.goto(`${host.url}${CHAPTER}?backend=wasm&threads=2`);
      await labReady(page);
      expect(await engineOf(page)).toMatchObject({ threads: 2, isolated: 'true' });
      await context.setOffline(true);
      await page.reload();
      await labReady(page);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(await engineOf(page)).toMatchObject({ threads: 2, isolated: 'true' });
      await trainFor(page, 3);
      await context.setOffline(false);
    });
  });
});
