/** Typed errors the engine throws, so the worker and the widgets can say what went wrong and what to try. */

/** One problem with a configuration field, in words a reader can act on. */
export class ConfigIssue {
  /** Names the field and explains the problem. */
  constructor(
    readonly field: string,
    readonly message: string,
  ) {}
}

/** A configuration was rejected; `issues` lists every problem found. */
export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
  /** Wraps the issues found by `validateConfig`. */
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`Invalid configuration: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`);
  }
}

/**
 * The loss became NaN or infinite at `step`. The trainer has already returned to the last sound state, after
 * `restoredStep` steps (the update that led to the bad loss is undone too), so training can go on without a reset.
 */
export class NonFiniteLossError extends Error {
  override readonly name = 'NonFiniteLossError';
  /** Records which quantity broke at which step, where training stands now, and the advice shown to the reader. */
  constructor(
    readonly step: number,
    readonly quantity: string,
    readonly learningRate: number,
    readonly restoredStep: number,
  ) {
    super(
      `The ${quantity} became NaN or infinite at step ${step}. ` +
        `Try a smaller learning rate (now ${learningRate}): the model is back as it was after step ${restoredStep}, so training can go on from there.`,
    );
  }
}

/** A checkpoint file could not be read: wrong format, wrong version, truncated or corrupt. */
export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

/**
 * What was wrong with a reader's per-example loss: it threw, returned something other than a tensor, the wrong shape,
 * a tensor that does not depend on the model's weights, or it ran past its time limit (detail: the limit in seconds).
 */
export type ObjectiveProblem = 'threw' | 'not-tensor' | 'shape' | 'constant' | 'timeout';

/**
 * A reader's per-example loss (chapter 6's cell) failed. The step it was called for is not taken: the trainer is left
 * as it was before that step. `detail` is the thrown message or the shape it returned.
 */
export class ObjectiveError extends Error {
  override readonly name = 'ObjectiveError';
  /** Records the problem and its detail, in English; the page words it in the reader's language from `problem`. */
  constructor(
    readonly problem: ObjectiveProblem,
    readonly detail: string,
  ) {
    super(
      problem === 'threw'
        ? `The loss threw: ${detail}`
        : problem === 'not-tensor'
          ? `The loss returned ${detail}, not a tensor.`
          : problem === 'shape'
            ? `The loss returned shape ${detail}; it must be [batch], one number per example.`
            : problem === 'timeout'
              ? `The loss ran for more than ${detail} s and was stopped.`
              : 'The loss does not depend on the model’s weights, so it has no gradient to train with.',
    );
  }
}
