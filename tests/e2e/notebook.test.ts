/** Notebook cells in chapter 4, both languages: edit and run, reactivity, time limit, sandbox, storage, links, no-JS, axe, 360 px. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, openPage, siteUrl, useBrowser, useTab, type OpenedPage } from './harness';
import { seriousViolations } from './axe-helper';
import { cellOf, editorText, errorIn, numbersIn, runCell, typeCode, waitState } from './notebook-page';
import { shareFragment } from '../../src/notebook/share';
import { DEFAULT_LIMIT_MS } from '../../src/notebook/timer';

const browser = useBrowser();
// One tab for the visits (see useTab: storage starts empty each time); the time-limit test installs the page clock and
// the no-JavaScript one turns scripts off, so those two get a context of their own.
const visit = useTab(browser);
const BOOK_KL = readBookCell('kl-closed-form');

/** The book's code of a cell, English (the page's own copy is read in the tests that need the other language). */
function readBookCell(name: string): string {
  return readFileSync(`chapters/en/cells/two-terms/${name}.ts`, 'utf8').replace(/\n$/, '');
}

// KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + σ² − 1 − log σ²), written out here independently of src/core.
const kl = (mu: number, sigma: number) => 0.5 * (mu * mu + sigma * sigma - 1 - Math.log(sigma * sigma));

describe.skipIf(!hasBrowser).each(['en', 'zh'])('notebook cells in chapter 4 (%s)', (lang) => {
  const path = `${lang}/two-terms/`;

  it('load nothing up front; editing μ and running updates the cell and the Monte Carlo cell that uses it', async () => {
    const { page, problems, close } = await visit(path);
    const heavy: string[] = [];
    page.on('request', (r) => /notebook\.client|sandbox\.worker|codemirror/i.test(r.url()) && heavy.push(r.url()));
    await page.waitForTimeout(500);
    expect(heavy).toEqual([]);
    expect(await numbersIn(page, 'kl-closed-form')).toEqual([expect.closeTo(kl(1, 0.5), 6)]);
    const code = (await cellOf(page, 'kl-closed-form').getAttribute('data-cell-source')) ?? '';
    await typeCode(page, 'kl-closed-form', code.replace('value: 1,', 'value: 2,'));
    expect(await waitState(page, 'kl-closed-form', ['edited'])).toBe('edited');
    expect(await runCell(page, 'kl-closed-form')).toBe('done');
    expect(await waitState(page, 'kl-monte-carlo', ['done'])).toBe('done');
    expect(await page.evaluate(() => document.documentElement.dataset['notebookBackend'])).toBe('wasm');
    const [closed] = await numbersIn(page, 'kl-closed-form');
    expect(closed).toBeCloseTo(kl(2, 0.5), 5);
    const [closedAgain, monteCarlo, standardError] = await numbersIn(page, 'kl-monte-carlo');
    expect(closedAgain).toBeCloseTo(kl(2, 0.5), 5);
    expect(Math.abs((monteCarlo ?? 0) - kl(2, 0.5))).toBeLessThan(4 * (standardError ?? 0));
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('moving the μ slider re-runs the cell and the Monte Carlo cell with the new value', async () => {
    const { page, close } = await visit(path);
    const slider = cellOf(page, 'kl-closed-form').locator('input[type="range"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => {
        const n = document.querySelector('figure[data-cell-name="kl-monte-carlo"] [data-cell-output] .cell-number');
        return n && Math.abs(Number(n.textContent) - 0.5 * (1.2 * 1.2 + 0.25 - 1 - Math.log(0.25))) < 1e-5;
      },
      null,
      { timeout: 60_000 },
    );
    expect(await waitState(page, 'kl-monte-carlo', ['done'])).toBe('done');
    expect((await numbersIn(page, 'kl-closed-form'))[0]).toBeCloseTo(kl(1.2, 0.5), 5);
    expect(await slider.inputValue()).toBe('1.2');
    await close();
  });

  it('stops while (true) {} at the time limit (or with Stop), keeps other outputs, stays responsive, and runs next time', async () => {
    const { page, close } = await openPage(browser(), path);
    const before = await numbersIn(page, 'kl-closed-form');
    await typeCode(page, 'kl-monte-carlo', 'while (true) {}');
    // The page's clock runs in step with real time until the test jumps it past the limit, instead of sitting out 10 s
    // while the loop spins a core.
    await page.clock.install();
    await cellOf(page, 'kl-monte-carlo').locator('[data-cell-run]').click();
    await waitState(page, 'kl-monte-carlo', ['running']);
    const timer = cellOf(page, 'kl-monte-carlo').locator('[data-cell-timer]');
    await timer.waitFor({ state: 'visible' });
    const t0 = Date.now();
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    expect(Date.now() - t0).toBeLessThan(1000);
    if (lang === 'zh') await timer.locator('[data-cell-stop]').click();
    else await page.clock.fastForward(DEFAULT_LIMIT_MS);
    expect(await waitState(page, 'kl-monte-carlo', ['error'], 30_000)).toBe('error');
    expect((await errorIn(page, 'kl-monte-carlo'))?.code).toBe(lang === 'zh' ? 'stopped' : 'timeout');
    expect(await numbersIn(page, 'kl-closed-form')).toEqual(before);
    await typeCode(page, 'kl-monte-carlo', 'klClosed * 2');
    expect(await runCell(page, 'kl-monte-carlo')).toBe('done');
    expect((await numbersIn(page, 'kl-monte-carlo'))[0]).toBeCloseTo(2 * kl(1, 0.5), 5);
    await close();
  });

  // One page and one sandbox for the six forbidden calls: each replaces the cell's code, so none sees another's.
  describe('the sandbox', () => {
    let opened: OpenedPage | undefined;
    beforeAll(async () => {
      opened = await visit(path);
    });
    afterAll(async () => {
      await opened?.close();
    });

    it.each([
      ["await fetch('/')", 'fetch'],
      ["indexedDB.open('x')", 'indexedDB'],
      ["localStorage.getItem('vae-book:theme')", 'localStorage'],
      ['parent.document.title', 'parent'],
      ["new Function('return 1')()", 'Function'],
      ["(async () => {}).constructor('return 1')", 'constructor'],
    ])('a cell calling %s fails with a message naming %s', async (code, api) => {
      const page = opened!.page;
      await typeCode(page, 'kl-monte-carlo', code);
      // Edited first, so the run below cannot return the previous case's error. The warm sandbox answers within a
      // frame, so runCell's wait for 'running' would miss it and sit out its timeout: wait for the outcome alone.
      expect(await waitState(page, 'kl-monte-carlo', ['edited'])).toBe('edited');
      await cellOf(page, 'kl-monte-carlo').locator('[data-cell-run]').click();
      expect(await waitState(page, 'kl-monte-carlo', ['done', 'error'], 60_000)).toBe('error');
      const error = await errorIn(page, 'kl-monte-carlo');
      expect(error?.code).toBe('forbidden');
      expect(error?.text).toContain(api);
    });
  });

  it('keeps an edit across a reload, and Reset brings back the book code and the recorded output', async () => {
    const { page, close } = await visit(path);
    const recorded = await cellOf(page, 'kl-closed-form').locator('[data-cell-output]').innerHTML();
    const code = (await cellOf(page, 'kl-closed-form').getAttribute('data-cell-source')) ?? '';
    await typeCode(page, 'kl-closed-form', code.replace('const sigma = 0.5;', 'const sigma = 0.25;'));
    await page.reload({ waitUntil: 'load' });
    await cellOf(page, 'kl-closed-form').locator('.cm-content').waitFor();
    expect(await editorText(page, 'kl-closed-form')).toContain('const sigma = 0.25;');
    expect(await cellOf(page, 'kl-closed-form').locator('[data-cell-notice]').isVisible()).toBe(true);
    await cellOf(page, 'kl-closed-form').locator('[data-cell-reset]').click();
    expect(await editorText(page, 'kl-closed-form')).toBe(code);
    expect(await cellOf(page, 'kl-closed-form').getAttribute('data-state')).toBe('recorded');
    expect(await cellOf(page, 'kl-closed-form').locator('[data-cell-output]').innerHTML()).toBe(recorded);
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(300);
    expect(await cellOf(page, 'kl-closed-form').locator('.cm-content').count()).toBe(0);
    await close();
  });

  it('shows code from a shared link with a notice and runs it only when the reader presses Run', async () => {
    const shared = BOOK_KL.replace('value: 1,', 'value: -1.5,');
    const { page, close } = await visit(`${path}${shareFragment('kl-closed-form', shared)}`);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await cellOf(page, 'kl-closed-form').locator('.cm-content').waitFor();
    expect(await editorText(page, 'kl-closed-form')).toContain('value: -1.5,');
    expect(await cellOf(page, 'kl-closed-form').getAttribute('data-state')).toBe('shared');
    expect(await cellOf(page, 'kl-closed-form').locator('[data-cell-notice]').isVisible()).toBe(true);
    await page.waitForTimeout(1000);
    expect(workers).toEqual([]);
    expect(await numbersIn(page, 'kl-closed-form')).toEqual([expect.closeTo(kl(1, 0.5), 6)]);
    expect(await runCell(page, 'kl-closed-form')).toBe('done');
    expect((await numbersIn(page, 'kl-closed-form'))[0]).toBeCloseTo(kl(-1.5, 0.5), 5);
    await close();
  });

  it('without JavaScript shows the highlighted code and the recorded output', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(path, siteUrl).href);
    const cell = cellOf(page, 'kl-closed-form');
    expect(await cell.locator('pre').textContent()).toContain('gaussianKlPerDim(muT, logVarT)');
    expect(Number(await cell.locator('[data-cell-output] .cell-number').textContent())).toBeCloseTo(kl(1, 0.5), 5);
    expect(await cellOf(page, 'reconstruction-term').locator('[data-cell-output] img.cell-images').count()).toBe(1);
    expect(await cell.locator('[data-cell-toolbar]').isVisible()).toBe(false);
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious axe violations with the editor mounted (%s), and fits 360 px',
    async (colorScheme) => {
      const { page, close } = await visit(path, { colorScheme, width: 360 });
      await cellOf(page, 'kl-closed-form').locator('[data-cell-code]').click();
      await cellOf(page, 'kl-closed-form').locator('.cm-content').waitFor();
      expect(await seriousViolations(page, 'figure[data-cell-name="kl-closed-form"]')).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // Escape, then Tab, leaves the editor (CodeMirror's documented way out when Tab indents).
      await cellOf(page, 'kl-closed-form').locator('.cm-content').focus();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-cell-run'))).toBe(true);
      await close();
    },
  );
});
