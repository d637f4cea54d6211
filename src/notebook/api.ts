/**
 * The one API cells use: tf, Plot, display, controls, seeded randomness and the book's own functions (src/core).
 * Each name here is what a cell can write; src/notebook/README.md and the appendix page document them.
 */
import { tf } from '../core/tf';
import './chained-ops';
import { Rng } from '../core/random';
import {
  bernoulliReconstruction,
  betaObjective,
  diagonalGaussianLogDensity,
  elbo,
  gaussianKlPerDim,
  gaussianReconstruction,
  standardNormalLogDensity,
} from '../core/losses';
import { reparameterize } from '../core/sampler';
import { activeUnits, encodeMeans, importanceWeightedBound, logMeanExp } from '../core/estimators';
import { decodeLatents, reconstructImages, sampleImages } from '../core/inference';
import {
  exactPosterior,
  expectedLogLikelihood,
  klToPosterior,
  klToPrior,
  logEvidence,
  toyElbo,
} from '../core/toys/linear-gaussian';
import { Trainer } from '../core/trainer';
import { VaeModel } from '../core/model';
import { resolveConfig, type VaeConfig } from '../core/config';
import { parseDataset, getSplit, type DatasetSplit } from '../core/data';
import { modelFromCheckpoint, parseCheckpoint } from '../core/checkpoint';
import { numberControl, selectControl, type NumberControlOptions, type SelectOptions } from './controls';
import type { RunHost } from './runtime';
import { pageOnlyStandIns } from './lockdown';

/** Where the API gets the book's files and Plot: fetch in the sandbox, the file system in Node. */
export interface ApiEnvironment {
  /** Reads one of the book's own files, e.g. 'data/mnist.bin' or 'checkpoints/mnist-z16.bin'. */
  loadBytes(path: string): Promise<Uint8Array>;
  /** Observable Plot, with `plot()` drawing into a DOM that works off the main thread; undefined until loaded. */
  plot(): unknown;
  /** The seed every cell's `rng` starts from (each cell gets its own stream). */
  readonly seed: number;
}

/** The pretrained checkpoints a cell can load. */
export const PRETRAINED = Object.freeze(['mnist-z16', 'mnist-z2', 'fashion-mnist-z16'] as const);

/** A stable stream number for a cell id, so a cell's randomness does not depend on which cells ran before. */
export function streamOf(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

/** Loads and caches the book's datasets and checkpoints for every cell of a page; cached objects are never disposed. */
export function createLoaders(env: ApiEnvironment, shared: WeakSet<object>) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T extends object>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!cache.has(key))
      cache.set(
        key,
        load()
          .then((value) => (shared.add(value), value))
          .catch((e: unknown) => (cache.delete(key), Promise.reject(e))),
      );
    return cache.get(key) as Promise<T>;
  };
  return {
    /** MNIST's train and test splits (60,000 and 10,000 images of 784 pixels in [0, 1]). */
    loadMnist: (): Promise<{ train: DatasetSplit; test: DatasetSplit }> =>
      once('mnist', async () => {
        const dataset = parseDataset(await env.loadBytes('data/mnist.bin'), 'mnist');
        return { train: getSplit(dataset, 'train'), test: getSplit(dataset, 'test') };
      }),
    /** A pretrained VAE from the book's checkpoints (default: 'mnist-z16', 784-256-16). */
    loadPretrained: (name: (typeof PRETRAINED)[number] = 'mnist-z16'): Promise<VaeModel> => {
      if (!PRETRAINED.includes(name))
        return Promise.reject(
          new RangeError(`loadPretrained: no checkpoint named ${String(name)}; choose one of ${PRETRAINED.join(', ')}`),
        );
      return once(name, async () =>
        modelFromCheckpoint(parseCheckpoint(await env.loadBytes(`checkpoints/${name}.bin`))),
      );
    },
  };
}

/** The book's functions, as cells call them (the same ones the chapters show in their source excerpts). */
export const ENGINE = Object.freeze({
  gaussianKlPerDim,
  bernoulliReconstruction,
  gaussianReconstruction,
  betaObjective,
  elbo,
  diagonalGaussianLogDensity,
  standardNormalLogDensity,
  reparameterize,
  importanceWeightedBound,
  logMeanExp,
  activeUnits,
  encodeMeans,
  decodeLatents,
  reconstructImages,
  sampleImages,
  logEvidence,
  exactPosterior,
  expectedLogLikelihood,
  klToPrior,
  klToPosterior,
  toyElbo,
  Trainer,
  /** A fresh VAE with the book's defaults overridden by `config` (784-256-16 unless told otherwise). */
  createModel: (config: Partial<VaeConfig> = {}, seed = 1) => VaeModel.create(resolveConfig(config), seed),
});

/** Every name a cell can use for one run of the cell `id`. */
export function createApi(
  env: ApiEnvironment,
  loaders: ReturnType<typeof createLoaders>,
  host: RunHost,
  id: string,
): Record<string, unknown> {
  const rng = new Rng(env.seed, streamOf(id));
  return {
    ...pageOnlyStandIns(),
    ...ENGINE,
    ...loaders,
    tf,
    Plot: env.plot(),
    rng,
    /** A tensor of standard normal draws from this cell's seeded generator, e.g. randn(100, 2). */
    randn: (...shape: number[]) => tf.tensor(rng.fillNormal(new Float32Array(shape.reduce((a, b) => a * b, 1))), shape),
    display: (value: unknown) => host.display(value),
    slider: (options?: NumberControlOptions) => host.control(numberControl('slider', options)),
    number: (options?: NumberControlOptions) => host.control(numberControl('number', options)),
    select: (options: SelectOptions) => host.control(selectControl(options)),
  };
}
