/** Shared end-to-end plumbing: one shared browser (one per file where a file needs other flags), pages that record console errors and failed or foreign requests. */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.foreignRequests.push(req.url());
  });
  page.on('requestfailed', (req) =>
    problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`),
  );
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
