/** What the page and the worker both know about a reader's loss cell, without loading tfjs or the compiler. */

/** Why a reader's loss cell could not be turned into a loss. */
export type ReaderCodeProblem = 'syntax' | 'no-loss' | 'top-level' | 'load-timeout';

/**
 * How long one call of the reader's loss, or one run of its cell's top level, may take: its loops stop after that.
 * Far above what a loss needs (the book's takes milliseconds a step), far below what makes Stop seem broken.
 */
export const READER_LOSS_LIMIT_MS = 2000;

/** The cell could not be compiled or does not declare a function `loss`; `line`/`col` are in the reader's code. */
export class ReaderCodeError extends Error {
  override readonly name = 'ReaderCodeError';
  /** Records the problem, the engine's message and where in the cell it happened. */
  constructor(
    readonly problem: ReaderCodeProblem,
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }
}
