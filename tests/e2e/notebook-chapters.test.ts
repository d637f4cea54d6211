/**
 * The cells of chapters 1, 2, 3, 5 and 7 run in the browser's sandbox (wasm) and show the numbers recorded in Node
 * (cpu). One language per chapter, alternating: the cells test already checks that both languages run the same code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasBrowser, useBrowser, useTab } from './harness';
import { cellOf, numbersIn, waitState } from './notebook-page';

const browser = useBrowser();
// One tab for the file: each visit navigates it afresh (see useTab), far cheaper than a new context per test.
const openPage = useTab(browser);

/** Chapter and the language its page is opened in. */
const PAGES = [
  ['generative-model', 'en'],
  ['maximum-likelihood', 'zh'],
  ['evidence-lower-bound', 'en'],
  ['reparameterization', 'zh'],
  ['beta-rate-distortion', 'en'],
] as const;

/** Agreement between the page (wasm, six significant digits shown) and the recording (cpu). */
const RELATIVE = 1e-3;

/** The numbers a recorded output shows, in document order: inspector numbers of every output of the cell. */
function recordedNumbers(chapter: string, name: string): number[] {
  const recorded = JSON.parse(readFileSync(`chapters/cells/${chapter}/${name}.output.json`, 'utf8')) as {
    outputs: unknown[];
  };
  const numbers: number[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'number' && typeof record['value'] === 'number') numbers.push(record['value']);
    Object.values(record).forEach(walk);
  };
  recorded.outputs.filter((o) => (o as { kind: string }).kind === 'inspect').forEach(walk);
  return numbers;
}

describe.skipIf(!hasBrowser).each(PAGES)('notebook cells in %s (%s)', (chapter, lang) => {
  const names = readdirSync(`chapters/${lang}/cells/${chapter}`).map((f) => f.replace(/\.ts$/, ''));

  it('each cell runs in the sandbox without an error and shows its recorded numbers', async () => {
    const { page, problems, close } = await openPage(`${lang}/${chapter}/`);
    const order = await page
      .locator('figure[data-cell]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['cellName']));
    expect([...order].sort()).toEqual([...names].sort());
    for (const name of order as string[]) {
      // A cell already run as another's dependent is not run again; a fast run can finish before 'running' shows.
      if ((await cellOf(page, name).getAttribute('data-state')) === 'recorded')
        await cellOf(page, name).locator('[data-cell-run]').click();
      expect(await waitState(page, name, ['done', 'error'], 90_000), `${chapter}/${name}`).toBe('done');
      const shown = await numbersIn(page, name);
      const recorded = recordedNumbers(chapter, name);
      expect(shown.length, `${chapter}/${name}: count of numbers`).toBe(recorded.length);
      shown.forEach((value, i) => {
        const expected = recorded[i] as number;
        expect(
          Math.abs(value - expected),
          `${chapter}/${name} number ${i}: ${value} vs ${expected}`,
        ).toBeLessThanOrEqual(1e-6 + RELATIVE * Math.abs(expected));
      });
      expect(await cellOf(page, name).locator('[data-cell-output] .cell-error').count()).toBe(0);
    }
    expect(problems.consoleErrors).toEqual([]);
    await close();
  }, 240_000);
});

// The toy's best encoder at β and its rate and distortion (chapter 7), written out here independently of src/core.
function toyAtBeta(beta: number): number[] {
  const [w, s, v] = [2, 0.5, 4.25];
  const c = w / (w * w + beta * s * s);
  const tau2 = (beta * s * s) / (w * w + beta * s * s);
  const distortion = 0.5 * Math.log(2 * Math.PI * s * s) + ((1 - w * c) ** 2 * v + w * w * tau2) / (2 * s * s);
  const rate = 0.5 * (c * c * v + tau2 - 1 - Math.log(tau2));
  return [beta, c, Math.sqrt(tau2), rate, distortion, distortion + beta * rate, distortion + rate];
}

describe.skipIf(!hasBrowser)('the β slider of chapter 7 (zh)', () => {
  it('after a run, moving β to its maximum re-runs its cell and the tangent chart with the toy at β = 10', async () => {
    const { page, problems, close } = await openPage('zh/beta-rate-distortion/');
    await cellOf(page, 'beta').locator('[data-cell-run]').click();
    expect(await waitState(page, 'tangent', ['done'], 90_000)).toBe('done');
    const slider = cellOf(page, 'beta').locator('input[type="range"]');
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(
      () =>
        document.querySelector('figure[data-cell-name="beta"] [data-cell-output] .cell-number')?.textContent === '10',
      null,
      { timeout: 90_000 },
    );
    expect(await waitState(page, 'beta', ['done'], 90_000)).toBe('done');
    expect(await waitState(page, 'tangent', ['done'], 90_000)).toBe('done');
    const shown = await numbersIn(page, 'beta');
    toyAtBeta(10).forEach((expected, i) => expect(shown[i]).toBeCloseTo(expected, 4));
    expect(shown[6]).toBeGreaterThan(2.1424 + 0.5);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  }, 240_000);
});
