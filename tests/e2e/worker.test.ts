import { describe, expect, it } from 'vitest';
import { hasBrowser, openPage, useBrowser } from './harness';

const browser = useBrowser();

interface Outcome {
  backend: string | null;
  parameterCount: number;
  metrics: { step: number; objective: number; elbo: number; kl: number; msPerStep: number }[];
  longestTaskMs: number;
  error: string | null;
}

describe.skipIf(!hasBrowser)('the VAE worker in Chromium (served under the base path)', () => {
  it.each([
    ['wasm', false], // the readers' fast path on CPU-only machines: .wasm files come from our own site
    ['webgl', true], // SwiftShader here, allowed only because the test asks for it
  ] as const)(
    'trains on %s: metrics arrive, stay finite and fall, and the backend reported is the one asked for',
    async (backend, software) => {
      const { page, problems, close } = await openPage(
        browser(),
        `bench/?worker=1&backend=${backend}&softwareWebGL=${software ? 1 : 0}&steps=60`,
      );
      const outcome = (await page
        .waitForFunction(() => (window as unknown as { __workerOutcome?: unknown }).__workerOutcome, null, {
          timeout: 180_000,
        })
        .then((h) => h.jsonValue())) as Outcome;
      expect(outcome.error).toBeNull();
      expect(outcome.backend).toBe(backend);
      expect(outcome.parameterCount).toBe(415_024);
      expect(outcome.metrics.length).toBeGreaterThanOrEqual(10);
      for (const m of outcome.metrics)
        expect(Number.isFinite(m.objective) && Number.isFinite(m.elbo) && Number.isFinite(m.kl)).toBe(true);
      const first = outcome.metrics[0]!;
      const last = outcome.metrics.at(-1)!;
      expect(last.step).toBe(60);
      expect(last.objective).toBeLessThan(first.objective - 50); // starts near 540 nats; 60 Adam steps take off far more than 50
      console.info(
        `worker on ${backend}: ${last.msPerStep.toFixed(1)} ms/step, longest main-thread task ${outcome.longestTaskMs.toFixed(0)} ms`,
      );
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await close();
    },
  );
});
