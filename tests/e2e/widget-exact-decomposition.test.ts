/** Chapter 3's exact-decomposition widget in Chromium, in both languages: the numbers it shows are the closed forms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasBrowser, openPage, useBrowser } from './harness';
import { seriousViolations } from './axe-helper';

const browser = useBrowser();
const FIGURE = 'figure[data-widget="exact-decomposition"]';

// Chapter 1's toy (w = 2, b = 1, s = 0.5), written out here independently of src/core.
const [W, B, S] = [2, 1, 0.5];
const logEvidence = (x: number) =>
  -0.5 * Math.log(2 * Math.PI * (W * W + S * S)) - (x - B) ** 2 / (2 * (W * W + S * S));
const posterior = (x: number) => ({ mean: (W * (x - B)) / (W * W + S * S), variance: (S * S) / (W * W + S * S) });
const reconstruction = (x: number, m: number, sd: number) =>
  -0.5 * Math.log(2 * Math.PI * S * S) - ((x - B - W * m) ** 2 + W * W * sd * sd) / (2 * S * S);
const klPrior = (m: number, sd: number) => 0.5 * (m * m + sd * sd - 1 - Math.log(sd * sd));
const gap = (x: number, m: number, sd: number) => {
  const p = posterior(x);
  return 0.5 * (Math.log(p.variance / (sd * sd)) + (sd * sd + (m - p.mean) ** 2) / p.variance - 1);
};

/** Reads a number as the widget prints it: "0.1209", "−2.113", "2.78 × 10⁻¹⁷". */
function parseShown(text: string | null): number {
  const t = (text ?? '')
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/,/g, '');
  const sci = t.match(/^(-?[\d.]+) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/);
  if (sci) {
    const exponent = Number([...(sci[2] as string)].map((c) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)]).join(''));
    return Number(sci[1]) * 10 ** exponent;
  }
  const plain = t.match(/^-?[\d.]+(e-?\d+)?/);
  if (!plain) throw new Error(`not a number on the page: "${text}"`);
  return Number(plain[0]);
}

async function openWidget(lang: string, options: { width?: number } = {}) {
  const opened = await openPage(browser(), `${lang}/evidence-lower-bound/`, options);
  const clientRequests: string[] = [];
  opened.page.on('request', (r) => r.url().includes('exact-decomposition.client') && clientRequests.push(r.url()));
  const figure = opened.page.locator(FIGURE);
  const stateAtLoad = await figure.getAttribute('data-state');
  await figure.scrollIntoViewIfNeeded();
  await waitReady(opened.page);
  return { ...opened, figure, stateAtLoad, clientRequests };
}

async function waitReady(page: Page): Promise<void> {
  // Two frames: one for the change, one for the scheduler's redraw.
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.waitForSelector(`${FIGURE}[data-state="ready"]`, { timeout: 20_000 });
}

const shown = async (figure: Locator, row: string) =>
  parseShown(await figure.locator(`tr[data-stat="${row}"] td`).textContent());

async function typeSetting(figure: Locator, setting: string, value: string): Promise<Locator> {
  const field = figure.locator(`[data-setting="${setting}"] input[type="text"]`);
  await field.fill(value);
  await field.press('Enter');
  return field;
}

/** Checks every row of the readout against the closed forms for x and q = N(m, sd²) (4 significant digits shown). */
async function expectReadout(figure: Locator, x: number, m: number, sd: number): Promise<void> {
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(5e-4 * Math.max(1, Math.abs(b)));
  close(await shown(figure, 'evidence'), logEvidence(x));
  close(await shown(figure, 'elbo'), reconstruction(x, m, sd) - klPrior(m, sd));
  close(await shown(figure, 'gap'), gap(x, m, sd));
  close(await shown(figure, 'sum'), logEvidence(x));
  close(await shown(figure, 'reconstruction'), reconstruction(x, m, sd));
  close(await shown(figure, 'klPrior'), klPrior(m, sd));
  expect(Math.abs(await shown(figure, 'error'))).toBeLessThan(1e-9);
}

describe.skipIf(!hasBrowser).each(['en', 'zh'])(
  'the exact-decomposition widget on /%s/evidence-lower-bound/',
  (lang) => {
    // One page per language, shared by the tests below (each starts by putting x and q back), to keep the file fast.
    let opened: Awaited<ReturnType<typeof openWidget>>;
    beforeAll(async () => {
      opened = await openWidget(lang);
    });
    afterAll(async () => {
      expect(opened.problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await opened.close();
    });
    const button = (en: string, zh: string) =>
      opened.figure.getByRole('button', { name: lang === 'en' ? en : zh, exact: true });
    const startOver = async () => {
      await typeSetting(opened.figure, 'x', '3');
      await button('Reset q', '重置 q').click();
      await waitReady(opened.page);
    };

    it('loads near the viewport, shows the closed forms at x = 3, q = N(0.5, 0.5²), and follows typed values', async () => {
      const { page, figure, stateAtLoad, clientRequests } = opened;
      expect(stateAtLoad).toBe('static');
      expect(clientRequests.length).toBe(1);
      await expectReadout(figure, 3, 0.5, 0.5);
      expect(await figure.locator('.widget-exact').textContent()).toContain('−2.113');
      expect(await figure.locator('[data-part="canvas"] svg').count()).toBe(2);
      for (const svg of await figure.locator('[data-part="canvas"] svg').all()) {
        expect(await svg.getAttribute('aria-label')).toBeTruthy();
        expect(
          (await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent())?.length,
        ).toBeGreaterThan(40);
      }
      await typeSetting(figure, 'x', '5');
      await typeSetting(figure, 'qMean', '-1');
      await typeSetting(figure, 'qStd', '1.5');
      await waitReady(page);
      await expectReadout(figure, 5, -1, 1.5);
    });

    it('refuses a bad σ_q (and x) with a message next to the field and keeps the last good value', async () => {
      const { page, figure } = opened;
      await startOver();
      for (const [setting, raw] of [
        ['qStd', '0'],
        ['qStd', '-1'],
        ['qStd', 'abc'],
        ['x', ''],
      ] as const) {
        const field = await typeSetting(figure, setting, raw);
        const message = figure.locator(`[data-setting="${setting}"] .widget-field-message`);
        expect((await message.textContent())?.length, `${setting} = "${raw}"`).toBeGreaterThan(5);
        expect(await field.getAttribute('aria-invalid')).toBe('true');
        expect(await field.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
      }
      await waitReady(page);
      await expectReadout(figure, 3, 0.5, 0.5);
      const field = await typeSetting(figure, 'qStd', '0.3');
      await typeSetting(figure, 'x', '3');
      await waitReady(page);
      expect(await field.getAttribute('aria-invalid')).toBe(null);
      expect(await figure.locator('[data-setting="qStd"] .widget-field-message').textContent()).toBe('');
      await expectReadout(figure, 3, 0.5, 0.3);
    });

    it('“Use the exact posterior” closes the gap to 0; moving μ_q away opens it again', async () => {
      const { page, figure } = opened;
      await startOver();
      await button('Use the exact posterior', '用精确后验').click();
      await waitReady(page);
      expect(Math.abs(await shown(figure, 'gap'))).toBeLessThan(1e-9);
      expect(await shown(figure, 'elbo')).toBeCloseTo(logEvidence(3), 3);
      const post = posterior(3);
      expect(parseShown(await figure.locator('[data-setting="qMean"] input[type="text"]').inputValue())).toBeCloseTo(
        post.mean,
        5,
      );
      let last = 0;
      for (const offset of [0.1, 0.3, 1]) {
        await typeSetting(figure, 'qMean', String(post.mean + offset));
        await waitReady(page);
        const now = await shown(figure, 'gap');
        expect(now).toBeGreaterThan(last);
        expect(now).toBeCloseTo(gap(3, post.mean + offset, Math.sqrt(post.variance)), 3);
        last = now;
      }
    });

    it('“Fit q” animates gradient ascent and drives the gap below 10⁻³; with reduced motion it jumps to the end', async () => {
      const { page, figure } = opened;
      await startOver();
      const fit = button('Fit q (gradient ascent)', '拟合 q（梯度上升）');
      expect(await shown(figure, 'gap')).toBeGreaterThan(1);
      await fit.click();
      expect(await figure.getAttribute('data-state')).toBe('fitting');
      await waitReady(page);
      expect(await shown(figure, 'gap')).toBeLessThan(1e-3);
      expect(await figure.locator('[data-part="status"]').textContent()).toMatch(/400/);
      // The fields show where q ended: the exact posterior, to about 3 digits.
      expect(parseShown(await figure.locator('[data-setting="qStd"] input[type="text"]').inputValue())).toBeCloseTo(
        Math.sqrt(posterior(3).variance),
        2,
      );
      await typeSetting(figure, 'x', '-4');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await waitReady(page);
      expect(await shown(figure, 'gap')).toBeGreaterThan(1);
      await fit.click();
      await waitReady(page);
      expect(await shown(figure, 'gap')).toBeLessThan(1e-3);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    });

    it('shows both plots as tables, works from the keyboard at 360 px, and has no serious axe violations', async () => {
      const { page, figure } = opened;
      await startOver();
      await page.setViewportSize({ width: 360, height: 800 });
      await expect
        .poll(() => figure.locator('[data-chart="bars"] svg').evaluate((svg) => svg.getBoundingClientRect().width), {
          timeout: 5000,
        })
        .toBeLessThanOrEqual(340);
      for (const toggle of await figure.locator('[data-part="table-toggle"]').all()) {
        await toggle.focus();
        await page.keyboard.press('Enter');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      }
      const barRows = figure.locator('[data-chart="bars"] [data-part="table"] tbody tr');
      expect(await barRows.count()).toBe(6);
      // Both bars' totals are the same −ELBO, and it matches the readout.
      const total = async (i: number) => parseShown(await barRows.nth(i).locator('td').textContent());
      expect(await total(2)).toBe(await total(5));
      expect(await total(2)).toBeCloseTo(-(await shown(figure, 'elbo')), 3);
      await figure.locator('[data-setting="qMean"] input[type="range"]').focus();
      await page.keyboard.press('ArrowRight');
      await waitReady(page);
      expect(parseShown(await figure.locator('[data-setting="qMean"] input[type="text"]').inputValue())).toBeCloseTo(
        0.51,
        9,
      );
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page, FIGURE)).toEqual([]);
    });
  },
);
