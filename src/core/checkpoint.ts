/** Checkpoints: the file format (checkpoint-format.ts) plus rebuilding a tfjs model from one. */
import { VaeModel } from './model';
import { fail, type Checkpoint } from './checkpoint-format';

export * from './checkpoint-format';

/** Builds a model from a checkpoint; throws `CheckpointError` when its weights do not fit its own config. */
export function modelFromCheckpoint(checkpoint: Checkpoint): VaeModel {
  try {
    return VaeModel.create(checkpoint.config, checkpoint.config.seed, checkpoint.weights);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
