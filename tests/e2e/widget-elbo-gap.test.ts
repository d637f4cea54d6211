/** Chapter 3's elbo-gap widget in Chromium on the wasm backend: the ELBO and 𝓛_K of a test image, read from the page. */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { hasBrowser, openPage, useBrowser } from './harness';
import { seriousViolations } from './axe-helper';
import { estimate, waitImage } from './pretrained-widget';

const browser = useBrowser();
const FIGURE = 'figure[data-widget="elbo-gap"]';
const RUNGS = ['L1', 'L5', 'L50', 'L500'] as const;

/** Every number of the readout, checked against what the theory says the estimates must do. */
async function readAndCheck(figure: Locator) {
  const elbo = await estimate(figure, 'elbo');
  const ladder = await Promise.all(RUNGS.map((row) => estimate(figure, row)));
  const gap = await estimate(figure, 'gap');
  for (const value of [elbo, ...ladder, gap]) expect(Number.isFinite(value.mean) && value.se > 0).toBe(true);
  // 𝓛_K does not decrease with K, up to Monte Carlo noise: 3 combined standard errors.
  for (let i = 1; i < ladder.length; i++)
    expect(ladder[i]!.mean).toBeGreaterThanOrEqual(
      ladder[i - 1]!.mean - 3 * Math.hypot(ladder[i]!.se, ladder[i - 1]!.se),
    );
  expect(await figure.locator('[data-part="climbs"]').getAttribute('data-climbs')).toBe('true');
  // 𝓛₁ is the ELBO in expectation; the two rows use independent draws.
  expect(Math.abs(ladder[0]!.mean - elbo.mean)).toBeLessThanOrEqual(4 * Math.hypot(ladder[0]!.se, elbo.se) + 0.1);
  // The gap 𝓛₅₀₀ − ELBO is positive, well beyond its error, and is the difference of the two rows shown.
  expect(gap.mean).toBeGreaterThan(3 * gap.se);
  expect(Math.abs(gap.mean - (ladder[3]!.mean - elbo.mean))).toBeLessThan(0.11);
  expect(await figure.locator('[data-part="gap"]').textContent()).toContain(String(gap.mean));
  return { elbo, ladder, gap };
}

/** Image 0's estimates per language, from the first test, for the second to compare with. */
const firstImage = new Map<string, Awaited<ReturnType<typeof readAndCheck>>>();

/** Opens the chapter at `width` with the wasm backend and scrolls the widget into view. */
async function openWidget(lang: string, width: number, colorScheme: 'light' | 'dark' = 'light') {
  const opened = await openPage(browser(), `${lang}/evidence-lower-bound/?backend=wasm`, { width, colorScheme });
  const figure = opened.page.locator(FIGURE);
  const stateAtLoad = await figure.getAttribute('data-state');
  await figure.scrollIntoViewIfNeeded();
  return { ...opened, figure, stateAtLoad };
}

describe.skipIf(!hasBrowser).each([
  ['en', 1280],
  ['zh', 360],
] as const)('the elbo-gap widget on /%s/evidence-lower-bound/ at %i px', (lang, width) => {
  it('estimates ELBO ≈ 𝓛₁ ≤ 𝓛₅ ≤ 𝓛₅₀ ≤ 𝓛₅₀₀ for test image 0 on wasm, and refuses an out-of-range image with a message', async () => {
    const { page, figure, stateAtLoad, problems, close } = await openWidget(lang, width);
    expect(stateAtLoad).toBe('static');
    await waitImage(page, FIGURE, 0);
    firstImage.set(lang, await readAndCheck(figure));
    expect(await figure.locator('[data-part="backend"]').getAttribute('data-backend')).toBe('wasm');
    expect(await figure.locator('[data-part="backend"]').textContent()).toContain('WebAssembly');
    expect(await figure.locator('[data-part="canvas"] svg g[data-mark="dot"] circle').count()).toBe(4);
    expect(await figure.locator('[role="status"]').textContent()).toMatch(/2,550/);

    // Bad input: a message next to the field, nothing applied.
    const field = figure.locator('[data-picker="field"]');
    for (const raw of ['2000', 'abc', '-1']) {
      await field.fill(raw);
      await field.press('Enter');
      expect((await figure.locator('[data-picker="message"]').textContent())?.length, raw).toBeGreaterThan(5);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    }
    expect(await figure.getAttribute('data-state')).toBe('ready');
    expect(await figure.locator('[data-part="stats"]').getAttribute('data-image')).toBe('0');
    expect(await seriousViolations(page, FIGURE, { stripOtherHeavyContent: true })).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });

  it('picking image 1 from the strip by keyboard, mid-computation, gives new numbers that obey the same laws; chart as a table (dark)', async () => {
    const { page, figure, problems, close } = await openWidget(lang, width, 'dark');
    await page.waitForSelector(`${FIGURE}[data-state="computing"]`, { timeout: 60_000 });
    await figure.locator('[data-picker="thumb"]').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await waitImage(page, FIGURE, 1);
    const field = figure.locator('[data-picker="field"]');
    expect(await field.inputValue()).toBe('1');
    expect(await figure.locator('[data-picker="thumb"][aria-current="true"]').getAttribute('data-image')).toBe('1');
    const second = await readAndCheck(figure);
    const first = firstImage.get(lang);
    if (first) {
      expect(second.elbo.mean).not.toBe(first.elbo.mean);
      expect(second.ladder[3]!.mean).not.toBe(first.ladder[3]!.mean);
    }

    // The chart as a table: the ELBO and one row per K, with the numbers of the readout.
    const toggle = figure.locator('[data-part="table-toggle"]');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = figure.locator('[data-part="table"] table tbody tr');
    expect(await rows.count()).toBe(5);
    expect((await rows.last().locator('td').first().textContent())?.replace(/\u2212/g, '-')).toBe(
      String(second.ladder[3]!.mean),
    );

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, FIGURE, { stripOtherHeavyContent: true })).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });
});
