import { describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../../src/core/tf';
import { flopsPerStep, runBench } from '../../src/bench/run-bench';

describe('flopsPerStep(config)', () => {
  it('counts 3 × 2 × batch × multiply-adds of every layer (forward + backward)', () => {
    // 4-3-2 encoder (4·3 + 3·2·2 for the μ/log σ² head) and 2-3-4 decoder (2·3 + 3·4).
    const macs = 4 * 3 + 3 * 4 + 2 * 3 + 3 * 4;
    expect(flopsPerStep({ inputSize: 4, hiddenSizes: [3], latentSize: 2, batchSize: 5 })).toBe(3 * 2 * 5 * macs);
  });
});

describe('runBench(options) on the cpu backend', () => {
  it('times both loops, leaks no tensors and reports a consistent speedup', async () => {
    await tf.setBackend('cpu');
    const r = await runBench({
      config: { hiddenSizes: [32], latentSize: 4, batchSize: 16 },
      warmupSteps: 1,
      timedSteps: 3,
      matmulSize: 64,
    });
    expect(r.backend).toBe('cpu');
    expect(r.model).toBe('784-32-4');
    expect(r.engineMsPerStep).toBeGreaterThan(0);
    expect(r.plainMsPerStep).toBeGreaterThan(0);
    expect(r.speedup).toBeCloseTo(r.plainMsPerStep / r.engineMsPerStep, 10);
    expect(r.matmulGflops).toBeGreaterThan(0);
    // Node has a CPU clock: the engine is also timed in process CPU time, and so is the matmul it is compared with.
    expect(r.engineCpuMsPerStep).toBeGreaterThan(0);
    expect(r.engineOverMatmulCpu).toBeGreaterThan(0);
    expect(r.numTensorsLeaked).toBe(0);
  });
});
