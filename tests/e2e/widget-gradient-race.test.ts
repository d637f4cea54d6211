/**
 * Chapter 5's gradient-race widget in Chromium, in both languages: the shown empirical variances against the analytic
 * ones, the pathwise estimator's lead for z², the 1/N law, bad input, tables, 360 px and axe.
 *
 * Tolerances are not tuned by trial. The empirical variance of R = 2,000 repeats has relative standard deviation
 * r = √((κ − (R − 3)/(R − 1)) / R), κ the kurtosis of one N-sample estimate (3 + (κ₁ − 3)/N; κ₁ by quadrature in core,
 * tested there against E ε¹² and friends). At the defaults (z², μ = 1, σ = ½, N = 1) r is 3.2 % (pathwise), 11 % (score)
 * and 15 % (baseline; κ₁ ≈ 46). Each check allows 4 r, the book's "4 standard errors"; a ratio of two independent
 * variances allows 4 √(r₁² + r₂²).
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasBrowser, useBrowser, useTab } from './harness';
import { seriousViolations } from './axe-helper';
import { empiricalVarianceRelativeSd, type Estimator } from '../../src/core/toys/gradient-estimator-study';
import { sine, square } from '../../src/core/toys/gradient-estimators';

const browser = useBrowser();
// One tab for the file: each visit navigates it afresh (see useTab), far cheaper than a new context per test.
const openPage = useTab(browser);
const FIGURE = 'figure[data-widget="gradient-race"]';
const ESTIMATORS: Estimator[] = ['pathwise', 'score', 'scoreBaseline'];
const REPEATS = 2000;
// The chapter's table at μ = 1, σ = ½: 4σ², μ⁴/σ² + 14μ² + 15σ², 8μ² + 10σ².
const ANALYTIC_DEFAULT: Record<Estimator, number> = { pathwise: 1, score: 21.75, scoreBaseline: 10.5 };
const tolerance = (fn: typeof square, e: Estimator, mu: number, sigma: number, n: number) =>
  4 * empiricalVarianceRelativeSd(fn, e, mu, sigma, n, REPEATS);

/** Reads a number as the widget prints it: "1.008", "−0.4", "21.75", "2,000". */
function parseShown(text: string | null): number {
  const t = (text ?? '')
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/,/g, '');
  const plain = t.match(/^-?[\d.]+(e-?\d+)?/);
  if (!plain) throw new Error(`not a number on the page: "${text}"`);
  return Number(plain[0]);
}

async function waitReady(page: Page): Promise<void> {
  // Let a change reach the next frame before waiting for its computation to finish.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.waitForSelector(`${FIGURE}[data-state="ready"]`, { timeout: 30_000 });
}

/** Opens chapter 5, records the figure's state before it nears the viewport, then scrolls to it and waits. */
async function openWidget(lang: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const opened = await openPage(`${lang}/reparameterization/`, options);
  const clientRequests: string[] = [];
  opened.page.on('request', (r) => r.url().includes('gradient-race.client') && clientRequests.push(r.url()));
  const figure = opened.page.locator(FIGURE);
  const stateAtLoad = await figure.getAttribute('data-state');
  await figure.scrollIntoViewIfNeeded();
  await waitReady(opened.page);
  return { ...opened, figure, stateAtLoad, clientRequests };
}

const cell = async (figure: Locator, e: Estimator, column: 'mean' | 'empirical' | 'analytic') =>
  parseShown(await figure.locator(`tr[data-estimator="${e}"] td[data-col="${column}"]`).textContent());

/** Types into a setting's number field and presses Enter, as a reader would. */
async function typeSetting(figure: Locator, setting: string, value: string): Promise<Locator> {
  const field = figure.locator(`[data-setting="${setting}"] input[type="text"]`);
  await field.fill(value);
  await field.press('Enter');
  return field;
}

// Two page loads per language (a chapter page is heavy): one reads the numbers, one checks input, tables, 360 px and axe.
describe.skipIf(!hasBrowser).each([
  ['en', 'light'],
  ['zh', 'dark'],
] as const)('the gradient-race widget on /%s/reparameterization/', (lang, colorScheme) => {
  it('shows both graphs and three histograms; empirical variances match the analytic ones, pathwise ≪ score, 1/N, sin z', async () => {
    const { page, figure, stateAtLoad, clientRequests, problems, close } = await openWidget(lang);
    expect(stateAtLoad).toBe('static');
    expect(clientRequests.length).toBe(1);
    // The graphs are server-rendered SVG, each named by its <title> and described by its caption.
    const graphs = figure.locator('.gr-graph svg[role="img"]');
    expect(await graphs.count()).toBe(2);
    for (const svg of await graphs.all()) {
      expect(
        (await page.locator(`#${await svg.getAttribute('aria-labelledby')}`).textContent())?.length,
      ).toBeGreaterThan(5);
      expect(
        (await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent())?.length,
      ).toBeGreaterThan(60);
    }
    expect(await figure.locator('[data-graph="before"] .gr-cross').count()).toBe(1);
    expect(await figure.locator('[data-graph="after"] .gr-cross').count()).toBe(0);
    // Three histograms, 48 bars each, every one an image with a description.
    const charts = figure.locator('[data-part="canvas"] svg');
    expect(await charts.count()).toBe(3);
    for (const svg of await charts.all()) {
      expect(await svg.locator('g[data-mark="rect"] rect').count()).toBe(48);
      expect(
        (await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent())?.length,
      ).toBeGreaterThan(60);
    }

    // Defaults: z², μ = 1, σ = ½, N = 1.
    const atN1: Partial<Record<Estimator, number>> = {};
    for (const e of ESTIMATORS) {
      expect(await cell(figure, e, 'analytic')).toBeCloseTo(ANALYTIC_DEFAULT[e], 9);
      atN1[e] = await cell(figure, e, 'empirical');
      expect(Math.abs(atN1[e] / ANALYTIC_DEFAULT[e] - 1), e).toBeLessThan(tolerance(square, e, 1, 0.5, 1));
      expect(Math.abs((await cell(figure, e, 'mean')) - 2), e).toBeLessThan(
        4 * Math.sqrt(ANALYTIC_DEFAULT[e] / REPEATS),
      );
    }
    // 21.75 / 1 analytically; with both tolerances against it the shown ratio is still above 10.
    expect(atN1.score! / atN1.pathwise!).toBeGreaterThan(10);

    // N = 100: every variance a hundredth, within the tolerance of a ratio of two independent variances.
    await typeSetting(figure, 'n', '100');
    await waitReady(page);
    for (const e of ESTIMATORS) {
      expect(await cell(figure, e, 'analytic')).toBeCloseTo(ANALYTIC_DEFAULT[e] / 100, 9);
      const ratio = ((await cell(figure, e, 'empirical')) / atN1[e]!) * 100;
      expect(Math.abs(ratio - 1), e).toBeLessThan(
        Math.hypot(tolerance(square, e, 1, 0.5, 1), tolerance(square, e, 1, 0.5, 100)),
      );
    }
    expect(await figure.locator('[data-setting="n"] input[type="range"]').getAttribute('aria-valuetext')).toBe(
      'N = 100',
    );

    // sin z at μ = 2, σ = 1.2 (N = 1), where the pathwise estimator is the noisier one.
    await figure.locator('select[data-part="fn"]').selectOption('sine');
    await typeSetting(figure, 'mu', '2');
    await typeSetting(figure, 'sigma', '1.2');
    await typeSetting(figure, 'n', '1');
    await waitReady(page);
    expect(await figure.locator('.widget-exact').textContent()).toContain('sin z');
    for (const e of ESTIMATORS) {
      const analytic = {
        pathwise: sine.variance.pathwiseMu,
        score: sine.variance.scoreMu,
        scoreBaseline: sine.variance.scoreBaselineMu,
      }[e](2, 1.2);
      expect(Math.abs((await cell(figure, e, 'analytic')) / analytic - 1)).toBeLessThan(1e-3);
      expect(Math.abs((await cell(figure, e, 'empirical')) / analytic - 1), e).toBeLessThan(
        tolerance(sine, e, 2, 1.2, 1),
      );
    }
    expect(await cell(figure, 'pathwise', 'analytic')).toBeGreaterThan(await cell(figure, 'score', 'analytic'));
    // "New draws" changes the draws, not the formulas.
    const [empirical, analytic] = [await cell(figure, 'score', 'empirical'), await cell(figure, 'score', 'analytic')];
    await figure.getByRole('button', { name: lang === 'en' ? 'New draws' : '重新抽样' }).click();
    await waitReady(page);
    expect(await cell(figure, 'score', 'empirical')).not.toBe(empirical);
    expect(await cell(figure, 'score', 'analytic')).toBe(analytic);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });

  it(`refuses bad input with a message, shows each histogram as a table from the keyboard, fits 360 px, passes axe (${colorScheme})`, async () => {
    const { page, figure, problems, close } = await openWidget(lang, { width: 360, colorScheme });
    const cases: [string, string][] = [
      ['sigma', '-1'],
      ['mu', 'abc'],
      ['mu', '9'],
      ['n', '0'],
      ['n', '2.5'],
      ['n', '5000'],
      ['sigma', '0'],
    ];
    for (const [setting, raw] of cases) {
      const field = await typeSetting(figure, setting, raw);
      const message = figure.locator(`[data-setting="${setting}"] .widget-field-message`);
      expect((await message.textContent())?.length, `${setting} = "${raw}"`).toBeGreaterThan(5);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    }
    // σ = 0 says why (the message names σ and 0), and nothing was applied.
    expect(await figure.locator('[data-setting="sigma"] .widget-field-message').textContent()).toMatch(/σ.*0/);
    await waitReady(page);
    expect(await cell(figure, 'pathwise', 'analytic')).toBe(1);
    const field = await typeSetting(figure, 'sigma', '0.25');
    await waitReady(page);
    expect(await field.getAttribute('aria-invalid')).toBe(null);
    expect(await figure.locator('[data-setting="sigma"] .widget-field-message').textContent()).toBe('');
    expect(await cell(figure, 'pathwise', 'analytic')).toBeCloseTo(0.25, 9);

    const toggles = figure.locator('[data-part="table-toggle"]');
    expect(await toggles.count()).toBe(3);
    for (const toggle of await toggles.all()) {
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    }
    const tables = figure.locator('[data-part="table"] table');
    expect(await tables.count()).toBe(3);
    for (const table of await tables.all()) {
      // 48 bins plus the rows below and above the range: every one of the 2,000 estimates is counted once.
      const counts = await table.locator('tbody tr td:last-child').allTextContents();
      expect(counts.length).toBe(50);
      expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(REPEATS);
    }
    // Arrow keys move the N slider one stop (1 → 2).
    await figure.locator('[data-setting="n"] input[type="range"]').focus();
    await page.keyboard.press('ArrowRight');
    await waitReady(page);
    expect(parseShown(await figure.locator('[data-setting="n"] input[type="text"]').inputValue())).toBe(2);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    for (const svg of await figure.locator('svg[role="img"]').all())
      expect(await svg.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, FIGURE)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });
});
