/** Shared end-to-end plumbing: one shared browser (one per file where a file needs other flags), pages that record console errors and failed or foreign requests. */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import { connectChromium, launchChromium } from './browser';
import { htmlFiles } from '../../scripts/lib/page-weights.mjs';
import { SITE_DIR } from '../helpers/site';
import { relative } from 'node:path';

export const siteUrl = inject('siteUrl');
export const browserPath = inject('browserPath');
export const hasBrowser = browserPath !== null;
const browserEndpoint = inject('browserEndpoint');

/** Site-relative paths of every built page, e.g. "", "en/", "zh/generative-model/". */
export const pagePaths = htmlFiles(SITE_DIR)
  .map((f) =>
    relative(SITE_DIR, f)
      .split('\\')
      .join('/')
      .replace(/index\.html$/, ''),
  )
  .filter((p) => p !== '404.html')
  .sort();
export const chapterPaths = pagePaths.filter((p) => /^(zh|en)\/[^/]+\/$/.test(p));

/** Connects to the shared Chromium (or launches one with `extraArgs`) before the file's tests, and lets go after; returns a getter. */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!browserPath) return;
    browser =
      extraArgs.length === 0 && browserEndpoint
        ? await connectChromium(browserEndpoint)
        : await launchChromium(browserPath, extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not launched');
    return browser;
  };
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/** Records on `page` its console errors, failed (4xx/5xx or aborted) requests and requests to other origins than the site's. */
export function recordProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  const origin = new URL(siteUrl).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(String(error)));
  // A request cut short because the tab moved on (a worker's script, aborted when the page was left) reports its
  // failure late, sometimes during the next visit: it belongs to the document that made it, so it is not counted.
  // The tab moves on when the next page is asked for, not only when it arrives: the browser's own favicon request,
  // made just after load, was aborted by the next navigation before that navigation committed. A request made before
  // this record began (the tab's previous page, e.g. useTab's 404 page) belongs to an earlier visit.
  let visit = 0;
  const madeDuring = new WeakMap<Request, number>();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visit++;
  });
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) visit++;
    madeDuring.set(req, visit);
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.foreignRequests.push(req.url());
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'failed';
    const left = error === 'net::ERR_ABORTED' && (madeDuring.get(req) ?? -1) < visit;
    if (!left) problems.failedRequests.push(`${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} (${res.status()})`);
  });
  return problems;
}

/** Opens a page in a new context (service workers blocked, see browser.ts) that records problems as recordProblems does. */
export async function openPage(
  browser: Browser,
  path: string,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page: Page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
  return { page, problems, close: () => context.close() };
}

/** What `openPage` and a tab's `visit` give a test: the page, its problem record, and how to be done with it. */
export type OpenedPage = Awaited<ReturnType<typeof openPage>>;

/** How a tab's visit sets the page up: viewport (1280 × 900 unless given) and emulated media. */
export interface TabOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** A script run before the page's own, as `addInitScript` (removed again when the tab leaves the page). */
  init?: string;
}

/**
 * One context and one tab for a file's visits, instead of a context per visit: a new tab starts a renderer process, which
 * costs more CPU than a chapter's load, while a navigation in the same tab costs a fraction of it. Each visit sees what a
 * fresh context would show it: the last page is left for the site's 404 page (its workers stop), the site's storage is
 * cleared (local and session storage, IndexedDB, Cache Storage, cookies), the viewport, emulated media and mouse are put
 * back, listeners a test added to the page are dropped and the problem record starts empty. What only a context can set
 * (JavaScript off, touch, routes, the page clock) still needs a context of its own. The HTTP cache stays warm: a test
 * that needs a cold one should not use the tab.
 */
export function useTab(browser: () => Browser): (path: string, options?: TabOptions) => Promise<OpenedPage> {
  const origin = new URL(siteUrl).origin;
  let context: BrowserContext | undefined;
  let page: Page;
  let cdp: CDPSession;
  let problems: PageProblems;
  let init: { dispose(): Promise<void> } | undefined;
  beforeAll(async () => {
    if (!hasBrowser) return;
    context = await browser().newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
  });
  afterAll(async () => {
    await context?.close();
  });
  const leave = async () => {
    await init?.dispose();
    init = undefined;
    if (page.url().startsWith(origin)) await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
    // A small page of the site's own, not about:blank: leaving the cross-origin-isolated site for another browsing
    // context group and coming back would start a new renderer process, which is what the tab is there to save. Not a
    // text file either: the browser then asks for /favicon.ico, outside the base path, and its 404 lands in a later
    // visit's console record.
    await page.goto(new URL('404.html', siteUrl).href);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  };
  return async (path, options = {}) => {
    await leave();
    page.removeAllListeners();
    problems = recordProblems(page);
    await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 900 });
    await page.emulateMedia({
      media: null,
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
    });
    await page.mouse.move(0, 0);
    if (options.init) init = await page.addInitScript(options.init);
    await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
    return { page, problems, close: leave };
  };
}
