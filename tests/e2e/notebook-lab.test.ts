/**
 * Chapter 6's loss cell trains the lab, both languages: averaging the reconstruction over pixels collapses the posterior
 * (KL < 1 nat, at most one active unit), "Back to the book's loss" brings the book's loss back, and a loss that throws
 * stops training with the reader's message and the model where it was.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useBrowser } from './harness';
import { openLab, type LabPage } from './lab-page';
import { cellOf, typeCode } from './notebook-page';
import { READER_LOSS_STRINGS } from '../../src/i18n/widgets/reader-loss';

const browser = useBrowser();
const CELL = 'loss';

/** The text of the status line under the cell's buttons. */
const statusText = (page: Page) => page.locator('[data-reader-loss-status]').textContent();

/** Edits the loss cell with `edit`, picks where training starts, and presses "Train the lab with this cell". */
async function trainWith(lab: LabPage, edit: (code: string) => string, from: 'current' | 'scratch'): Promise<void> {
  const code = (await cellOf(lab.page, CELL).getAttribute('data-cell-source')) ?? '';
  await typeCode(lab.page, CELL, edit(code));
  const group = lab.page.locator('[data-reader-loss]');
  await group.locator(`input[value="${from}"]`).check();
  await group.locator('[data-reader-loss-train]').click();
}

/** A readout's value in nats, small ones included ("1.2e-3", "−0.5"): the lab's shownNumber reads no exponent. */
async function nats(lab: LabPage, metric: string): Promise<number> {
  const text = (await lab.lab.locator(`[data-metric="${metric}"] dd`).textContent()) ?? '';
  return Number(text.trim().replace(/\u2212/g, '-'));
}

/** Waits until `read` satisfies `ok`, reading every 250 ms; fails with the last value after `ms`. */
async function eventually(
  read: () => Promise<number>,
  ok: (v: number) => boolean,
  ms: number,
  what: string,
): Promise<number> {
  const start = Date.now();
  let value = await read();
  while (!ok(value)) {
    if (Date.now() - start > ms) throw new Error(`${what} stayed at ${value} for ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

describe.skipIf(!hasBrowser).each(['en', 'zh'] as const)('chapter 6 loss cell trains the lab (%s)', (lang) => {
  const s = READER_LOSS_STRINGS[lang];
  const path = `${lang}/training-a-vae/?backend=wasm&lab.start=scratch&lab.seed=3`;

  it('averaging the reconstruction over pixels collapses the posterior; Back to the book’s loss trains with the book’s loss again', async () => {
    const lab = await openLab(browser(), path);
    await trainWith(
      lab,
      (code) =>
        code.replace(
          'bernoulliReconstruction(logits, x); // [batch]',
          'bernoulliReconstruction(logits, x).div(784); // [batch]',
        ),
      'scratch',
    );
    await lab.page.waitForFunction(
      (text) => document.querySelector('[data-reader-loss-status]')?.textContent === text,
      s.usingScratch,
      { timeout: 60_000 },
    );
    await lab.waitState('training');
    // Measured in Node with these settings: KL below 0.1 nat and no active unit by step 50.
    await lab.waitStep(150, 180_000);
    await eventually(
      () => nats(lab, 'kl'),
      (kl) => kl < 1,
      60_000,
      'the KL',
    );
    await eventually(
      () => lab.metric('active'),
      (active) => active <= 1,
      60_000,
      'the active units',
    );
    // The lab's loss readout is the reader's: reconstruction / 784 + KL, far below −ELBO.
    expect(await nats(lab, 'objective')).toBeLessThan((await nats(lab, 'negElbo')) / 10);

    await lab.page.locator('[data-reader-loss-book]').click();
    await lab.page.waitForFunction(
      (text) => document.querySelector('[data-reader-loss-status]')?.textContent === text,
      s.book,
      { timeout: 60_000 },
    );
    const back = await lab.metric('step');
    // Measured in Node: 50 steps after going back the KL is near 8 nats again, every dimension active.
    await lab.waitStep(back + 50, 180_000);
    await eventually(
      () => nats(lab, 'kl'),
      (kl) => kl > 2,
      60_000,
      'the KL after going back',
    );
    // At β = 1 the book's loss is −ELBO again.
    const [objective, negElbo] = [await nats(lab, 'objective'), await nats(lab, 'negElbo')];
    expect(Math.abs(objective - negElbo)).toBeLessThan(0.2);
    expect(lab.problems.consoleErrors).toEqual([]);
    await lab.close();
  }, 420_000);

  it('a loss that throws stops training with the reader’s message, and the model stays where it was', async () => {
    const lab = await openLab(browser(), path);
    // Without the cell's check on blank images, which would throw already when the lab loads the cell.
    const throwing = (code: string) =>
      code
        .replace('return reconstruction.add(kl.mul(beta));', "throw new Error('reader boom');")
        .replace(/\nloss\(\{[^\n]*$/, '');
    await trainWith(lab, throwing, 'current');
    await lab.page.waitForFunction(
      () => document.querySelector('[data-reader-loss-status]')?.hasAttribute('data-failed'),
      null,
      { timeout: 60_000 },
    );
    const text = (await statusText(lab.page)) ?? '';
    expect(text).toContain('reader boom');
    expect(text).toBe(s.threw.replace('{step}', '1').replace('{detail}', 'reader boom'));
    await lab.waitState('paused', 'ready');
    // No step was taken: the step readout still shows none (—), so nothing was plotted.
    expect(await lab.metric('step')).toBeNaN();
    expect(await lab.lab.locator('[data-lab="warning"]').textContent()).toContain('reader boom');
    await lab.close();
  }, 240_000);
});
