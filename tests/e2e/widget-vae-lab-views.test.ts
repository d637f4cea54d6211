/**
 * The VAE lab's images and keeping a model, in Chromium: the latent map decodes where the reader points, a drawn digit
 * lands on the map, the manifold grid, a diverged model explains itself, a saved model comes back, a β sweep plots its
 * points, and the lab passes axe and fits 360 px.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, useBrowser } from './harness';
import { labSelector, openLab } from './lab-page';
import { axeViolations, switchToDarkTheme } from './axe-helper';
import { ROOT } from '../helpers/site';
import { parseCheckpoint, serializeCheckpoint } from '../../src/core/checkpoint-format';
import { encodeModelFile } from '../../src/components/widgets/lab/model-file';
import { DEFAULT_LAB_SETTINGS } from '../../src/components/widgets/lab/settings';

const browser = useBrowser();

/** A lab file whose weights are the 2-D checkpoint's with the first layer set to NaN: training diverges at once. */
function divergedModelFile(): Buffer {
  const checkpoint = parseCheckpoint(readFileSync(join(ROOT, 'public/checkpoints/mnist-z2.bin')));
  const weights = checkpoint.weights.map((w, i) =>
    i === 0 ? { ...w, values: new Float32Array(w.values.length).fill(Number.NaN) } : w,
  );
  const bytes = serializeCheckpoint(checkpoint.config, weights, checkpoint.meta);
  return Buffer.from(
    encodeModelFile({
      checkpoint: bytes,
      settings: { ...DEFAULT_LAB_SETTINGS, latentSize: 2 },
      step: 7,
      savedAt: Date.now(),
    }),
  );
}

describe.skipIf(!hasBrowser)('the VAE lab: images, latent map, keeping a model, β sweep', () => {
  it('latent size 2: the manifold grid, decoding where the pointer is (and from the keyboard), a drawn digit and a picked test image on the map', async () => {
    const lab = await openLab(browser(), 'en/training-a-vae/?backend=wasm&lab.z=2');
    const map = lab.lab.locator('[data-chart="latent"] [data-lab="canvas"]');
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.locator('.lab-latent-point circle').count(), { timeout: 30_000 }).toBe(1000);
    await expect
      .poll(() => lab.lab.locator('[data-lab="grid"]').evaluate((c: HTMLCanvasElement) => c.width), { timeout: 30_000 })
      .toBeGreaterThan(15 * 28);
    expect(await lab.lab.locator('[data-lab="latent-dims"]').textContent()).toBe('The two latent dimensions.');

    await map.scrollIntoViewIfNeeded();
    const box = (await map.locator('svg').boundingBox())!;
    await lab.page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3);
    await expect
      .poll(() => lab.lab.locator('[data-lab="decoded-caption"]').textContent(), { timeout: 30_000 })
      .toMatch(/Decoded at z1 = [\d.]+, z2 = [\d.]+/);
    await map.focus();
    await lab.page.keyboard.press('ArrowLeft');
    const caption = await lab.lab.locator('[data-lab="decoded-caption"]').textContent();
    await lab.page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => lab.lab.locator('[data-lab="decoded-caption"]').textContent(), { timeout: 30_000 })
      .not.toBe(caption);

    await lab.lab.locator('[data-lab="draw-pad"]').scrollIntoViewIfNeeded();
    const pad = (await lab.lab.locator('[data-lab="draw-pad"]').boundingBox())!;
    await lab.page.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * 0.15);
    await lab.page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await lab.page.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * (0.15 + 0.07 * i));
    await lab.page.mouse.up();
    await expect
      .poll(() => lab.lab.locator('[data-lab="draw-encoding"]').textContent(), { timeout: 30_000 })
      .toContain('q(z|x): mean (');
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.locator('.lab-probe').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const drawn = await lab.lab.locator('[data-lab="draw-encoding"]').textContent();
    await lab.enter('lab-pick', '7');
    await lab.lab.locator('[data-lab="pick-use"]').click();
    await expect
      .poll(() => lab.lab.locator('[data-lab="draw-encoding"]').textContent(), { timeout: 30_000 })
      .not.toBe(drawn);
    await lab.enter('lab-pick', '-1');
    await lab.lab.locator('[data-lab="pick-use"]').click();
    expect(await lab.lab.locator('#lab-pick-message').textContent()).toContain('whole number');
    expect(lab.problems.consoleErrors).toEqual([]);
    await lab.close();
  });

  it('a diverging model stops with an explanation, and Reset keeps the settings and trains again', async () => {
    const lab = await openLab(browser(), 'en/training-a-vae/?backend=wasm');
    await lab.lab
      .locator('[data-lab="import"]')
      .setInputFiles({ name: 'diverged.vaelab', mimeType: 'application/octet-stream', buffer: divergedModelFile() });
    await expect
      .poll(() => lab.lab.locator('[data-lab="keep-message"]').textContent(), { timeout: 30_000 })
      .toContain('Imported a model at step 7');
    await lab.waitState('ready');
    expect(lab.page.url()).toContain('lab.z=2');
    await lab.lab.locator('[data-lab="train"]').click();
    await expect
      .poll(() => lab.lab.locator('[data-lab="warning"]').textContent(), { timeout: 30_000 })
      .toContain('NaN or infinite');
    await lab.waitState('paused');
    await lab.lab.locator('[data-lab="reset"]').click();
    await lab.waitState('ready');
    expect(await lab.lab.locator('#lab-latentSize').inputValue()).toBe('2');
    await lab.lab.locator('[data-lab="train"]').click();
    await lab.waitStep(20);
    expect(Number.isFinite(await lab.metric('negElbo'))).toBe(true);
    await lab.close();
  });

  it('saves the model in the browser and restores it after a reload; exports a file that imports again', async () => {
    const lab = await openLab(browser(), 'en/training-a-vae/?backend=wasm');
    await lab.lab.locator('[data-lab="step"]').click();
    await lab.waitStep(1);
    await lab.lab.locator('[data-lab="save"]').click();
    await expect
      .poll(() => lab.lab.locator('[data-lab="keep-message"]').textContent(), { timeout: 30_000 })
      .toContain('Saved in this browser at step 1');
    const download = lab.page.waitForEvent('download');
    await lab.lab.locator('[data-lab="export"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.vaelab$/);
    // The shared browser is connected remotely, where a download has no local path: save a copy instead.
    const copy = join(tmpdir(), `lab-export-${process.pid}-${Date.now()}.vaelab`);
    await file.saveAs(copy);
    const exported = readFileSync(copy);

    await lab.page.reload();
    await lab.lab.scrollIntoViewIfNeeded();
    await lab.waitState('ready');
    await expect.poll(() => lab.lab.locator('[data-lab="restore"]').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await lab.lab.locator('[data-lab="restore-note"]').textContent()).toContain('(step 1)');
    await lab.lab.locator('[data-lab="restore"]').click();
    await expect
      .poll(() => lab.lab.locator('[data-lab="keep-message"]').textContent(), { timeout: 30_000 })
      .toContain('Restored your model from step 1');
    await lab.waitState('ready');
    await lab.lab
      .locator('[data-lab="import"]')
      .setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/octet-stream', buffer: exported });
    await expect
      .poll(() => lab.lab.locator('[data-lab="keep-message"]').textContent(), { timeout: 30_000 })
      .toContain('Imported a model at step 1');
    await lab.waitState('ready');
    expect(lab.problems.consoleErrors).toEqual([]);
    await lab.close();
  });

  it('zh, chapter 7: the β sweep plots its points in the rate–distortion plane and can be stopped', async () => {
    const lab = await openLab(browser(), 'zh/beta-rate-distortion/?backend=wasm', { id: 'beta-lab' });
    // If the lab failed to start, its status line says why: put that in the failure instead of a bare timeout.
    expect(
      await lab.lab.getAttribute('data-state'),
      (await lab.lab.locator('[data-lab="status"]').textContent()) ?? '',
    ).toBe('ready');
    // Every state the figure passes through from here, and every click the page receives, so a failure tells a press
    // that never reached the button from a sweep whose phase something else took back ("ready, sweeping, ready").
    await lab.lab.evaluate((figure: HTMLElement) => {
      const seen = [figure.dataset['state'] ?? ''];
      figure.dataset['statesSeen'] = seen.join(', ');
      new MutationObserver(() => {
        seen.push(figure.dataset['state'] ?? '');
        figure.dataset['statesSeen'] = seen.join(', ');
      }).observe(figure, { attributeFilter: ['data-state'] });
      const clicks: string[] = [];
      document.addEventListener(
        'click',
        (event) => {
          const target = event.target instanceof Element ? event.target : null;
          clicks.push(target ? `${target.tagName.toLowerCase()}[data-lab=${target.getAttribute('data-lab')}]` : '?');
          figure.dataset['clicksSeen'] = clicks.join(', ');
        },
        true,
      );
    });
    // Started and stopped from the keyboard, as a keyboard reader would: three full-suite runs left the lab "ready" for
    // 90 s after a pointer click here (never when run alone), consistent with the click landing where the button was a
    // moment before while the page still moved; the charts keep redrawing while the sweep runs.
    const sweepButton = lab.lab.locator('[data-lab="sweep"]');
    const pressSweepButton = async () => {
      expect(await sweepButton.isEnabled()).toBe(true);
      await sweepButton.focus();
      await lab.page.keyboard.press('Enter');
    };
    await pressSweepButton();
    const sweepState = async () => {
      const [state, states, clicks, status] = await Promise.all([
        lab.lab.getAttribute('data-state'),
        lab.lab.getAttribute('data-states-seen'),
        lab.lab.getAttribute('data-clicks-seen'),
        lab.lab.locator('[data-lab="status"]').textContent(),
      ]);
      const errors = lab.problems.consoleErrors.join(' | ') || 'none';
      return `${state} (states seen: ${states}; clicks: ${clicks ?? 'none'}; status: ${status}; page errors: ${errors})`;
    };
    // Polled rather than awaited, so a failure names the states the lab went through, its status line and any page
    // error (a click handler that threw before it set the phase would leave only "ready" too).
    await expect.poll(sweepState, { timeout: 90_000 }).toMatch(/^sweeping /);
    await lab.lab.locator('[data-chart="rd"]').scrollIntoViewIfNeeded();
    const points = lab.lab.locator(
      '[data-chart="rd"] .lab-sweep-point path, [data-chart="rd"] .lab-sweep-point circle',
    );
    await expect.poll(() => points.count(), { timeout: 90_000, interval: 1000 }).toBeGreaterThanOrEqual(2);
    await pressSweepButton();
    await lab.waitState('ready', 'paused');
    expect(await lab.lab.locator('[data-lab="status"]').textContent()).toContain('β 扫描在');
    await lab.lab.locator('[data-chart="rd"] [data-lab="table-toggle"]').click();
    const rows = await lab.lab
      .locator('[data-chart="rd"] table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows[0]?.[0]).toBe('β = 0.25');
    expect(rows[1]?.[0]).toBe('β = 0.5');
    // Rate (second column) falls as β grows: the first two sweep points in β order.
    expect(Number(rows[1]?.[1])).toBeLessThan(Number(rows[0]?.[1]));
    await lab.close();
  }, 240_000);

  // One trained lab for both themes: the dark one is the same page switched live, as a reader's system would.
  describe('trained, at 360 px', () => {
    let lab: Awaited<ReturnType<typeof openLab>> | undefined;
    beforeAll(async () => {
      lab = await openLab(browser(), `en/training-a-vae/?backend=wasm&lab.z=2`, { width: 360 });
      await lab.lab.locator('[data-lab="step"]').click();
      await lab.waitStep(1);
      await lab.lab.locator('[data-chart="loss"] [data-lab="table-toggle"]').click();
    });
    afterAll(async () => {
      await lab?.close();
    });

    it.each(['light', 'dark'] as const)(
      'passes axe while trained (%s) and fits a 360 px screen',
      async (colorScheme) => {
        const { page } = lab!;
        if (colorScheme === 'dark') await switchToDarkTheme(page);
        expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(colorScheme);
        // Every violation, not only serious ones: the lab's controls and tables are ours from top to bottom.
        expect(await axeViolations(page, labSelector())).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      },
    );
  });
});
