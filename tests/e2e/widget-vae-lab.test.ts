/**
 * The VAE lab in Chromium, as a reader uses it: train from scratch and watch the losses fall, move β and watch the KL
 * respond, reset, and see the backend that ran — in both languages; plus the faults a reader can cause.
 */
import { describe, expect, it } from 'vitest';
import { hasBrowser, useBrowser } from './harness';
import { expectUnchanged, longTasks, openLab, sampleReadout } from './lab-page';

const browser = useBrowser();
const BACKEND_TITLE = { wasm: 'WebAssembly', webgl: 'WebGL' } as const;

describe.skipIf(!hasBrowser)('the VAE lab in chapter 6', () => {
  it.each(['en', 'zh'] as const)(
    '%s: trains from scratch with falling, finite losses; Reset starts over with the same settings; the backend shown is the one that ran',
    async (lang) => {
      const lab = await openLab(browser(), `${lang}/training-a-vae/?backend=wasm&lab.start=scratch&lab.seed=3`);
      expect(await lab.lab.getAttribute('data-state')).toBe('ready');
      expect(await lab.lab.getAttribute('data-backend')).toBe('wasm');
      expect(await lab.lab.locator('[data-lab="backend"]').textContent()).toContain(BACKEND_TITLE.wasm);
      expect(await lab.lab.locator('[data-metric="step"] dd').textContent()).toBe('—');

      // One step first, so the comparison is between steps, not between however fast this machine samples the readout.
      await lab.lab.locator('[data-lab="step"]').click();
      await lab.waitStep(1);
      const first = await lab.metric('negElbo');
      await lab.lab.locator('[data-lab="train"]').click();
      await lab.waitState('training');
      const readings = await sampleReadout(lab, 'negElbo', 4);
      await lab.waitStep(200);
      await lab.lab.locator('[data-lab="train"]').click();
      await lab.waitState('paused');
      const values = [first, ...readings.map((r) => r.value), await lab.metric('negElbo')];
      for (const v of values) expect(Number.isFinite(v)).toBe(true);
      // From random weights −ELBO starts near 540 nats per image; 200 Adam steps take off well over 100.
      expect(values.at(-1)!).toBeLessThan(first - 100);
      await lab.lab.locator('[data-chart="loss"]').scrollIntoViewIfNeeded();
      await expect.poll(() => lab.lab.locator('[data-chart="loss"] svg').count(), { timeout: 30_000 }).toBe(1);
      expect(
        await lab.lab.locator('[data-lab="reconstructions"]').evaluate((c: HTMLCanvasElement) => c.width),
      ).toBeGreaterThan(100);

      const { longest, count } = await longTasks(lab.page);
      console.info(
        `lab (${lang}, wasm): readings ${JSON.stringify(readings)}; longest main-thread task ${longest.toFixed(0)} ms (${count} over 50 ms)`,
      );

      await lab.lab.locator('[data-lab="reset"]').click();
      await lab.waitState('ready');
      expect(await lab.lab.locator('[data-metric="step"] dd').textContent()).toBe('—');
      expect(lab.page.url()).toContain('lab.seed=3');
      expect(await lab.lab.locator(`#lab-seed`).inputValue()).toBe('3');
      await lab.lab.locator('[data-lab="step"]').click();
      await lab.waitStep(1);
      expect(lab.problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await lab.close();
    },
  );

  it('β from 1 to 4: the KL shown falls by more than a quarter within 300 steps, and the change is marked on the chart', async () => {
    const lab = await openLab(browser(), 'en/training-a-vae/?backend=wasm');
    await lab.lab.locator('[data-lab="train"]').click();
    await lab.waitStep(60);
    const before = (await sampleReadout(lab, 'kl', 4)).map((r) => r.value);
    const changeStep = await lab.metric('step');
    await lab.enter('lab-beta-field', '4');
    expect(lab.page.url()).toContain('lab.beta=4');
    await lab.waitStep(changeStep + 300);
    const after = (await sampleReadout(lab, 'kl', 4)).map((r) => r.value);
    await lab.lab.locator('[data-lab="train"]').click();
    await lab.waitState('paused');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.info(
      `β 1→4 at step ${changeStep}: KL ${mean(before).toFixed(1)} → ${mean(after).toFixed(1)} nats within 300 steps`,
    );
    expect(mean(after)).toBeLessThan(0.75 * mean(before));
    await lab.lab.locator('[data-chart="loss"]').scrollIntoViewIfNeeded();
    await expect
      .poll(() => lab.lab.locator('[data-chart="loss"] [data-lab="description"]').textContent(), { timeout: 30_000 })
      .toContain('β changes: 1');
    await lab.lab.locator('[data-chart="loss"] [data-lab="table-toggle"]').click();
    expect(await lab.lab.locator('[data-chart="loss"] table').textContent()).toContain('4');
    await lab.close();
  });

  it('refuses bad input with a message and keeps the reader’s settings: a non-numeric β, a bad link, a foreign file', async () => {
    const lab = await openLab(browser(), 'en/training-a-vae/?backend=wasm&lab.beta=abc&lab.z=0');
    const warning = await lab.lab.locator('[data-lab="warning"]').textContent();
    expect(warning).toContain('“abc”');
    expect(warning).toContain('“0”');
    await lab.enter('lab-beta-field', 'four');
    expect(await lab.lab.locator('#lab-beta-message').textContent()).toContain('Not applied');
    expect(await lab.lab.locator('#lab-beta-field').getAttribute('aria-invalid')).toBe('true');
    expect(lab.page.url()).not.toContain('beta=four');
    await lab.enter('lab-beta-field', '11');
    expect(await lab.lab.locator('#lab-beta-message').textContent()).toContain('from 0 to 10');
    await lab.lab.locator('[data-lab="import"]').setInputFiles({
      name: 'digit.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
    await expect
      .poll(() => lab.lab.locator('[data-lab="keep-message"]').textContent(), { timeout: 30_000 })
      .toContain('not a model exported from this book');
    expect(await lab.lab.getAttribute('data-state')).toBe('ready');
    expect(lab.problems.consoleErrors).toEqual([]);
    await lab.close();
  });

  it('pauses while the tab is hidden and resumes on return', async () => {
    const lab = await openLab(browser(), 'en/training-a-vae/?backend=wasm');
    await lab.lab.locator('[data-lab="train"]').click();
    await lab.waitStep(10);
    const setHidden = (hidden: boolean) =>
      lab.page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { value: h, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await lab.waitState('paused');
    expect(await lab.lab.locator('[data-lab="status"]').textContent()).toContain('tab is hidden');
    const stepWhileHidden = await lab.metric('step');
    // Paused, so no metrics event can come: a second (≈ 10 steps on wasm) would show a step that slipped through.
    await expectUnchanged(lab.page, () => lab.metric('step'), 1000, 'the step shown while the tab is hidden');
    expect(await lab.metric('step')).toBe(stepWhileHidden);
    await setHidden(false);
    await lab.waitState('training');
    await lab.waitStep(stepWhileHidden + 10);
    await lab.close();
  });

  it('runs on software WebGL when allowed, and says so; without permission it falls back and names the backend it uses', async () => {
    const gl = await openLab(browser(), 'en/training-a-vae/?backend=webgl&softwareWebGL=1');
    expect(await gl.lab.getAttribute('data-backend')).toBe('webgl');
    expect(await gl.lab.locator('[data-lab="backend"]').textContent()).toContain(BACKEND_TITLE.webgl);
    await gl.lab.locator('[data-lab="train"]').click();
    await gl.waitStep(10, 120_000);
    expect(Number.isFinite(await gl.metric('negElbo'))).toBe(true);
    await gl.close();

    const fallback = await openLab(browser(), 'en/training-a-vae/?backend=webgl');
    const used = await fallback.lab.getAttribute('data-backend');
    expect(used).not.toBe('webgl');
    expect(await fallback.lab.locator('[data-lab="warning"]').textContent()).toContain('no usable WebGL');
    await fallback.close();
  });
});
