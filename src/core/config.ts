/** The one serialisable configuration of a VAE and its training, with defaults and validation. */
import { ConfigIssue, InvalidConfigError } from './errors';

/** How the decoder models a pixel: Bernoulli logits, or a Gaussian mean with a fixed standard deviation. */
export type Likelihood = 'bernoulli' | 'gaussian';
/** Hidden-layer nonlinearity; all but tanh run inside the fused matMul kernel. */
export type Activation = 'relu' | 'elu' | 'tanh' | 'sigmoid';
/** How the encoder's gradient is estimated: reparameterization, or REINFORCE with or without a baseline. */
export type GradientEstimator = 'pathwise' | 'score' | 'score-baseline';

/** The model's shape: an MLP encoder to μ and log σ², and a mirrored decoder. */
export interface ModelConfig {
  readonly inputSize: number;
  readonly hiddenSizes: readonly number[];
  readonly latentSize: number;
  readonly likelihood: Likelihood;
  /** σ of the Gaussian decoder, used only when `likelihood` is 'gaussian'. */
  readonly decoderStd: number;
  readonly activation: Activation;
}

/** Everything that defines a training run; one plain object, so a link can reproduce it. */
export interface VaeConfig extends ModelConfig {
  readonly beta: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Resample each pixel as Bernoulli(x) at every step, so the Bernoulli likelihood is a proper one. */
  readonly binarize: boolean;
  readonly gradientEstimator: GradientEstimator;
  /** Evaluate on held-out data every this many steps; 0 turns it off. */
  readonly evalEvery: number;
  /** How many held-out examples each periodic evaluation uses; 0 means all. */
  readonly evalSize: number;
}

/** The largest latent size the book offers. */
export const MAX_LATENT_SIZE = 64;
/** The largest hidden layer the book offers. */
export const MAX_HIDDEN_SIZE = 2048;

/** Defaults: a 784-256-16 MLP VAE with a Bernoulli decoder, Adam 1e-3, batch 64. */
export const DEFAULT_CONFIG: Readonly<VaeConfig> = Object.freeze({
  inputSize: 784,
  hiddenSizes: Object.freeze([256]),
  latentSize: 16,
  likelihood: 'bernoulli',
  decoderStd: 0.1,
  activation: 'relu',
  beta: 1,
  learningRate: 1e-3,
  batchSize: 64,
  seed: 1,
  binarize: false,
  gradientEstimator: 'pathwise',
  evalEvery: 0,
  evalSize: 1000,
});

const LIKELIHOODS: readonly Likelihood[] = ['bernoulli', 'gaussian'];
const ACTIVATIONS: readonly Activation[] = ['relu', 'elu', 'tanh', 'sigmoid'];
const ESTIMATORS: readonly GradientEstimator[] = ['pathwise', 'score', 'score-baseline'];

function isWholeInRange(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Lists every problem with `config`; an empty list means it is valid. `dataCount` checks the batch size. */
export function validateConfig(config: VaeConfig, dataCount?: number): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) issues.push(new ConfigIssue(field, message));
  };
  need(
    isWholeInRange(config.inputSize, 1, 1 << 16),
    'inputSize',
    `must be a whole number ≥ 1, got ${config.inputSize}`,
  );
  need(
    Array.isArray(config.hiddenSizes) && config.hiddenSizes.every((size) => isWholeInRange(size, 1, MAX_HIDDEN_SIZE)),
    'hiddenSizes',
    `each hidden layer needs 1–${MAX_HIDDEN_SIZE} units, got [${String(config.hiddenSizes)}]`,
  );
  need(
    isWholeInRange(config.latentSize, 1, MAX_LATENT_SIZE),
    'latentSize',
    `must be a whole number from 1 to ${MAX_LATENT_SIZE}, got ${config.latentSize}`,
  );
  need(LIKELIHOODS.includes(config.likelihood), 'likelihood', `must be one of ${LIKELIHOODS.join(', ')}`);
  need(
    Number.isFinite(config.decoderStd) && config.decoderStd > 0,
    'decoderStd',
    `the Gaussian decoder's σ must be a finite number > 0, got ${config.decoderStd}`,
  );
  need(ACTIVATIONS.includes(config.activation), 'activation', `must be one of ${ACTIVATIONS.join(', ')}`);
  need(Number.isFinite(config.beta) && config.beta >= 0, 'beta', `β must be a finite number ≥ 0, got ${config.beta}`);
  need(
    Number.isFinite(config.learningRate) && config.learningRate > 0,
    'learningRate',
    `must be a finite number > 0, got ${config.learningRate}`,
  );
  need(
    isWholeInRange(config.batchSize, 1, 1 << 16),
    'batchSize',
    `must be a whole number ≥ 1, got ${config.batchSize}`,
  );
  if (dataCount !== undefined && isWholeInRange(config.batchSize, 1, 1 << 16)) {
    need(
      config.batchSize <= dataCount,
      'batchSize',
      `the batch (${config.batchSize}) is larger than the training data (${dataCount} examples)`,
    );
  }
  need(
    isWholeInRange(config.seed, 0, 0xffffffff),
    'seed',
    `must be a whole number from 0 to 2³²−1, got ${config.seed}`,
  );
  need(typeof config.binarize === 'boolean', 'binarize', 'must be true or false');
  need(ESTIMATORS.includes(config.gradientEstimator), 'gradientEstimator', `must be one of ${ESTIMATORS.join(', ')}`);
  need(isWholeInRange(config.evalEvery, 0, Number.MAX_SAFE_INTEGER), 'evalEvery', 'must be a whole number ≥ 0');
  need(isWholeInRange(config.evalSize, 0, Number.MAX_SAFE_INTEGER), 'evalSize', 'must be a whole number ≥ 0');
  return issues;
}

/** Fills in defaults and validates; throws `InvalidConfigError` listing every problem. */
export function resolveConfig(partial: Partial<VaeConfig> = {}, dataCount?: number): VaeConfig {
  const config: VaeConfig = { ...DEFAULT_CONFIG, ...partial };
  const issues = validateConfig(config, dataCount);
  if (issues.length > 0) throw new InvalidConfigError(issues);
  return { ...config, hiddenSizes: [...config.hiddenSizes] };
}
