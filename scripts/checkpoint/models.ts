/** The pretrained models the book ships, and how one is trained and measured (run by train.mjs, in Node on wasm). */
import type { DatasetName, DatasetSplit } from '../../src/core/data';
import type { VaeConfig } from '../../src/core/config';
import { Trainer } from '../../src/core/trainer';
import { evaluateModel } from '../../src/core/evaluate';
import { activeUnits, encodeMeans, importanceWeightedBound } from '../../src/core/estimators';
import { crossEntropyFloor } from '../../src/core/losses';
import { serializeCheckpoint } from '../../src/core/checkpoint';
import { Rng } from '../../src/core/random';

/** One shipped model: its file name, data, configuration and training length. */
export interface CheckpointSpec {
  readonly name: string;
  readonly dataset: DatasetName;
  readonly config: Partial<VaeConfig>;
  readonly epochs: number;
}

/** MNIST with 16 and 2 latent dimensions (binarized, a proper Bernoulli likelihood), and Fashion-MNIST on grey pixels. */
export const CHECKPOINT_SPECS: readonly CheckpointSpec[] = [
  { name: 'mnist-z16', dataset: 'mnist', config: { latentSize: 16, binarize: true, seed: 1 }, epochs: 50 },
  { name: 'mnist-z2', dataset: 'mnist', config: { latentSize: 2, binarize: true, seed: 1 }, epochs: 40 },
  {
    name: 'fashion-mnist-z16',
    dataset: 'fashion-mnist',
    config: { latentSize: 16, binarize: false, seed: 1 },
    epochs: 30,
  },
];

/** Samples per image and images for the final importance-weighted estimate of log p(x). */
export const IW_SAMPLES = 500;
export const IW_IMAGES = 500;

/** One row of the training curve, nats per image. */
export interface EpochRecord {
  readonly epoch: number;
  readonly step: number;
  readonly trainObjective: number;
  readonly testElbo: number;
  readonly testReconstruction: number;
  readonly testKl: number;
}

/** What is written beside the weights: the curve, the final held-out numbers and how they were measured. */
export interface CheckpointReport {
  readonly name: string;
  readonly dataset: DatasetName;
  readonly config: VaeConfig;
  readonly parameterCount: number;
  readonly bytes: number;
  readonly backend: string;
  readonly trainCount: number;
  readonly testCount: number;
  readonly curve: readonly EpochRecord[];
  readonly final: {
    readonly testElbo: number;
    readonly testReconstruction: number;
    readonly testKl: number;
    readonly klPerDim: readonly number[];
    readonly activeUnits: number;
    /** log p(x) estimated by the importance-weighted bound, mean over the first `images` test images. */
    readonly importanceWeighted: { readonly k: number; readonly images: number; readonly bound: number };
    /** For grey (not binarized) pixels: the mean Σ H(xᵢ) per test image, below which no reconstruction can go. */
    readonly crossEntropyFloor: number | null;
  };
  readonly msPerStep: number;
  readonly note: string;
}

/** Trains one spec from its seed and returns the checkpoint bytes and the report. */
export function trainCheckpoint(
  spec: CheckpointSpec,
  train: DatasetSplit,
  test: DatasetSplit,
  backend: string,
  log: (line: string) => void = () => {},
  epochs = spec.epochs,
): { bytes: Uint8Array; report: CheckpointReport } {
  const trainer = new Trainer(spec.config, train, test);
  try {
    const { config } = trainer;
    const evaluate = () =>
      evaluateModel(trainer.model, test, { beta: 1, binarize: config.binarize, seed: config.seed });
    const stepsPerEpoch = Math.floor(train.count / config.batchSize);
    const curve: EpochRecord[] = [];
    let milliseconds = 0;
    for (let epoch = 1; epoch <= epochs; epoch++) {
      let objectiveSum = 0;
      for (let i = 0; i < stepsPerEpoch; i++) {
        const metrics = trainer.step();
        objectiveSum += metrics.objective;
        milliseconds += metrics.msPerStep;
      }
      const held = evaluate();
      curve.push({
        epoch,
        step: trainer.stepCount,
        trainObjective: objectiveSum / stepsPerEpoch,
        testElbo: held.elbo,
        testReconstruction: held.reconstruction,
        testKl: held.kl,
      });
      log(
        `${spec.name} epoch ${epoch}: train objective ${(objectiveSum / stepsPerEpoch).toFixed(2)}, test ELBO ${held.elbo.toFixed(2)} nats`,
      );
    }
    const held = evaluate();
    const means = encodeMeans(trainer.model, test.images, test.count);
    const iwImages = Math.min(IW_IMAGES, test.count);
    const iwPixels = config.binarize
      ? binarizeCopy(test.images, iwImages * config.inputSize, config.seed)
      : test.images;
    const bounds = importanceWeightedBound(trainer.model, iwPixels, iwImages, IW_SAMPLES, new Rng(config.seed, 21));
    const weights = trainer.model.getWeights();
    const meta = { dataset: spec.dataset, epochs, steps: trainer.stepCount, testElbo: held.elbo };
    const bytes = serializeCheckpoint(config, weights, meta);
    const report: CheckpointReport = {
      name: spec.name,
      dataset: spec.dataset,
      config,
      parameterCount: trainer.model.parameterCount(),
      bytes: bytes.length,
      backend,
      trainCount: train.count,
      testCount: test.count,
      curve,
      final: {
        testElbo: held.elbo,
        testReconstruction: held.reconstruction,
        testKl: held.kl,
        klPerDim: held.klPerDim,
        activeUnits: activeUnits(means, test.count, config.latentSize).count,
        importanceWeighted: { k: IW_SAMPLES, images: iwImages, bound: bounds.reduce((a, b) => a + b, 0) / iwImages },
        crossEntropyFloor: config.binarize ? null : crossEntropyFloor(test.images) / test.count,
      },
      msPerStep: milliseconds / trainer.stepCount,
      note: config.binarize
        ? 'Nats per test image on dynamically binarized pixels (one fixed binarization, seeded), one z per image for the ELBO.'
        : 'Bernoulli cross-entropy on grey pixels is not a log-likelihood: compare it with crossEntropyFloor, not with 0.',
    };
    return { bytes, report };
  } finally {
    trainer.dispose();
  }
}

/** The first `length` pixels binarized once with a fixed seed, so the IW estimate sees the same binary images each run. */
export function binarizeCopy(pixels: Float32Array, length: number, seed: number): Float32Array {
  const rng = new Rng(seed, 22);
  return Float32Array.from(pixels.subarray(0, length), (p) => (rng.uniform() < p ? 1 : 0));
}
