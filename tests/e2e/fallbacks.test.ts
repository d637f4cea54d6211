/** The lab's fallback paths, as a reader meets them: a browser with WebGL switched off, and a dataset file that arrives cut short. */
import { describe, expect, it } from 'vitest';
import { hasBrowser, siteUrl, useBrowser } from './harness';
import { openLab } from './lab-page';

describe.skipIf(!hasBrowser)('lab fallbacks in Chromium with WebGL disabled', () => {
  const browser = useBrowser(['--disable-webgl', '--disable-3d-apis']);

  it('with no WebGL at all, the lab picks WebAssembly on its own, says so, and trains', async () => {
    const lab = await openLab(browser(), 'en/training-a-vae/');
    const webgl = await lab.page.evaluate(() => {
      const canvas = document.createElement('canvas');
      return canvas.getContext('webgl2') !== null || canvas.getContext('webgl') !== null;
    });
    expect(webgl).toBe(false);
    expect(await lab.lab.getAttribute('data-state')).toBe('ready');
    expect(await lab.lab.getAttribute('data-backend')).toBe('wasm');
    expect(await lab.lab.locator('[data-lab="backend"]').textContent()).toContain('WebAssembly');
    await lab.lab.locator('[data-lab="train"]').click();
    await lab.waitStep(10);
    expect(Number.isFinite(await lab.metric('negElbo'))).toBe(true);
    expect(lab.problems.consoleErrors).toEqual([]);
    await lab.close();
  });

  it.each([
    ['en', 'it is cut short', 'Reload the page'],
    ['zh', '文件不完整', '请刷新页面'],
  ] as const)(
    '%s: a truncated dataset file stops the lab with a clear message and keeps the reader’s settings',
    async (lang, cause, advice) => {
      const lab = await openLab(browser(), `${lang}/training-a-vae/?lab.beta=3&lab.start=scratch`, { ready: false });
      await lab.page.context().route('**/data/mnist.bin', async (route) => {
        const response = await route.fetch();
        const body = await response.body();
        await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
      });
      await lab.page.reload();
      await lab.lab.scrollIntoViewIfNeeded();
      await lab.waitState('failed', 'ready');
      expect(await lab.lab.getAttribute('data-state')).toBe('failed');
      const warning = (await lab.lab.locator('[data-lab="warning"]').textContent()) ?? '';
      expect(warning).toContain(cause);
      expect(warning).toContain(advice);
      expect(await lab.lab.locator('[data-setting="beta"] input[type="text"]').inputValue()).toBe('3');
      expect(lab.page.url()).toContain('lab.beta=3');
      expect(lab.problems.consoleErrors.filter((e) => !/mnist\.bin/.test(e))).toEqual([]);
      await lab.close();
    },
  );
});

describe.skipIf(!hasBrowser)('lab fallbacks in Chromium with a WebGPU software adapter', () => {
  const browser = useBrowser(['--enable-unsafe-webgpu']);

  it('asked for WebGPU whose synchronous reads fail, the lab starts on WebGL instead, says why, and trains', async (ctx) => {
    // Checked on a page of its own before the lab starts: a failed synchronous read can take WebGPU down for the browser.
    const probe = await browser().newPage();
    await probe.goto(siteUrl);
    const adapter = await probe.evaluate(async () => {
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      return gpu ? (await gpu.requestAdapter()) !== null : false;
    });
    await probe.close();
    // Without any WebGPU adapter the lab falls back for another reason, which this test is not about.
    if (!adapter) ctx.skip();
    const lab = await openLab(browser(), 'en/training-a-vae/?backend=webgpu&softwareWebGL=1&lab.start=scratch');
    expect(await lab.lab.getAttribute('data-state')).toBe('ready');
    expect(await lab.lab.getAttribute('data-backend')).toBe('webgl');
    expect(await lab.lab.locator('[data-lab="warning"]').textContent()).toMatch(/WebGPU/);
    await lab.lab.locator('[data-lab="train"]').click();
    await lab.waitStep(10);
    expect(Number.isFinite(await lab.metric('negElbo'))).toBe(true);
    expect(lab.problems.consoleErrors).toEqual([]);
    await lab.close();
  });
});
