/** Chapter 1's marginal-likelihood widget in Chromium, in both languages: it loads near the viewport, renders, and responds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasBrowser, useBrowser, useTab } from './harness';
import { seriousViolations, switchToDarkTheme } from './axe-helper';

const browser = useBrowser();
// One tab for the file: each visit navigates it afresh (see useTab), far cheaper than a new context per test.
const openPage = useTab(browser);
const FIGURE = 'figure[data-widget="marginal-likelihood"]';
// Chapter 1's toy at x = 3: p(3) = N(3; 1, 4.25); at x = 5, N(5; 1, 4.25).
const normal = (x: number, mean: number, variance: number) =>
  Math.exp(-((x - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
const EXACT_3 = normal(3, 1, 4.25);
const EXACT_5 = normal(5, 1, 4.25);

/** Reads a number as the widget prints it: "0.1209", "−2.113", "2.78 × 10⁻¹⁷", "100,000", "∞ (…)". */
function parseShown(text: string | null): number {
  const t = (text ?? '')
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/,/g, '');
  if (t.startsWith('∞')) return Infinity;
  const sci = t.match(/^(-?[\d.]+) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/);
  if (sci) {
    const exponent = Number([...(sci[2] as string)].map((c) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)]).join(''));
    return Number(sci[1]) * 10 ** exponent;
  }
  const plain = t.match(/^-?[\d.]+(e-?\d+)?/);
  if (!plain) throw new Error(`not a number on the page: "${text}"`);
  return Number(plain[0]);
}

/** Opens the chapter, checks the figure is still static (not near the viewport), then scrolls to it and waits. */
async function openWidget(lang: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const opened = await openPage(`${lang}/generative-model/`, options);
  const clientRequests: string[] = [];
  opened.page.on('request', (r) => r.url().includes('marginal-likelihood.client') && clientRequests.push(r.url()));
  const figure = opened.page.locator(FIGURE);
  const stateAtLoad = await figure.getAttribute('data-state');
  await figure.scrollIntoViewIfNeeded();
  await waitReady(opened.page);
  return { ...opened, figure, stateAtLoad, clientRequests };
}

async function waitReady(page: Page): Promise<void> {
  // Let a change reach the next frame before waiting for its computation to finish.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.waitForSelector(`${FIGURE}[data-state="ready"]`, { timeout: 60_000 });
}

const stat = async (figure: Locator, row: string, method: 'prior' | 'proposal') =>
  parseShown(await figure.locator(`tr[data-stat="${row}"] td[data-method="${method}"]`).textContent());

/** Types into a setting's number field and presses Enter, as a reader would. */
async function typeSetting(figure: Locator, setting: string, value: string): Promise<Locator> {
  const field = figure.locator(`[data-setting="${setting}"] input[type="text"]`);
  await field.fill(value);
  await field.press('Enter');
  return field;
}

describe.skipIf(!hasBrowser).each(['en', 'zh'])('the marginal-likelihood widget on /%s/generative-model/', (lang) => {
  it('is server-rendered with the exact p(3), loads its client only near the viewport, and draws three plots', async () => {
    const { page, figure, stateAtLoad, clientRequests, problems, close } = await openWidget(lang);
    expect(stateAtLoad).toBe('static');
    expect(clientRequests.length).toBe(1);
    expect(await figure.locator('.widget-exact').textContent()).toContain('0.1209');
    expect(await stat(figure, 'exact', 'prior')).toBeCloseTo(EXACT_3, 4);
    expect(await figure.locator('[data-part="canvas"] svg').count()).toBe(3);
    for (const svg of await figure.locator('[data-part="canvas"] svg').all()) {
      expect(await svg.getAttribute('aria-label')).toBeTruthy();
      const describedBy = await svg.getAttribute('aria-describedby');
      expect((await page.locator(`#${describedBy}`).textContent())?.length).toBeGreaterThan(40);
    }
    // The spread strip has one dot per repeat and sampler.
    expect(await figure.locator('[data-chart="spread"] svg g[data-mark="dot"] path').count()).toBe(400);
    expect(await figure.locator('[data-part="static-note"]').isHidden()).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });

  it('raising N from 10 to 1,000 narrows the spread of repeated estimates about tenfold, as the closed form says', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    await typeSetting(figure, 'n', '10');
    await waitReady(page);
    const sd10 = await stat(figure, 'sd', 'prior');
    const theory10 = await stat(figure, 'sdTheory', 'prior');
    await typeSetting(figure, 'n', '1000');
    await waitReady(page);
    const sd1000 = await stat(figure, 'sd', 'prior');
    expect(sd1000 / sd10).toBeGreaterThan(0.07);
    expect(sd1000 / sd10).toBeLessThan(0.14);
    expect(Math.abs(sd10 / theory10 - 1)).toBeLessThan(0.3);
    expect(Math.abs((await stat(figure, 'mean', 'prior')) / EXACT_3 - 1)).toBeLessThan(0.02);
    // The slider follows the typed value, and screen readers hear it.
    expect(await figure.locator('[data-setting="n"] input[type="range"]').getAttribute('aria-valuetext')).toBe(
      'N = 1,000',
    );
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('q = the exact posterior makes every estimate exact: spread ≈ 0, one run = p(x), ESS = N', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    const button = figure.getByRole('button', { name: lang === 'en' ? 'Use the exact posterior' : '用精确后验' });
    await button.click();
    await waitReady(page);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await stat(figure, 'sd', 'proposal')).toBeLessThan(1e-12);
    expect(await stat(figure, 'sdTheory', 'proposal')).toBeLessThan(1e-12);
    expect(await stat(figure, 'run', 'proposal')).toBeCloseTo(EXACT_3, 4);
    expect(await stat(figure, 'mean', 'proposal')).toBeCloseTo(EXACT_3, 4);
    expect(await stat(figure, 'ess', 'proposal')).toBe(100);
    expect(await stat(figure, 'sd', 'prior')).toBeGreaterThan(0.01);
    // q follows x while the button is pressed: at x = 5 it is still exact.
    await typeSetting(figure, 'x', '5');
    await waitReady(page);
    expect(await stat(figure, 'run', 'proposal')).toBeCloseTo(EXACT_5, 4);
    expect(await stat(figure, 'sd', 'proposal')).toBeLessThan(1e-12);
    // The live region announces the result once the reader pauses, with the new exact value in it.
    await expect
      .poll(() => figure.locator('[data-part="announce"]').textContent(), { timeout: 5000 })
      .toContain(EXACT_5.toPrecision(4));
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('refuses bad input with a message next to the field and keeps the last good value', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    const cases: [string, string][] = [
      ['x', 'abc'],
      ['x', '99'],
      ['n', '2.5'],
      ['n', '0'],
      ['qStd', '-1'],
      ['qMean', ''],
    ];
    for (const [setting, raw] of cases) {
      const field = await typeSetting(figure, setting, raw);
      const message = figure.locator(`[data-setting="${setting}"] .widget-field-message`);
      expect((await message.textContent())?.length, `${setting} = "${raw}"`).toBeGreaterThan(5);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    }
    await waitReady(page);
    expect(await stat(figure, 'exact', 'prior')).toBeCloseTo(EXACT_3, 4);
    expect(await figure.locator('caption[data-part="stats-caption"]').textContent()).toContain('100');
    const field = await typeSetting(figure, 'x', '5');
    await waitReady(page);
    expect(await field.getAttribute('aria-invalid')).toBe(null);
    expect(await figure.locator('[data-setting="x"] .widget-field-message').textContent()).toBe('');
    expect(await stat(figure, 'exact', 'prior')).toBeCloseTo(EXACT_5, 4);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('shows each plot as a real table, works from the keyboard, and stays on a 360 px screen', async () => {
    const { page, figure, problems, close } = await openWidget(lang, { width: 360 });
    const toggles = figure.locator('[data-part="table-toggle"]');
    expect(await toggles.count()).toBe(3);
    for (const toggle of await toggles.all()) {
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    }
    const tables = figure.locator('[data-part="table"] table');
    expect(await tables.count()).toBe(3);
    // The convergence table ends at N = 100 with the same estimate as the stats table's one run.
    const lastRow = tables.nth(1).locator('tbody tr').last();
    expect(parseShown(await lastRow.locator('th').textContent())).toBe(100);
    expect(parseShown(await lastRow.locator('td').first().textContent())).toBe(await stat(figure, 'run', 'prior'));
    // Keyboard: arrow keys on the N slider move it one stop (100 → 200).
    await figure.locator('[data-setting="n"] input[type="range"]').focus();
    await page.keyboard.press('ArrowRight');
    await waitReady(page);
    expect(parseShown(await figure.locator('[data-setting="n"] input[type="text"]').inputValue())).toBe(200);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const plotWidth = await figure
      .locator('[data-chart="density"] svg')
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(plotWidth).toBeLessThanOrEqual(360);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('re-renders its plots at the new width when the window narrows', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    const widths = () =>
      figure
        .locator('[data-part="canvas"] svg')
        .evaluateAll((svgs) => svgs.map((svg) => Number(svg.getAttribute('width'))));
    const wide = await widths();
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(async () => Math.max(...(await widths())), { timeout: 5000 }).toBeLessThanOrEqual(340);
    expect(Math.min(...wide)).toBeGreaterThan(500);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('says what it is computing during the heavy case (2 × 200 repeats × 100,000 samples) and still answers input', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    await typeSetting(figure, 'n', '100000');
    const status = figure.locator('[data-part="status"]');
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toMatch(/100,000.*\d+%/);
    expect(await figure.locator('[data-part="progress"]').isVisible()).toBe(true);
    // While it computes, the page still reacts: a click on the table toggle is handled before the repeats finish
    // (a functional check, not a timing: the work runs in slices, so input lands between them).
    const toggle = figure.locator('[data-chart="density"] [data-part="table-toggle"]');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await figure.getAttribute('data-state')).toBe('computing');
    await waitReady(page);
    expect(await figure.locator('[data-part="progress"]').isHidden()).toBe(true);
    const sd = await stat(figure, 'sd', 'prior');
    const theory = await stat(figure, 'sdTheory', 'prior');
    expect(Math.abs(sd / theory - 1)).toBeLessThan(0.3);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  // One page for both themes: the dark one is the same page switched live, as a reader's system would.
  describe('once interactive', () => {
    let opened: Awaited<ReturnType<typeof openWidget>> | undefined;
    beforeAll(async () => {
      opened = await openWidget(lang, { colorScheme: 'light' });
      for (const toggle of await opened.page.locator(`${FIGURE} [data-part="table-toggle"]`).all())
        await toggle.click();
    });
    afterAll(async () => {
      await opened?.close();
    });

    it.each(['light', 'dark'] as const)(
      'has no serious or critical axe violations once interactive (%s theme)',
      async (colorScheme) => {
        const page = opened!.page;
        if (colorScheme === 'dark') await switchToDarkTheme(page);
        expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(colorScheme);
        expect(await seriousViolations(page, FIGURE)).toEqual([]);
      },
    );
  });
});
