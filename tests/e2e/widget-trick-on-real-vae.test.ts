/**
 * Chapter 5's race on the real VAE in Chromium, in both languages: on the WASM backend both runs train in their
 * workers, in step, and after MEASURED.step steps the pathwise run's held-out −ELBO is lower than the score function's
 * (with baseline) by more than CLAIM_MARGIN nats — the margin tests/core/trick-on-real-vae.test.ts checks in Node.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { hasBrowser, openPage, useBrowser } from './harness';
import { CLAIM_MARGIN, MEASURED } from '../../src/components/widgets/trick-on-real-vae-state';
import { TRICK_ON_REAL_VAE_STRINGS } from '../../src/i18n/widgets/trick-on-real-vae';

const browser = useBrowser();
const FIGURE = 'figure[data-widget="trick-on-real-vae"]';

/** Reads a number as the widget prints it ("195.5", "−12.8"); NaN for "—". */
const shown = (text: string | null) => {
  const match = (text ?? '')
    .trim()
    .replace(/\u2212/g, '-')
    .match(/^-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : Number.NaN;
};
const readout = async (figure: Locator, stat: string, run: string) =>
  shown(await figure.locator(`tr[data-stat="${stat}"] td[data-run="${run}"]`).textContent());
/** The chart's table: held-out −ELBO of `run` at `step`. */
const tableValue = async (figure: Locator, step: number, run: string) =>
  shown(await figure.locator(`[data-part="table"] tr[data-step="${step}"] td[data-run="${run}"]`).textContent());

describe.skipIf(!hasBrowser).each(['en', 'zh'] as const)(
  'the trick-on-real-vae widget on /%s/reparameterization/',
  (lang) => {
    const s = TRICK_ON_REAL_VAE_STRINGS[lang];

    it(`trains both runs on WASM, in step; after ${MEASURED.step} steps pathwise is > ${CLAIM_MARGIN} nats lower`, async () => {
      const { page, problems, close } = await openPage(browser(), `${lang}/reparameterization/?backend=wasm`);
      const figure = page.locator(FIGURE);
      expect(await figure.getAttribute('data-state')).toBe('static');
      expect(await figure.locator('[data-part="measured"]').textContent()).toContain(String(MEASURED.pathwise));
      await figure.scrollIntoViewIfNeeded();
      await page.waitForSelector(`${FIGURE}[data-state="ready"]`, { timeout: 30_000 });
      // Nothing runs before Train: no worker, no backend yet.
      expect(await figure.getAttribute('data-backend')).toBeNull();

      await figure.getByRole('button', { name: s.train, exact: true }).click();
      await page.waitForSelector(`${FIGURE}[data-state="training"]`, { timeout: 60_000 });
      expect(await figure.getAttribute('data-backend')).toBe('wasm');
      expect(await figure.locator('[data-part="backend"]').textContent()).toContain('WebAssembly');
      // Same seed, same weights: both runs start from the same held-out −ELBO. The readout shows each run's latest value
      // and one run may already be a round ahead when training starts, so the start is compared at step 0 in the chart's
      // table below.

      await page.waitForFunction(
        ([selector, wanted]) =>
          [...document.querySelectorAll(`${selector} tr[data-stat="step"] td:not([hidden])`)].every(
            (td) => Number(td.textContent) >= wanted,
          ),
        [FIGURE, MEASURED.step] as const,
        { timeout: 90_000 },
      );
      await figure.getByRole('button', { name: s.pause }).click();
      await page.waitForSelector(`${FIGURE}[data-state="paused"]`, { timeout: 30_000 });
      const [pathwiseSteps, scoreSteps] = [
        await readout(figure, 'step', 'pathwise'),
        await readout(figure, 'step', 'scoreBaseline'),
      ];
      expect(pathwiseSteps).toBeGreaterThanOrEqual(MEASURED.step);
      // In step: the runs take turns a round at a time, so they are never more than one round apart.
      expect(Math.abs(pathwiseSteps - scoreSteps)).toBeLessThanOrEqual(5);
      // Train, Pause and Resume are one button, so the keyboard focus stays on it.
      expect(await figure.getByRole('button', { name: s.resume }).getAttribute('aria-disabled')).toBe('false');

      await figure.getByRole('button', { name: s.showTable }).click();
      const start = await tableValue(figure, 0, 'pathwise');
      expect(await tableValue(figure, 0, 'scoreBaseline')).toBe(start);
      expect(Math.abs(start - MEASURED.start)).toBeLessThan(1);
      const pathwise = await tableValue(figure, MEASURED.step, 'pathwise');
      const scoreBaseline = await tableValue(figure, MEASURED.step, 'scoreBaseline');
      expect(scoreBaseline - pathwise).toBeGreaterThan(CLAIM_MARGIN);
      expect(Math.abs(pathwise - MEASURED.pathwise)).toBeLessThan(MEASURED.tolerance);
      expect(await figure.locator('[data-part="summary"]').textContent()).toMatch(/\d/);
      // The chart is an image with a name and a description that carries the latest values.
      const svg = figure.locator('[data-part="canvas"] svg');
      expect(await svg.getAttribute('aria-label')).toBe(s.chartAria);
      expect(await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent()).toContain(
        String(pathwise),
      );
      await expect
        .poll(() => figure.locator('[data-part="announce"]').textContent(), { timeout: 5000 })
        .toContain(String(pathwise));

      if (lang === 'en') {
        // A third run switched on mid-race appears at step 0 with the shared starting value; Reset brings all back.
        await figure.getByLabel(s.plainLabel).check();
        await expect.poll(() => readout(figure, 'negElbo', 'score'), { timeout: 60_000 }).toBe(start);
        expect(await figure.locator('td[data-run="score"]').first().isVisible()).toBe(true);
        await figure.getByRole('button', { name: s.reset }).click();
        await page.waitForSelector(`${FIGURE}[data-state="ready"]`, { timeout: 30_000 });
        for (const run of ['pathwise', 'scoreBaseline', 'score']) expect(await readout(figure, 'step', run)).toBe(0);
        expect(await readout(figure, 'negElbo', 'pathwise')).toBe(start);
      }
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await close();
    });
  },
);
