/** Answers to the read-only requests (evaluate, images, latents, bounds, checkpoint), as events plus buffers to transfer. */
import type { Trainer } from '../core/trainer';
import { serializeCheckpoint } from '../core/checkpoint';
import { activeUnits, encodeMeans, importanceWeightedBound } from '../core/estimators';
import { decodeLatents, latentGrid, reconstructImages, sampleImages } from '../core/inference';
import { imageRows } from '../core/evaluate';
import { binarizeInto } from '../core/losses';
import { Rng, STREAMS } from '../core/random';
import type { DatasetBundle } from './handler';
import type { WorkerEvent, WorkerRequest } from './protocol';
import { encodeImage } from './encode-image';

/** The requests answered here. */
export type QueryRequest = Extract<
  WorkerRequest,
  {
    type:
      | 'evaluate'
      | 'reconstruct'
      | 'sample'
      | 'decodeGrid'
      | 'decodeLatents'
      | 'encodeTestSet'
      | 'importanceWeighted'
      | 'saveCheckpoint'
      | 'encodeImage';
  }
>;

/** What a query may need beyond the model and data: the dataset's name, for checkpoint metadata. */
export interface QueryContext {
  readonly dataset: string;
}

/** A request whose numbers make no sense (a negative count, K = 0, …). */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/** Largest image count, grid side and K a single request may ask for, so a typo cannot freeze the worker. */
const MAX_IMAGES = 10_000;
const MAX_GRID_SIDE = 64;
const MAX_K = 5_000;

function wholeNumber(value: number, what: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadRequestError(`${what} must be a whole number from ${min} to ${max}, got ${value}.`);
  return value;
}

/** Computes the answer to `request` and lists the buffers that can be transferred rather than copied. */
export function answerQuery(
  request: QueryRequest,
  trainer: Trainer,
  data: DatasetBundle,
  context: QueryContext,
): [WorkerEvent, ArrayBuffer[]] {
  const tag = request.id === undefined ? {} : { id: request.id };
  const step = trainer.stepCount;
  const { model } = trainer;
  const { inputSize, latentSize } = trainer.config;
  const image = { step, width: data.width, height: data.height, ...tag };
  const buffers = (...arrays: ArrayBufferView[]) => arrays.map((array) => array.buffer as ArrayBuffer);
  switch (request.type) {
    case 'evaluate': {
      const metrics = trainer.evaluate(data.test, trainer.config.evalSize);
      return [{ type: 'evaluation', step, ...metrics, ...tag }, []];
    }
    case 'reconstruct': {
      const offset = wholeNumber(request.offset ?? 0, 'offset', 0, data.test.count - 1);
      const count = Math.min(wholeNumber(request.count, 'count', 0, MAX_IMAGES), data.test.count - offset);
      const originals = imageRows(data.test, inputSize, offset, count);
      const pixels = reconstructImages(model, originals, count);
      return [
        { type: 'images', kind: 'reconstructions', count, pixels, originals, ...image },
        buffers(pixels, originals),
      ];
    }
    case 'sample': {
      const count = wholeNumber(request.count, 'count', 1, MAX_IMAGES);
      const pixels = sampleImages(model, count, new Rng(request.seed, STREAMS.request));
      return [{ type: 'images', kind: 'samples', count, pixels, ...image }, buffers(pixels)];
    }
    case 'decodeGrid': {
      const side = wholeNumber(request.side, 'side', 1, MAX_GRID_SIDE);
      const dims = request.dims ?? [0, Math.min(1, latentSize - 1)];
      dims.forEach((dim) => wholeNumber(dim, 'dims', 0, latentSize - 1));
      const pixels = decodeLatents(model, latentGrid(side, latentSize, dims), side * side);
      return [{ type: 'images', kind: 'grid', count: side * side, pixels, ...image }, buffers(pixels)];
    }
    case 'decodeLatents': {
      const count = wholeNumber(request.count, 'count', 1, MAX_IMAGES);
      if (request.latents.length < count * latentSize)
        throw new BadRequestError(`latents holds ${request.latents.length} numbers, ${count} × ${latentSize} needed.`);
      const pixels = decodeLatents(model, request.latents, count);
      return [{ type: 'images', kind: 'decoded', count, pixels, ...image }, buffers(pixels)];
    }
    case 'encodeTestSet': {
      const count = Math.min(
        wholeNumber(request.limit ?? data.test.count, 'limit', 1, Number.MAX_SAFE_INTEGER),
        data.test.count,
      );
      const means = encodeMeans(model, imageRows(data.test, inputSize, 0, count), count);
      const units = activeUnits(means, count, latentSize);
      const labels = data.test.labels.slice(0, count);
      const unitVariances = Float64Array.from(units.variances);
      return [
        { type: 'latents', step, count, latentSize, means, labels, unitVariances, activeUnits: units.count, ...tag },
        buffers(means, labels),
      ];
    }
    case 'importanceWeighted': {
      const k = wholeNumber(request.k, 'k', 1, MAX_K);
      const offset = wholeNumber(request.offset ?? 0, 'offset', 0, data.test.count - 1);
      const count = Math.min(wholeNumber(request.count, 'count', 1, MAX_IMAGES), data.test.count - offset);
      const grey = imageRows(data.test, inputSize, offset, count);
      const binarizeSeed =
        request.binarizeSeed === undefined ? null : wholeNumber(request.binarizeSeed, 'binarizeSeed', 0, 2 ** 32 - 1);
      const pixels =
        binarizeSeed === null
          ? grey
          : binarizeInto(grey, new Rng(binarizeSeed, STREAMS.request), new Float32Array(grey.length));
      const bounds = importanceWeightedBound(model, pixels, count, k, new Rng(request.seed, STREAMS.request));
      const meanBound = bounds.reduce((sum, value) => sum + value, 0) / count;
      return [{ type: 'importanceWeighted', step, k, bounds, meanBound, ...tag }, buffers(bounds)];
    }
    case 'saveCheckpoint': {
      const bytes = serializeCheckpoint(trainer.config, model.getWeights(), {
        dataset: context.dataset,
        step,
        beta: trainer.config.beta,
      });
      return [{ type: 'checkpoint', step, bytes, ...tag }, buffers(bytes)];
    }
    case 'encodeImage': {
      const { pixels } = request;
      if (pixels.length !== inputSize)
        throw new BadRequestError(`pixels holds ${pixels.length} numbers, this model reads ${inputSize}.`);
      const bad = Array.prototype.findIndex.call(pixels, (value: number) => !(value >= 0 && value <= 1));
      if (bad >= 0) throw new BadRequestError(`pixels must be numbers in [0, 1]; pixel ${bad} is ${pixels[bad]}.`);
      const { mean, logVar, reconstruction, elbo } = encodeImage(model, Float32Array.from(pixels));
      return [
        { type: 'encoding', step, mean, logVar, reconstruction, elbo, ...tag },
        buffers(mean, logVar, reconstruction),
      ];
    }
  }
}
