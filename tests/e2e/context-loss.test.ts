/**
 * A lost WebGL context in the real lab worker: the worker's own GL context is killed mid-training (WEBGL_lose_context,
 * reached through tfjs's global engine from Playwright's handle on the worker), and the lab must carry on elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { hasBrowser, useBrowser } from './harness';
import { openLab } from './lab-page';

const browser = useBrowser();

describe.skipIf(!hasBrowser)('the lab after its WebGL context is lost', () => {
  it.each([
    ['en', 'carries on training on'],
    ['zh', '继续训练'],
  ] as const)('%s: restores the last snapshot, resumes on the next backend and says so', async (lang, says) => {
    // A 16-unit hidden layer: a software-WebGL step costs a quarter less, and nothing here depends on the model's size.
    const lab = await openLab(
      browser(),
      `${lang}/training-a-vae/?backend=webgl&softwareWebGL=1&lab.start=scratch&lab.h=16`,
    );
    expect(await lab.lab.getAttribute('data-backend')).toBe('webgl');
    await lab.lab.locator('[data-lab="train"]').click();
    // Past the first periodic snapshot (every 100 steps), so the resumed step shows the snapshot was used.
    await lab.waitStep(110, 180_000);

    const workers = lab.page.workers();
    expect(workers.length).toBeGreaterThan(0);
    let lost = false;
    for (const worker of workers) {
      lost ||= await worker.evaluate(() => {
        const engine = (
          globalThis as unknown as {
            _tfengine?: { backendName?: string; backend?: { gpgpu?: { gl?: WebGL2RenderingContext } } };
          }
        )._tfengine;
        const gl = engine?.backendName === 'webgl' ? engine.backend?.gpgpu?.gl : undefined;
        const extension = gl?.getExtension('WEBGL_lose_context');
        extension?.loseContext();
        return extension !== undefined && extension !== null;
      });
    }
    expect(lost).toBe(true);

    await lab.page.waitForFunction(
      (selector) => document.querySelector<HTMLElement>(selector)?.dataset['backend'] !== 'webgl',
      'figure[data-widget="vae-lab"]',
      { timeout: 60_000 },
    );
    const warning = (await lab.lab.locator('[data-lab="warning"]').textContent()) ?? '';
    expect(warning).toContain(says);
    const resumedAt = Number(warning.match(/\d+/)?.[0]);
    expect(resumedAt).toBeGreaterThan(0);
    // Training goes on from the snapshot, not from step 0, on a backend that is not WebGL.
    await lab.waitStep(resumedAt + 10, 120_000);
    expect(await lab.lab.getAttribute('data-state')).toBe('training');
    expect(['wasm', 'cpu']).toContain(await lab.lab.getAttribute('data-backend'));
    expect(Number.isFinite(await lab.metric('negElbo'))).toBe(true);
    await lab.close();
  });
});
