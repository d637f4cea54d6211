/**
 * After one visit the whole book works offline: the service worker (scripts/lib/service-worker.mjs) stores it, the
 * network is cut, and chapters in both languages (with KaTeX's fonts), search, the manifest's icons and the lab's
 * training all still work — every response from the worker, and not one request from it reaching the network.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chapterPaths, hasBrowser, openPage, recordProblems, siteUrl, useBrowser } from './harness';
import { labSelector, shownNumber } from './lab-page';

const browser = useBrowser();
const CHAPTERS = ['en/evidence-lower-bound/', 'zh/evidence-lower-bound/', 'zh/reparameterization/', 'en/two-terms/'];
const MUST_BE_STORED = [
  /\/vae-book\/en\/training-a-vae\/index\.html$/,
  /\/checkpoints\/mnist-z16\.bin$/,
  /\/tfjs\/tfjs-backend-wasm-simd\.wasm$/,
  /\/_astro\/KaTeX_Main-Regular\.[\w-]+\.woff2$/,
  /\/pagefind\/pagefind\.js$/,
];

/** Goes to `path` and checks the page came from the service worker; returns the main heading's text. */
async function visit(page: Page, path: string): Promise<string> {
  const response = await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
  expect(response?.ok(), path).toBe(true);
  expect(response?.fromServiceWorker(), `${path} answered by the service worker`).toBe(true);
  return (await page.locator('h1').first().textContent()) ?? '';
}

/** The font families the page has finished loading, once every pending font load is done. */
const loadedFonts = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
  });

describe.skipIf(!hasBrowser)('the book offline, after one visit', () => {
  it('covers chapters that exist in both languages', () =>
    expect(chapterPaths).toEqual(expect.arrayContaining([...CHAPTERS, 'en/training-a-vae/'])));

  it('other tests get no service worker: a context blocks it unless the test allows it', async () => {
    const { page, close } = await openPage(browser(), 'en/');
    // The page did try (pwa.client.ts registers at load), and the blocked context answered, before anything is counted.
    await expect
      .poll(
        async () =>
          (await page.consoleMessages()).some((m) => m.text().includes('Service Worker registration blocked')),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.locator('[data-offline-note]').count()).toBe(0);
    await close();
  });

  it('with the network cut: chapters with KaTeX fonts, search, the icons, and the lab loading the pretrained model and training', async () => {
    const started = Date.now();
    const context = await browser().newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = recordProblems(page);

    await page.goto(siteUrl, { waitUntil: 'load' }); // the one visit online
    await page.locator('[data-offline-note]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-offline-note]').textContent()).toContain('Available offline');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const stored = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys())
        for (const request of await (await caches.open(key)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    for (const pattern of MUST_BE_STORED)
      expect(
        stored.some((u) => pattern.test(u)),
        String(pattern),
      ).toBe(true);
    const storedIn = (Date.now() - started) / 1000;

    await context.setOffline(true);
    const fromNetwork: string[] = [];
    context.on('request', (request) => {
      if (request.serviceWorker()) fromNetwork.push(request.url());
    });

    for (const path of CHAPTERS) {
      expect(await visit(page, path), path).not.toBe('');
      expect(await page.locator('.katex').count(), `${path} has formulas`).toBeGreaterThan(0);
      expect(await loadedFonts(page), `${path} KaTeX fonts`).toEqual(
        expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']),
      );
    }
    await visit(page, 'zh/');
    expect(await page.locator('[data-offline-note]').textContent()).toContain('已可离线使用');

    await visit(page, 'en/');
    await page.getByRole('button', { name: 'Search the book' }).click();
    await page.getByRole('dialog').locator('input').first().fill('reparameterization');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.pagefind-ui__result-link').first().getAttribute('href')).toMatch(/^\/vae-book\/en\//);

    const icons = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? '';
      const manifest = (await (await fetch(href)).json()) as {
        start_url: string;
        icons: { src: string; sizes: string }[];
      };
      const loaded = await Promise.all(
        manifest.icons.map(async (i) => {
          const image = await createImageBitmap(await (await fetch(i.src)).blob());
          return `${i.sizes} ${image.width}x${image.height}`;
        }),
      );
      return { start: manifest.start_url, loaded };
    });
    expect(icons).toEqual({ start: '/vae-book/', loaded: ['192x192 192x192', '512x512 512x512', '512x512 512x512'] });

    await visit(page, 'en/training-a-vae/?backend=wasm');
    const lab = page.locator(labSelector());
    await lab.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (selector) => ['ready', 'failed'].includes(document.querySelector<HTMLElement>(selector)?.dataset['state'] ?? ''),
      labSelector(),
      { timeout: 60_000 },
    );
    expect(await lab.getAttribute('data-state')).toBe('ready');
    expect(await lab.getAttribute('data-backend')).toBe('wasm');
    expect(await lab.locator('[data-lab="status"]').textContent()).toContain('the pretrained model');
    await lab.locator('[data-lab="train"]').click();
    await page.waitForFunction(
      (selector) => Number(document.querySelector(`${selector} [data-metric="step"] dd`)?.textContent) >= 5,
      labSelector(),
      { timeout: 60_000 },
    );
    await lab.locator('[data-lab="train"]').click();
    expect(Number.isFinite(shownNumber(await lab.locator('[data-metric="negElbo"] dd').textContent()))).toBe(true);

    expect(fromNetwork, 'requests the worker sent to the network while offline').toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    console.info(
      `offline: ${stored.length} files stored ${storedIn.toFixed(1)} s after the first visit; whole test ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await context.close();
  });
});
