import { describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../../src/core/tf';
import { Trainer } from '../../src/core/trainer';
import { kernelKind, profileStep } from '../../src/bench/profile-step';
import { cpuClock } from '../../src/bench/cpu-clock';

describe('kernelKind(name)', () => {
  it('tells matrix products from passes over elements, reductions, layout changes and copies', () => {
    expect(['_FusedMatMul', 'BatchMatMul', 'Sum', 'Transpose', 'Identity', 'Exp'].map(kernelKind)).toEqual([
      'matmul',
      'matmul',
      'reduction',
      'layout',
      'copy',
      'elementwise',
    ]);
  });
});

describe('profileStep(trainer) on the cpu backend', () => {
  it('splits a step into forward, backward and update kernels, and leaves no tensors behind', async () => {
    await tf.setBackend('cpu');
    const count = 16;
    const images = Float32Array.from({ length: count * 784 }, (_, i) => (i % 7) / 7);
    const trainer = new Trainer(
      { hiddenSizes: [8], latentSize: 2, batchSize: 4 },
      { images, labels: new Uint8Array(count), count },
    );
    trainer.step();
    const before = tf.memory().numTensors;
    const rows = await profileStep(trainer, 3);
    expect(tf.memory().numTensors).toBe(before);
    const count4 = (phase: string, kind: string) =>
      rows.filter((r) => r.phase === phase && r.kind === kind).reduce((n, r) => n + r.perStep, 0);
    // Four layers forward (one fused product each); backward: dW for all four, dx for the three past the input.
    expect(count4('forward', 'matmul')).toBe(4);
    expect(count4('backward', 'matmul')).toBe(7);
    expect(count4('update', 'matmul')).toBe(0);
    // Adam on the cpu backend runs as tfjs ops: twelve per variable, eight variables.
    expect(
      rows.filter((r) => r.phase === 'update' && r.kind === 'elementwise').reduce((n, r) => n + r.perStep, 0),
    ).toBeGreaterThanOrEqual(96);
    expect(rows.every((r) => r.ms >= 0)).toBe(true);
    expect(cpuClock()).not.toBeNull();
    trainer.dispose();
  });
});
