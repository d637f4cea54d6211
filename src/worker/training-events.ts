/** What the training loop tells the page: a step's metrics, and now and then a preview of reconstructions and samples. */
import { imageRows } from '../core/evaluate';
import { reconstructImages, sampleImages } from '../core/inference';
import { Rng, STREAMS } from '../core/random';
import type { StepMetrics, Trainer } from '../core/trainer';
import type { DatasetBundle } from './handler';
import type { WorkerEvent } from './protocol';

const PREVIEW_COUNT = 8;

/** A step's metrics as the trainer gave them, with the held-out terms only when the step evaluated. */
export function metricsEvent(metrics: StepMetrics): WorkerEvent {
  const { heldOut, ...step } = metrics;
  return { type: 'metrics', ...step, ...(heldOut ? { heldOut } : {}) };
}

/** The first test images beside their reconstructions, and fresh prior samples, each with the buffers to transfer. */
export function previewEvents(active: Trainer, bundle: DatasetBundle, step: number): [WorkerEvent, ArrayBuffer[]][] {
  const { width, height } = bundle;
  const originals = imageRows(bundle.test, active.config.inputSize, 0, PREVIEW_COUNT);
  const pixels = reconstructImages(active.model, originals, PREVIEW_COUNT);
  const samples = sampleImages(active.model, PREVIEW_COUNT, new Rng(active.config.seed, STREAMS.preview));
  return [
    [
      { type: 'images', kind: 'reconstructions', step, width, height, count: PREVIEW_COUNT, pixels, originals },
      [pixels.buffer as ArrayBuffer, originals.buffer as ArrayBuffer],
    ],
    [
      { type: 'images', kind: 'samples', step, width, height, count: PREVIEW_COUNT, pixels: samples },
      [samples.buffer as ArrayBuffer],
    ],
  ];
}
