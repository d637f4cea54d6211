/** Driving the VAE lab in Chromium the way a reader does: open a chapter, wait for the lab, press buttons, read the page. */
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage } from './harness';

/** The lab figure with a given id ('lab' in chapter 6, 'beta-lab' in chapter 7). */
export const labSelector = (id = 'lab') => `figure[data-widget="vae-lab"][data-id="${id}"]`;

/** Reads a number as the lab prints it ("107.9", "−12.8", "16 / 16" → 16); NaN for "—". */
export function shownNumber(text: string | null): number {
  const t = (text ?? '').trim().replace(/\u2212/g, '-');
  const match = t.match(/^-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : Number.NaN;
}

/** An open lab page and the things a test asks of it. */
export interface LabPage {
  page: Page;
  lab: Locator;
  problems: { consoleErrors: string[]; failedRequests: string[]; foreignRequests: string[] };
  close(): Promise<void>;
  /** The readout value of `metric` (data-metric) as a number. */
  metric(metric: string): Promise<number>;
  /** Waits until the figure's data-state is one of `states`. */
  waitState(...states: string[]): Promise<void>;
  /** Waits until the readout's step is at least `step`. */
  waitStep(step: number, timeout?: number): Promise<void>;
  /** Types into a field and presses Enter. */
  enter(fieldId: string, value: string): Promise<void>;
}

/** Opens `path` (with query), records long main-thread tasks from the start, scrolls to the lab and waits for it. */
export async function openLab(
  browser: Browser,
  path: string,
  options: { id?: string; width?: number; ready?: boolean } = {},
): Promise<LabPage> {
  const opened = await openPage(browser, path, options.width ? { width: options.width } : {});
  const { page } = opened;
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  const lab = page.locator(labSelector(options.id));
  await lab.scrollIntoViewIfNeeded();
  const labPage: LabPage = {
    ...opened,
    lab,
    metric: async (metric) => shownNumber(await lab.locator(`[data-metric="${metric}"] dd`).textContent()),
    waitState: async (...states) => {
      await page.waitForFunction(
        ([selector, wanted]) => wanted.includes(document.querySelector<HTMLElement>(selector)?.dataset['state'] ?? ''),
        [labSelector(options.id), states] as const,
        { timeout: 90_000 },
      );
    },
    waitStep: async (step, timeout = 90_000) => {
      await page.waitForFunction(
        ([selector, wanted]) => {
          const text = document.querySelector(`${selector} [data-metric="step"] dd`)?.textContent ?? '';
          return Number(text) >= wanted;
        },
        [labSelector(options.id), step] as const,
        { timeout },
      );
    },
    enter: async (fieldId, value) => {
      const field = lab.locator(`#${fieldId}`);
      await field.fill(value);
      await field.press('Enter');
    },
  };
  if (options.ready !== false) await labPage.waitState('ready', 'failed');
  return labPage;
}

/** The longest main-thread task (ms) seen since the page opened, and how many went over 50 ms. */
export async function longTasks(page: Page): Promise<{ longest: number; count: number }> {
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return { longest: Math.max(0, ...tasks), count: tasks.length };
}

/** Reads the readout `count` times, each once the shown step has moved `everySteps` past the last reading; each (step, value). */
export async function sampleReadout(
  lab: LabPage,
  metric: string,
  count: number,
  everySteps = 5,
): Promise<{ step: number; value: number }[]> {
  const seen: { step: number; value: number }[] = [];
  while (seen.length < count) {
    const last = seen.at(-1)?.step;
    if (last !== undefined) await lab.waitStep(last + everySteps);
    const step = await lab.metric('step');
    const value = await lab.metric(metric);
    expect(Number.isFinite(step), `the step readout while sampling ${metric}`).toBe(true);
    if (seen.at(-1)?.step !== step) seen.push({ step, value });
  }
  return seen;
}

/**
 * Asserts that `read` gives the same value for `ms`, checking every 100 ms and failing at the first change. A claim that
 * something does not happen has no event to wait for; the window is named here, once, with its reason at the call.
 */
export async function expectUnchanged(
  page: Page,
  read: () => Promise<number>,
  ms: number,
  what: string,
): Promise<void> {
  const first = await read();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await page.waitForTimeout(100);
    expect(await read(), `${what} changed`).toBe(first);
  }
}
