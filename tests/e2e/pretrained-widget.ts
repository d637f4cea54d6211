/** Reading the widgets on the pretrained VAE (chapter 1's prior samples, chapter 3's ELBO gap) the way the page prints them. */
import type { Locator, Page } from 'playwright-core';

/** A value as the widgets print it, "−116.8 ± 0.31", as numbers. */
export function parseEstimate(text: string | null): { mean: number; se: number } {
  const match = (text ?? '').replace(/\u2212/g, '-').match(/^\s*(-?[\d.]+) ± ([\d.]+)\s*$/);
  if (!match) throw new Error(`not an estimate on the page: "${text}"`);
  return { mean: Number(match[1]), se: Number(match[2]) };
}

/** The estimate in the stats table's row `row` of `figure`. */
export const estimate = async (figure: Locator, row: string) =>
  parseEstimate(await figure.locator(`tr[data-stat="${row}"] td[data-col="estimate"]`).textContent());

/** Waits until the widget `figureSelector` has finished test image `image` (its stats table is `data-part="stats"`). */
export async function waitImage(page: Page, figureSelector: string, image: number): Promise<void> {
  await page.waitForFunction(
    ([selector, stats, wanted]) => {
      const figure = document.querySelector<HTMLElement>(selector);
      return (
        figure?.dataset['state'] === 'ready' && figure.querySelector<HTMLElement>(stats)?.dataset['image'] === wanted
      );
    },
    [figureSelector, '[data-part="stats"]', String(image)] as const,
    { timeout: 60_000 },
  );
}
