/** chooseMeasured(options): times every usable backend (fakes here), keeps the fastest, remembers it per device and model. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CANDIDATES, chooseMeasured, type BackendName, type MeasuredOptions } from '../../../src/core/backend';
import { fakeCandidate, removeFakes } from './fakes';

afterEach(removeFakes);

const realCpu = DEFAULT_CANDIDATES.find((c) => c.name === 'cpu')!;
const small = { inputSize: 784, hiddenSizes: [32], latentSize: 4, batchSize: 16 };

/** Options with fake webgpu and webgl and a timer that answers `ms[backend]` (throwing for a string) and counts calls. */
function setup(ms: Partial<Record<BackendName, number | string>>, over: Partial<MeasuredOptions> = {}) {
  const timed: BackendName[] = [];
  const options: MeasuredOptions = {
    candidates: [fakeCandidate('webgpu'), fakeCandidate('webgl'), realCpu],
    config: small,
    isolated: true,
    cores: 2,
    userAgent: 'test',
    oneThreadWhy: null,
    now: () => 42,
    time: async () => {
      const name = tf.getBackend() as BackendName;
      timed.push(name);
      const answer = ms[name];
      if (typeof answer === 'string') throw new Error(answer);
      return answer ?? 1000;
    },
    ...over,
  };
  return { options, timed };
}

describe('chooseMeasured()', () => {
  it('times each usable backend (never cpu) and activates the fastest', async () => {
    const { options, timed } = setup({ webgpu: 12, webgl: 9 });
    const choice = await chooseMeasured(options);
    expect(timed).toEqual(['webgpu', 'webgl']);
    expect(choice.name).toBe('webgl');
    expect(tf.getBackend()).toBe('webgl');
    expect(choice.report).toMatchObject({ how: 'measured', backend: 'webgl', threads: 1, isolated: true });
    expect(choice.report.samples.map((s) => [s.name, s.msPerStep])).toEqual([
      ['webgpu', 12],
      ['webgl', 9],
    ]);
    expect(choice.report.memos).toEqual([
      {
        device: expect.any(String),
        model: '784-32-4/b16',
        choice: 'webgl',
        samples: choice.report.samples,
        measuredAt: 42,
      },
    ]);
  });

  it('gives a tie to the earlier backend', async () => {
    const { options } = setup({ webgpu: 10, webgl: 10 });
    expect((await chooseMeasured(options)).name).toBe('webgpu');
  });

  it('skips a candidate whose timing throws, reporting why', async () => {
    const { options } = setup({ webgpu: 'device lost', webgl: 30 });
    const choice = await chooseMeasured(options);
    expect(choice.name).toBe('webgl');
    expect(choice.report.samples[0]).toEqual({ name: 'webgpu', msPerStep: null, error: 'device lost' });
  });

  it('falls back to the first usable backend when no timing worked', async () => {
    const { options } = setup({ webgpu: 'a', webgl: 'b' });
    expect((await chooseMeasured(options)).name).toBe('webgpu');
  });

  it('uses the memo on a second start (a hit: nothing timed) and re-measures for another model size', async () => {
    const first = await chooseMeasured(setup({ webgpu: 12, webgl: 9 }).options);
    const again = setup({ webgpu: 1, webgl: 9 }, { memos: first.report.memos });
    const hit = await chooseMeasured(again.options);
    expect(again.timed).toEqual([]);
    expect(hit.name).toBe('webgl');
    expect(hit.report.how).toBe('remembered');
    expect(hit.report.memos).toBeUndefined();

    const bigger = setup({ webgpu: 1, webgl: 9 }, { memos: first.report.memos, config: { ...small, latentSize: 8 } });
    const miss = await chooseMeasured(bigger.options);
    expect(bigger.timed).toEqual(['webgpu', 'webgl']);
    expect(miss.name).toBe('webgpu');
    expect(miss.report.memos).toHaveLength(2);
  });

  it('re-measures when the device changes (another GPU in a probe note)', async () => {
    const first = await chooseMeasured(setup({ webgpu: 12, webgl: 9 }).options);
    await removeFakes();
    const otherGpu = { ok: true as const, note: 'fake webgpu on another GPU', software: false };
    const changed = setup(
      { webgpu: 1, webgl: 9 },
      {
        memos: first.report.memos,
        candidates: [fakeCandidate('webgpu', { probe: otherGpu }), fakeCandidate('webgl'), realCpu],
      },
    );
    const choice = await chooseMeasured(changed.options);
    expect(changed.timed).toEqual(['webgpu', 'webgl']);
    expect(choice.name).toBe('webgpu');
  });

  it('does not measure when ?backend= forces one, nor when only one backend is usable', async () => {
    const forced = setup({ webgpu: 1, webgl: 9 }, { override: 'webgl' });
    const choice = await chooseMeasured(forced.options);
    expect(forced.timed).toEqual([]);
    expect(choice).toMatchObject({ name: 'webgl', report: { how: 'forced', samples: [] } });
    await removeFakes();

    const refused = { ok: false as const, reason: 'no WebGPU' };
    const alone = setup(
      {},
      { candidates: [fakeCandidate('webgpu', { probe: refused }), fakeCandidate('webgl'), realCpu] },
    );
    const only = await chooseMeasured(alone.options);
    expect(alone.timed).toEqual([]);
    expect(only).toMatchObject({ name: 'webgl', report: { how: 'only' } });
  });

  it('ends on cpu when nothing else works', async () => {
    const refused = { ok: false as const, reason: 'none' };
    const { options, timed } = setup({}, { candidates: [fakeCandidate('webgl', { probe: refused }), realCpu] });
    const choice = await chooseMeasured(options);
    expect(timed).toEqual([]);
    expect(choice).toMatchObject({ name: 'cpu', report: { how: 'only', threads: 1 } });
  });
});
