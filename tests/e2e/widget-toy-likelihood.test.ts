/** Chapter 2's toy-likelihood widget in Chromium, in both languages: the numbers it shows are the chapter's and the closed forms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasBrowser, useBrowser, useTab } from './harness';
import { seriousViolations, switchToDarkTheme } from './axe-helper';

const browser = useBrowser();
// One tab for the file: each visit navigates it afresh (see useTab), far cheaper than a new context per test.
const openPage = useTab(browser);
const FIGURE = 'figure[data-widget="toy-likelihood"]';

// ℓ(w, b, s) = Σ log N(x; b, w² + s²), written out here independently of src/core.
const ell = (w: number, b: number, s: number, data: number[]) =>
  data.reduce(
    (sum, x) => sum - 0.5 * Math.log(2 * Math.PI * (w * w + s * s)) - (x - b) ** 2 / (2 * (w * w + s * s)),
    0,
  );
const DATA = [3, -1, 0, 2];
const shown3 = (value: number) => value.toFixed(3).replace('-', '\u2212');

/** Reads a number as the widget prints it: "−7.746", "1.5". */
function parseShown(text: string | null): number {
  const plain = (text ?? '')
    .trim()
    .replace(/\u2212/g, '-')
    .match(/^-?[\d.]+/);
  if (!plain) throw new Error(`not a number on the page: "${text}"`);
  return Number(plain[0]);
}

async function openWidget(lang: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const opened = await openPage(`${lang}/maximum-likelihood/`, options);
  const clientRequests: string[] = [];
  opened.page.on('request', (r) => r.url().includes('toy-likelihood.client') && clientRequests.push(r.url()));
  const figure = opened.page.locator(FIGURE);
  const stateAtLoad = await figure.getAttribute('data-state');
  const totalAtLoad = await figure.locator('[data-part="total"]').textContent();
  await figure.scrollIntoViewIfNeeded();
  await waitReady(opened.page);
  return { ...opened, figure, stateAtLoad, totalAtLoad, clientRequests };
}

async function waitReady(page: Page): Promise<void> {
  // Two frames: one for the change, one for the scheduler's redraw.
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.waitForSelector(`${FIGURE}[data-state="ready"]`, { timeout: 20_000 });
}

const total = async (figure: Locator) => parseShown(await figure.locator('[data-part="total"]').textContent());
const field = (figure: Locator, setting: string) => figure.locator(`[data-setting="${setting}"] input[type="text"]`);

describe.skipIf(!hasBrowser).each(['en', 'zh'])('the toy-likelihood widget on /%s/maximum-likelihood/', (lang) => {
  const button = (figure: Locator, en: string, zh: string) =>
    figure.getByRole('button', { name: lang === 'en' ? en : zh, exact: true });

  it('is server-rendered with the chapter’s column for w = 2, loads its client near the viewport, and draws three plots', async () => {
    const { page, figure, stateAtLoad, totalAtLoad, clientRequests, problems, close } = await openWidget(lang);
    expect(stateAtLoad).toBe('static');
    expect(totalAtLoad).toBe('\u22127.746');
    expect(clientRequests.length).toBe(1);
    expect(await figure.locator('[data-part="readout-body"] td').allTextContents()).toEqual([
      '\u22122.113',
      '\u22122.113',
      '\u22121.760',
      '\u22121.760',
    ]);
    expect(await figure.locator('[data-part="maximum"]').textContent()).toContain('\u22127.508');
    expect(await figure.locator('[data-part="canvas"] svg').count()).toBe(3);
    for (const svg of await figure.locator('[data-part="canvas"] svg').all()) {
      expect(await svg.getAttribute('aria-label')).toBeTruthy();
      const describedBy = await svg.getAttribute('aria-describedby');
      expect((await page.locator(`#${describedBy}`).textContent())?.length).toBeGreaterThan(40);
    }
    expect(await figure.locator('[data-chart="points"] svg g[data-mark="bar"] rect').count()).toBe(4);
    expect(await figure.locator('[data-part="static-note"]').isHidden()).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });

  it('moving w by keyboard from 2 to 2.5 changes ℓ to the exercise’s −8.189, and back down to 0.5 gives −12.289', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    const slider = figure.locator('[data-setting="w"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await waitReady(page);
    expect(await field(figure, 'w').inputValue()).toBe('2.5');
    expect(await slider.getAttribute('aria-valuetext')).toBe('2.5');
    expect(await figure.locator('[data-part="total"]').textContent()).toBe(shown3(ell(2.5, 1, 0.5, DATA)));
    expect(await figure.locator('[data-part="total"]').textContent()).toBe('\u22128.189');
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
    await waitReady(page);
    expect(await figure.locator('[data-part="total"]').textContent()).toBe('\u221212.289');
    // One badly explained point: 3 and −1 each cost 4.572 nats at w = 0.5.
    expect(await figure.locator('[data-part="readout-body"] td').allTextContents()).toEqual([
      '\u22124.572',
      '\u22124.572',
      '\u22121.572',
      '\u22121.572',
    ]);
    // The live region says it once the reader pauses.
    await expect
      .poll(() => figure.locator('[data-part="announce"]').textContent(), { timeout: 5000 })
      .toContain('\u221212.289');
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('gradient ascent animates a climb and stops at the closed-form maximum; reset restores the chapter’s values', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    // Start off-centre, so b has to move as well.
    await field(figure, 'b').fill('-2');
    await field(figure, 'b').press('Enter');
    await waitReady(page);
    const before = await total(figure);
    expect(before).toBeCloseTo(ell(2, -2, 0.5, DATA), 3);
    await button(figure, 'Climb ℓ by gradient ascent', '用梯度上升爬 ℓ').click();
    expect(await figure.getAttribute('data-state')).toBe('climbing');
    await expect.poll(() => total(figure), { timeout: 2000 }).toBeGreaterThan(before);
    await page.waitForSelector(`${FIGURE}[data-state="ready"]`, { timeout: 10_000 });
    await waitReady(page);
    expect(await figure.locator('[data-part="total"]').textContent()).toBe('\u22127.508');
    const [w, b, s] = await Promise.all(
      ['w', 'b', 's'].map(async (k) => Number((await field(figure, k).inputValue()).replace('\u2212', '-'))),
    );
    expect(b).toBeCloseTo(1, 5);
    expect(w! * w! + s! * s!).toBeCloseTo(2.5, 4);
    expect(await figure.locator('[data-part="status"]').textContent()).toContain('\u22127.508');
    await button(figure, 'Reset to the chapter’s values', '恢复正文里的取值').click();
    await waitReady(page);
    expect(await figure.locator('[data-part="total"]').textContent()).toBe('\u22127.746');
    expect(await field(figure, 'w').inputValue()).toBe('2');
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('edits the data: good input is applied and the maximum follows; bad input shows a message and is not applied', async () => {
    const { page, figure, problems, close } = await openWidget(lang);
    const dataField = figure.locator('[data-setting="data"] input');
    const message = figure.locator('[data-setting="data"] .widget-field-message');
    for (const bad of ['3, abc, 0', '3', '2, 2, 2', '3, 9']) {
      await dataField.fill(bad);
      await dataField.press('Enter');
      await waitReady(page);
      expect((await message.textContent())?.length, bad).toBeGreaterThan(5);
      expect(await dataField.getAttribute('aria-invalid')).toBe('true');
      expect(await figure.locator('[data-part="total"]').textContent(), bad).toBe('\u22127.746');
      expect(await figure.locator('[data-part="readout-body"] tr').count()).toBe(4);
    }
    expect(await message.textContent()).toContain('9');
    await dataField.fill('1, 2, 3, 4, 5');
    await dataField.press('Enter');
    await waitReady(page);
    expect(await message.textContent()).toBe('');
    expect(await dataField.getAttribute('aria-invalid')).toBe(null);
    expect(await figure.locator('[data-part="readout-body"] tr').count()).toBe(5);
    expect(await figure.locator('[data-chart="points"] svg g[data-mark="bar"] rect').count()).toBe(5);
    expect(await total(figure)).toBeCloseTo(ell(2, 1, 0.5, [1, 2, 3, 4, 5]), 3);
    // Mean 3, variance 2: the maximum is −(5/2)(log(4π) + 1).
    expect(await figure.locator('[data-part="maximum"]').textContent()).toContain(
      shown3(-2.5 * (Math.log(4 * Math.PI) + 1)),
    );
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('shows each plot as a table, and fits a 360 px screen', async () => {
    const { page, figure, problems, close } = await openWidget(lang, { width: 360 });
    const toggles = figure.locator('[data-part="table-toggle"]');
    expect(await toggles.count()).toBe(3);
    for (const toggle of await toggles.all()) {
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    }
    expect(await figure.locator('[data-part="table"] table').count()).toBe(3);
    const pointsRows = await figure.locator('[data-chart="points"] [data-part="table"] tbody tr').allTextContents();
    expect(pointsRows.at(-1)).toContain('\u22127.746');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const svg of await figure.locator('[data-part="canvas"] svg').all())
      expect(await svg.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(360);
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
