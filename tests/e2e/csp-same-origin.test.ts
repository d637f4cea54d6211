/**
 * Every built page under the book's Content-Security-Policy, in one pass with one reused tab: each widget is scrolled
 * into view and run (the lab trains on WASM and exports a file, the quiz grades, search answers, the theme toggles), and
 * the page must cause no CSP violation, no console error, and no request to any origin but the book's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasBrowser, pagePaths, siteUrl, useBrowser } from './harness';
import { labSelector } from './lab-page';

const browser = useBrowser();
const origin = new URL(siteUrl).origin;
const PAGES = [...pagePaths, '404.html'];
// States a widget passes through before its script has run; any other state means it loaded (or failed, checked below).
const NOT_STARTED = ['static', 'loading', 'starting'];
const SEARCH_TERM: Record<string, string> = { 'en/': 'density', 'zh/': '密度' };
/** The page whose lab trains and exports, and the pages whose quiz is graded. */
const LAB_PAGE = 'en/training-a-vae/';
const QUIZ_PAGES = ['en/quiz/', 'zh/quiz/'];
/** The behavioural checks each page ran (`${path} lab`, `… quiz`, `… search`), so a guard that stops matching fails below. */
const ran = new Set<string>();

/** What one page visit recorded. */
interface Visit {
  violations: string[];
  consoleErrors: string[];
  requests: string[];
}

/** True when a request URL is the test server's origin, or data:/blob: (made in the page, never sent anywhere). */
function sameOrigin(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.origin === origin;
}

let context: BrowserContext;
let page: Page;
let visit: Visit = { violations: [], consoleErrors: [], requests: [] };

beforeAll(async () => {
  if (!hasBrowser) return;
  context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // context.on('request') also sees the requests a page's Web Workers make (the lab's worker fetches the dataset).
  context.on('request', (req) => visit.requests.push(req.url()));
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => visit.violations.push(text));
  await context.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      ),
    );
  });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') visit.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => visit.consoleErrors.push(String(error)));
});

afterAll(async () => {
  await context?.close();
});

/** Scrolls every widget into view in turn and waits until its script has run; returns the ids of those that failed. */
async function runWidgets(): Promise<string[]> {
  const widgets = page.locator('[data-widget][data-state]');
  const failed: string[] = [];
  for (let i = 0; i < (await widgets.count()); i++) {
    const widget = widgets.nth(i);
    await widget.scrollIntoViewIfNeeded();
    const handle = await widget.elementHandle();
    await page.waitForFunction(
      ([el, waiting]) => !waiting.includes((el as HTMLElement).dataset['state'] ?? ''),
      [handle, NOT_STARTED] as const,
      { timeout: 60_000 },
    );
    if ((await widget.getAttribute('data-state')) === 'failed')
      failed.push(`${await widget.getAttribute('data-widget')}#${await widget.getAttribute('data-id')}`);
  }
  return failed;
}

/** Trains the chapter-6 lab a few steps on WASM, pauses, and exports the model as a .vaelab file (a blob: download). */
async function trainLab(): Promise<string> {
  const lab = page.locator(labSelector());
  await page.waitForFunction(
    (s) => document.querySelector<HTMLElement>(s)?.dataset['state'] === 'ready',
    labSelector(),
    { timeout: 90_000 },
  );
  expect(await lab.getAttribute('data-backend')).toBe('wasm');
  await lab.locator('[data-lab="train"]').click();
  await page.waitForFunction(
    (s) => Number(document.querySelector(`${s} [data-metric="step"] dd`)?.textContent) >= 5,
    labSelector(),
    { timeout: 90_000 },
  );
  await lab.locator('[data-lab="train"]').click();
  await page.waitForFunction(
    (s) => document.querySelector<HTMLElement>(s)?.dataset['state'] === 'paused',
    labSelector(),
    { timeout: 30_000 },
  );
  const download = page.waitForEvent('download');
  await lab.locator('[data-lab="export"]').click();
  return (await download).suggestedFilename();
}

/** Answers the first question of the final quiz with its first option and waits for the verdict. */
async function gradeQuiz(): Promise<string | null> {
  const form = page.locator('section[data-widget="quiz"][data-set="final"] form[data-question]').first();
  const numeric = form.locator('input[name="value"]');
  if (await numeric.count()) await numeric.fill('1');
  else await form.locator('.quiz-option input').first().check();
  await form.locator('[data-quiz="check"]').click();
  await page.waitForFunction((f) => (f as HTMLElement).dataset['verdict'] !== undefined, await form.elementHandle());
  return form.getAttribute('data-verdict');
}

/** Opens the search dialog, types `term` and returns how many results Pagefind lists. */
async function search(term: string): Promise<number> {
  await page.locator('.search-open').click();
  await page.locator('.search-dialog input[type="text"], .search-dialog input[type="search"]').first().fill(term);
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
  const count = await page.locator('.pagefind-ui__result-link').count();
  await page.keyboard.press('Escape');
  return count;
}

describe.skipIf(!hasBrowser)('every page under the CSP, talking only to its own origin', () => {
  it('covers both languages, the lab, the quiz and a 404 page', () => {
    for (const path of [
      '',
      'en/',
      'zh/',
      LAB_PAGE,
      'zh/training-a-vae/',
      ...QUIZ_PAGES,
      ...Object.keys(SEARCH_TERM),
      '404.html',
    ])
      expect(PAGES).toContain(path);
  });

  it.each(PAGES)('/%s: no CSP violation, no console error, every request same-origin', async (path) => {
    visit = { violations: [], consoleErrors: [], requests: [] };
    const lab = path === LAB_PAGE;
    await page.goto(new URL(lab ? `${path}?backend=wasm` : path, siteUrl).href, { waitUntil: 'load' });
    const cspMeta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(cspMeta).toContain("default-src 'self'");

    await page.locator('.theme-toggle').click();
    expect(await runWidgets()).toEqual([]);
    if (lab) expect(await trainLab()).toMatch(/\.vaelab$/);
    if (QUIZ_PAGES.includes(path)) expect(await gradeQuiz()).toMatch(/^(correct|incorrect)$/);
    const term = SEARCH_TERM[path];
    if (term) expect(await search(term)).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));

    if (lab)
      expect(
        visit.requests.some((u) => u.endsWith('/data/mnist.bin')),
        'the worker’s dataset fetch was recorded',
      ).toBe(true);
    if (term)
      expect(
        visit.requests.some((u) => u.includes('/pagefind/')),
        'Pagefind loaded',
      ).toBe(true);
    expect(visit.violations).toEqual([]);
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.requests.filter((u) => !sameOrigin(u))).toEqual([]);
    if (lab) ran.add(`${path} lab`);
    if (QUIZ_PAGES.includes(path)) ran.add(`${path} quiz`);
    if (term) ran.add(`${path} search`);
  });

  it('ran the lab, quiz and search checks on every page meant to have them', () => {
    const expected = [
      `${LAB_PAGE} lab`,
      ...QUIZ_PAGES.map((p) => `${p} quiz`),
      ...Object.keys(SEARCH_TERM).map((p) => `${p} search`),
    ];
    expect([...ran].sort()).toEqual(expected.sort());
  });

  it('the recorder sees a violation: an inline script injected into the page is blocked and reported', async () => {
    visit = { violations: [], consoleErrors: [], requests: [] };
    await page.goto(new URL('en/', siteUrl).href, { waitUntil: 'load' });
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true;';
      document.head.append(script);
    });
    await expect.poll(() => visit.violations.length).toBeGreaterThan(0);
    expect(visit.violations[0]).toContain('script-src');
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  });
});
