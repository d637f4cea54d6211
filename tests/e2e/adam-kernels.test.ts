import { describe, expect, it } from 'vitest';
import type { AdamCheckPageOutcome } from '../../src/bench/page';
import { hasBrowser, openPage, useBrowser } from './harness';

const browser = useBrowser(['--enable-unsafe-webgpu']);

describe.skipIf(!hasBrowser)('the fused Adam kernels in Chromium', () => {
  // wasm: the SIMD loop of src/core/adam-wasm.ts, instantiated on tfjs's own memory in the page.
  it.for(['webgl', 'webgpu', 'wasm'] as const)(
    'on %s: pass their start-up check, run, and train like the tfjs-ops Adam',
    async (backend, ctx) => {
      const { page, problems, close } = await openPage(
        browser(),
        `bench/?check=adam&backend=${backend}&softwareWebGL=1`,
      );
      const outcome = (await page
        .waitForFunction(() => (window as unknown as { __adamCheck?: unknown }).__adamCheck, null, { timeout: 180_000 })
        .then((h) => h.jsonValue())) as AdamCheckPageOutcome;
      await close();
      // WebGL always runs here (SwiftShader); a Chromium build without WebGPU says so instead of failing the test.
      if (backend === 'webgpu' && outcome.check === null && /unavailable/.test(outcome.reason)) {
        console.info(`fused Adam on webgpu: not checked, this Chromium has no WebGPU (${outcome.reason})`);
        ctx.skip(`WebGPU unavailable: ${outcome.reason}`);
      }
      expect(outcome.reason).not.toMatch(/unavailable/);
      expect(outcome.fusedAdam).toBe(true);
      const check = outcome.check!;
      expect(check.backend).toBe(backend);
      expect(check.path).toBe('fused');
      // Same arithmetic in another order: float32 rounding only. A wrong constant or operand moves weights by ~10% or more.
      expect(check.maxWeightMove).toBeGreaterThan(0.01);
      expect(check.maxWeightGap).toBeLessThan(0.01 * check.maxWeightMove);
      expect(check.maxLossGap).toBeLessThan(1e-3);
      expect(check.lastLoss).toBeLessThan(check.firstLoss);
      console.info(
        `fused Adam on ${backend}: weight gap ${check.maxWeightGap.toExponential(2)} of a ${check.maxWeightMove.toFixed(4)} move, loss gap ${check.maxLossGap.toExponential(2)}`,
      );
      expect(problems.consoleErrors).toEqual([]);
    },
  );
});
