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
