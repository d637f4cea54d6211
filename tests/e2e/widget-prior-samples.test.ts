/** Chapter 1's prior-samples widget in Chromium on the wasm backend: decoded prior samples and log p(x) of a test digit. */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { hasBrowser, openPage, useBrowser } from './harness';
import { seriousViolations, switchToTheme } from './axe-helper';
import { estimate, waitImage } from './pretrained-widget';

const browser = useBrowser();
const FIGURE = 'figure[data-widget="prior-samples"]';

/** A fingerprint of the samples canvas and how much its pixels vary (0 for a blank canvas). */
const canvasInfo = (figure: Locator) =>
  figure.locator('[data-part="samples"]').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < data.length; i += 4) {
      hash = (Math.imul(hash, 31) + data[i]!) | 0;
      sum += data[i]!;
      squares += data[i]! ** 2;
    }
    const n = data.length / 4;
    return { hash, variance: squares / n - (sum / n) ** 2, width: canvas.width };
  });

/** The readout's numbers, checked: finite, 𝓛₅₀₀ above the ELBO, and a sensible bits-per-pixel figure. */
async function readAndCheck(figure: Locator) {
  const bound = await estimate(figure, 'L500');
  const elbo = await estimate(figure, 'elbo');
  const gap = await estimate(figure, 'gap');
  for (const value of [bound, elbo, gap]) expect(Number.isFinite(value.mean) && value.se > 0).toBe(true);
  expect(bound.mean).toBeLessThan(0);
  expect(gap.mean).toBeGreaterThan(3 * gap.se);
  expect(Math.abs(gap.mean - (bound.mean - elbo.mean))).toBeLessThan(0.11);
  const bits = Number((await figure.locator('[data-part="per-pixel"]').textContent())?.match(/(0\.\d{3})/)?.[1]);
  expect(Math.abs(bits - -bound.mean / (784 * Math.LN2))).toBeLessThan(0.001);
  return { bound, elbo };
}

/** Image 0's estimates per language, from the first test, for the second to compare with. */
const firstImage = new Map<string, Awaited<ReturnType<typeof readAndCheck>>>();

/** Opens chapter 1 at `width` with the wasm backend and brings the widget on screen (it starts then, if not before). */
async function openWidget(lang: string, width: number, colorScheme: 'light' | 'dark' = 'light') {
  const opened = await openPage(browser(), `${lang}/generative-model/?backend=wasm`, { width, colorScheme });
  const figure = opened.page.locator(FIGURE);
  await figure.scrollIntoViewIfNeeded();
  return { ...opened, figure };
}

describe.skipIf(!hasBrowser).each([
  ['en', 1280],
  ['zh', 360],
] as const)('the prior-samples widget on /%s/generative-model/ at %i px', (lang, width) => {
  it('decodes prior samples (new ones on request) and estimates log p(x) of test image 0 above its ELBO, on wasm', async () => {
    const { page, figure, problems, close } = await openWidget(lang, width);
    await waitImage(page, FIGURE, 0);
    const samples = figure.locator('[data-part="samples"]');
    expect(await samples.getAttribute('data-set')).toBe('1');
    const before = await canvasInfo(figure);
    expect(before.variance).toBeGreaterThan(100);
    await figure.getByRole('button', { name: lang === 'en' ? 'New samples' : '重新抽样' }).click();
    await expect.poll(() => samples.getAttribute('data-set'), { timeout: 10_000 }).toBe('2');
    const after = await canvasInfo(figure);
    expect(after.hash).not.toBe(before.hash);
    expect(after.width).toBe(before.width);

    firstImage.set(lang, await readAndCheck(figure));
    expect(await figure.locator('[data-part="backend"]').getAttribute('data-backend')).toBe('wasm');
    expect(await figure.locator('[data-part="canvas"] svg g[data-mark="dot"] circle').count()).toBe(2);
    const toggle = figure.locator('[data-part="table-toggle"]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await figure.locator('[data-part="table"] table tbody tr').count()).toBe(2);
    expect(await seriousViolations(page, FIGURE, { stripOtherHeavyContent: true })).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });

  it('refuses bad image numbers with a message, then a typed 5 (mid-computation) gives different numbers (dark)', async () => {
    const { page, figure, problems, close } = await openWidget(lang, width, 'dark');
    await page.waitForSelector(`${FIGURE}[data-state="computing"]`, { timeout: 60_000 });
    const field = figure.locator('[data-picker="field"]');
    for (const raw of ['2000', '1.5', 'x']) {
      await field.fill(raw);
      await field.press('Enter');
      expect((await figure.locator('[data-picker="message"]').textContent())?.length, raw).toBeGreaterThan(5);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    }
    expect(await figure.locator('[data-part="stats"]').getAttribute('data-image')).toBe('0');
    await field.fill('5');
    await field.press('Enter');
    await waitImage(page, FIGURE, 5);
    expect(await figure.locator('[data-picker="message"]').textContent()).toBe('');
    expect(await field.getAttribute('aria-invalid')).toBe(null);
    const second = await readAndCheck(figure);
    const first = firstImage.get(lang);
    if (first) {
      expect(second.bound.mean).not.toBe(first.bound.mean);
      expect(second.elbo.mean).not.toBe(first.elbo.mean);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, FIGURE, { stripOtherHeavyContent: true })).toEqual([]);
    // The table as it looks while a measurement runs (the widget marks it busy), once its fade has finished.
    await figure.locator('[data-part="stats"]').evaluate(async (table) => {
      table.setAttribute('aria-busy', '');
      await Promise.all(table.getAnimations({ subtree: true }).map((animation) => animation.finished));
    });
    expect(await seriousViolations(page, FIGURE)).toEqual([]);
    // A theme switch while it is busy recolours the table at once: its fade, run again, kept the old theme's muted
    // text on the new background for a third of a second (axe caught it in the dark pass of a whole-page check).
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await switchToTheme(page, 'light');
    const colours = await figure
      .locator('[data-part="stats"] td')
      .first()
      .evaluate((td) => {
        const muted = document.createElement('span');
        muted.style.color = 'var(--fg-muted)';
        td.append(muted);
        const result = { cell: getComputedStyle(td).color, muted: getComputedStyle(muted).color };
        muted.remove();
        return result;
      });
    expect(colours.cell).toBe(colours.muted);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });
});

describe.skipIf(!hasBrowser)("the prior-samples widget just below a phone's first screen", () => {
  it('downloads and starts nothing before the reader scrolls, and starts at the first scroll', async () => {
    const { page, problems, close } = await openPage(browser(), 'en/generative-model/?backend=wasm', {
      width: 412,
      height: 823,
    });
    const downloads: string[] = [];
    page.on('request', (request) => {
      if (/\.(bin|wasm)$/.test(new URL(request.url()).pathname)) downloads.push(request.url());
    });
    const place = await page.locator(FIGURE).evaluate((figure) => ({
      top: figure.getBoundingClientRect().top,
      screen: innerHeight,
    }));
    // The case under test: below the screen, within the 600 px margin that starts a widget once the reader scrolls.
    expect(place.top).toBeGreaterThan(place.screen);
    expect(place.top).toBeLessThan(place.screen + 600);
    // Two frames after load the observer has reported the figure within the margin; the wait is for the scroll alone.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
    expect(await page.locator(FIGURE).getAttribute('data-state')).toBe('static');
    expect(downloads).toEqual([]);
    await page.mouse.wheel(0, 100);
    await page.waitForSelector(`${FIGURE}[data-state="computing"], ${FIGURE}[data-state="ready"]`, { timeout: 60_000 });
    expect(downloads.some((url) => url.endsWith('.bin'))).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });
});
