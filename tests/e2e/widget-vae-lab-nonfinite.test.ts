/**
 * A learning rate that diverges, in the lab in chapter 6: the lab names the step whose loss broke and the step the model
 * is back at, suggests a smaller rate, and after the reader lowers it training goes on without a reset.
 */
import { describe, expect, it } from 'vitest';
import { hasBrowser, useBrowser } from './harness';
import { openLab, shownNumber } from './lab-page';

const browser = useBrowser();

/** At 10 Adam moves every weight by about 10 in its first steps: the KL's e^{log σ²} overflows within a few steps. */
const DIVERGES = '10';

describe.skipIf(!hasBrowser)('the VAE lab at a learning rate that diverges', () => {
  it.each([
    // language, the warning's shape (step, restored step), the suggestion, the paused status for the restored step
    [
      'en',
      /NaN or infinite at step (\d+), .* back to the model as it was after step (\d+); no NaN reached the weights/,
      'such as 1 (now 10)',
      'Paused at step {step}.',
    ],
    [
      'zh',
      /第 (\d+) 步的损失变成了 NaN 或无穷大，训练已停下，模型退回到第 (\d+) 步之后的样子/,
      '比如 1（现在是 10）',
      '已暂停，当前第 {step} 步。',
    ],
  ] as const)(
    '%s: says which step diverged and where the model is back, suggests a smaller rate, and trains on after it is lowered',
    async (lang, shape, suggestion, paused) => {
      const lab = await openLab(browser(), `${lang}/training-a-vae/?backend=wasm`);
      try {
        const warning = lab.lab.locator('[data-lab="warning"]');
        const train = lab.lab.locator('[data-lab="train"]');
        await train.click();
        await lab.waitStep(30);
        await train.click();
        await lab.waitState('paused');
        const before = await lab.metric('step');
        await lab.enter('lab-learningRate', DIVERGES);
        await train.click();
        // A few steps at this rate take milliseconds: the warning is the signal, then the worker's paused status.
        await warning.waitFor({ state: 'visible', timeout: 90_000 });
        await lab.waitState('paused');
        const text = (await warning.textContent()) ?? '';
        expect(await warning.isVisible()).toBe(true);
        const [, broke, restored] = text.match(shape) ?? [];
        expect(Number(broke), text).toBeGreaterThan(Number(restored));
        // Raised after a run at the default rate: training returns to before the raise, not to the start.
        expect(Number(restored)).toBeGreaterThan(before - 5);
        expect(text).toContain(suggestion);
        expect(await lab.lab.locator('[data-lab="status"]').textContent()).toBe(
          paused.replace('{step}', String(restored)),
        );
        // The readout no longer shows any step that was undone.
        expect(await lab.metric('step')).toBeLessThanOrEqual(Number(restored));

        await lab.enter('lab-learningRate', '0.001');
        await train.click();
        await lab.waitState('training');
        expect(await warning.isVisible()).toBe(false);
        await lab.waitStep(Number(restored) + 40);
        await train.click();
        await lab.waitState('paused');
        expect(await warning.isVisible()).toBe(false);
        const loss = shownNumber(await lab.lab.locator('[data-metric="negElbo"] dd').textContent());
        expect(Number.isFinite(loss) && loss > 0 && loss < 1000, `−ELBO after training on: ${loss}`).toBe(true);
        expect(lab.problems.consoleErrors).toEqual([]);
      } finally {
        await lab.close();
      }
    },
  );
});
