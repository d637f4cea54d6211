/** Builds the trainer an init request asks for, from fresh weights or a checkpoint, refusing configs that contradict it. */
import { ConfigIssue, InvalidConfigError } from '../core/errors';
import type { VaeConfig } from '../core/config';
import { fail, parseCheckpoint } from '../core/checkpoint';
import { Trainer } from '../core/trainer';
import { checkWeights } from '../core/model';
import type { DatasetBundle } from './handler';
import type { InitRequest } from './protocol';

/** The fields that fix the networks' shape and meaning: a checkpoint's weights only fit its own values of these. */
const ARCHITECTURE = ['inputSize', 'hiddenSizes', 'latentSize', 'likelihood', 'activation'] as const;

const show = (value: unknown) => (Array.isArray(value) ? `[${value.join(', ')}]` : String(value));

/** Each architecture field where `requested` asks for something other than the checkpoint's `saved` config. */
export function checkpointConflicts(saved: VaeConfig, requested: Partial<VaeConfig>): ConfigIssue[] {
  return ARCHITECTURE.filter(
    (field) => requested[field] !== undefined && show(requested[field]) !== show(saved[field]),
  ).map(
    (field) =>
      new ConfigIssue(
        field,
        `the checkpoint was trained with ${show(saved[field])}, the request asks for ${show(requested[field])}; leave it out to use the checkpoint's`,
      ),
  );
}

/**
 * A trainer for `request` on `data`: the request's config over the checkpoint's (training settings such as β or the
 * learning rate may differ; the architecture may not), with the checkpoint's weights. Throws `InvalidConfigError` or
 * `CheckpointError`, leaving no tensors behind.
 */
export function trainerFromInit(request: InitRequest, data: DatasetBundle): Trainer {
  if (!request.checkpoint) return new Trainer(request.config, data.train, data.test);
  const checkpoint = parseCheckpoint(request.checkpoint);
  const conflicts = checkpointConflicts(checkpoint.config, request.config);
  if (conflicts.length > 0) throw new InvalidConfigError(conflicts);
  try {
    checkWeights(checkpoint.config, checkpoint.weights);
  } catch (error) {
    // The header's config and the payload disagree: the file is at fault, not the request.
    fail(error instanceof Error ? error.message : String(error));
  }
  return new Trainer({ ...checkpoint.config, ...request.config }, data.train, data.test, checkpoint.weights);
}
