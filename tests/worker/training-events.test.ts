import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from '../../src/core/trainer';
import { metricsEvent, previewEvents } from '../../src/worker/training-events';
import { useBackend } from '../core/helpers';
import { SIDE, bundle, config, isPlain } from './harness';

let trainer: Trainer;
beforeAll(async () => {
  await useBackend('cpu');
  trainer = new Trainer(config, bundle.train, bundle.test);
});
afterAll(() => trainer.dispose());

describe('metricsEvent(metrics)', () => {
  it('carries the step, its terms as plain numbers, and the held-out terms only when the step evaluated', () => {
    const event = metricsEvent(trainer.step());
    expect(event).toMatchObject({ type: 'metrics', step: 1 });
    expect(isPlain(event)).toBe(true);
    expect(event).not.toHaveProperty('heldOut');
  });

  it('carries the trainer’s StepMetrics unchanged (no copy in another shape), held-out terms included', () => {
    const held = new Trainer({ ...config, evalEvery: 1, evalSize: 8 }, bundle.train, bundle.test);
    try {
      const metrics = held.step();
      const { heldOut, ...rest } = metrics;
      expect(heldOut).not.toBeNull();
      expect(metricsEvent(metrics)).toEqual({ type: 'metrics', ...rest, heldOut });
      const { heldOut: none, ...plain } = trainer.step();
      expect(none).toBeNull();
      expect(metricsEvent({ ...plain, heldOut: none })).toEqual({ type: 'metrics', ...plain });
    } finally {
      held.dispose();
    }
  });
});

describe('previewEvents(trainer, bundle, step)', () => {
  it('gives 8 test images beside their reconstructions, then 8 prior samples, each with its buffers to transfer', () => {
    type Preview = { pixels: Float32Array; originals: Float32Array };
    const [[recon, reconTransfer], [samples, samplesTransfer]] = previewEvents(trainer, bundle, 7) as unknown as [
      [Preview, ArrayBuffer[]],
      [Preview, ArrayBuffer[]],
    ];
    expect(recon).toMatchObject({
      type: 'images',
      kind: 'reconstructions',
      step: 7,
      width: SIDE,
      height: SIDE,
      count: 8,
    });
    expect(recon.originals).toEqual(bundle.test.images.slice(0, 8 * SIDE * SIDE));
    expect(recon.pixels).toHaveLength(8 * SIDE * SIDE);
    expect(reconTransfer).toEqual([recon.pixels.buffer, recon.originals.buffer]);
    expect(samples).toMatchObject({ kind: 'samples', count: 8 });
    expect(samplesTransfer).toEqual([samples.pixels.buffer]);
    // The preview draws from its own stream: the same trainer state gives the same samples twice.
    expect(Array.from((previewEvents(trainer, bundle, 7)[1]![0] as { pixels: Float32Array }).pixels)).toEqual(
      Array.from(samples.pixels),
    );
  });
});
