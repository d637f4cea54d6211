/** Helpers for the notebook end-to-end tests: open chapter 4, find a cell, replace its code, run it, read its numbers. */
import type { Locator, Page } from 'playwright-core';

/** The cell figure named `name` on the page. */
export const cellOf = (page: Page, name: string): Locator => page.locator(`figure[data-cell-name="${name}"]`);

/** Waits until the cell's state is one of `states`. */
export async function waitState(
  page: Page,
  name: string,
  states: readonly string[],
  timeout = 30_000,
): Promise<string> {
  const handle = await page.waitForFunction(
    ({ n, s }) => {
      const state = document.querySelector<HTMLElement>(`figure[data-cell-name="${n}"]`)?.dataset['state'];
      return state && s.includes(state) ? state : null;
    },
    { n: name, s: states },
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/** Replaces the whole code of a cell in its editor, as a reader would (focus, select all, type). */
export async function typeCode(page: Page, name: string, code: string): Promise<void> {
  const cell = cellOf(page, name);
  if ((await cell.locator('.cm-content').count()) === 0) await cell.locator('[data-cell-code]').click();
  const editor = cell.locator('.cm-content');
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

/** The text of the editor (CodeMirror lines joined). */
export async function editorText(page: Page, name: string): Promise<string> {
  return cellOf(page, name)
    .locator('.cm-content')
    .evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
}

/** Runs a cell with its Run button and waits for it (and the run's downstream cells) to finish. */
export async function runCell(page: Page, name: string): Promise<string> {
  await cellOf(page, name).locator('[data-cell-run]').click();
  await page
    .waitForFunction(
      (n) => document.querySelector<HTMLElement>(`figure[data-cell-name="${n}"]`)?.dataset['state'] === 'running',
      name,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  return waitState(page, name, ['done', 'error'], 60_000);
}

/** The numbers in a cell's output, in order. */
export async function numbersIn(page: Page, name: string): Promise<number[]> {
  const texts = await cellOf(page, name).locator('[data-cell-output] .cell-number').allTextContents();
  return texts.map(Number);
}

/** The error message a cell shows, or null. */
export async function errorIn(page: Page, name: string): Promise<{ code: string | null; text: string } | null> {
  const error = cellOf(page, name).locator('[data-cell-output] .cell-error');
  if ((await error.count()) === 0) return null;
  return { code: await error.getAttribute('data-error-code'), text: (await error.textContent()) ?? '' };
}
