/**
 * Chapter 6's "Train the lab with this cell": the reader's loss cell, compiled inside the lab worker with the notebook's
 * compiler. The first time, the worker is locked down (the notebook's lockdown: no network, storage or nested workers)
 * before any reader code runs, and it stays locked for its life; the worker captured what it still needs (postMessage,
 * fetch for the datasets) before that.
 */
import type { PerExampleObjective } from '../core/objective';

/** Why a reader's loss cell could not be turned into a loss. */
export type ReaderCodeProblem = 'syntax' | 'no-loss' | 'top-level';

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

/** The name the cell must declare. */
export const LOSS_NAME = 'loss';

/** Locks the worker's global scope down; the real worker passes the notebook's `lockDown`, tests a recorder. */
export type LockScope = () => void;

/** Turns a cell's code into the loss it declares. */
export type ObjectiveCompiler = (code: string) => Promise<PerExampleObjective>;

/** The names a loss cell may use besides JavaScript's own globals: tfjs and the book's loss terms. */
async function lossApi(): Promise<Record<string, unknown>> {
  const [{ tf }, losses, { reparameterize }] = await Promise.all([
    import('../core/tf'),
    import('../core/losses'),
    import('../core/sampler'),
    import('../notebook/chained-ops'),
  ]);
  const {
    bernoulliReconstruction,
    gaussianReconstruction,
    gaussianKlPerDim,
    betaObjective,
    diagonalGaussianLogDensity,
    standardNormalLogDensity,
  } = losses;
  return {
    tf,
    bernoulliReconstruction,
    gaussianReconstruction,
    gaussianKlPerDim,
    betaObjective,
    diagonalGaussianLogDensity,
    standardNormalLogDensity,
    reparameterize,
  };
}

/**
 * A compiler for loss cells. The compiler modules load and the async-function constructor is captured before `lock`
 * runs, and `lock` runs once, before the first cell is compiled (compiling runs the cell's top level).
 */
export function createObjectiveCompiler(lock: LockScope): ObjectiveCompiler {
  let prepared: Promise<(code: string) => Promise<PerExampleObjective>> | null = null;
  const prepare = async () => {
    const [{ analyzeCell }, { compileCell }, api, { tf }] = await Promise.all([
      import('../notebook/analyze'),
      import('../notebook/compile'),
      lossApi(),
      import('../core/tf'),
    ]);
    const AsyncFunction = (async () => {}).constructor as Parameters<typeof compileCell>[3];
    lock();
    let count = 0;
    return async (code: string) => {
      const analysis = analyzeCell(code);
      if ('error' in analysis)
        throw new ReaderCodeError('syntax', analysis.error.message, analysis.error.line, analysis.error.col);
      if (!analysis.declares.includes(LOSS_NAME))
        throw new ReaderCodeError('no-loss', `The cell declares no function named ${LOSS_NAME}.`);
      const inputs = analysis.uses.filter((name) => name in api);
      const cell = await compileCell(`lab-loss-${++count}`, analysis, inputs, AsyncFunction);
      let declared: Readonly<Record<string, unknown>>;
      // The cell's top level may make tensors (its check on made-up images); the lab's queue runs nothing else meanwhile.
      tf.engine().startScope();
      try {
        declared = (await cell.run(api)).declared;
      } catch (error) {
        const at = cell.position(error);
        throw new ReaderCodeError(
          'top-level',
          error instanceof Error ? error.message : String(error),
          at?.line,
          at?.col,
        );
      } finally {
        tf.engine().endScope();
      }
      const loss = declared[LOSS_NAME];
      if (typeof loss !== 'function')
        throw new ReaderCodeError('no-loss', `${LOSS_NAME} is ${typeof loss}, not a function.`);
      return loss as PerExampleObjective;
    };
  };
  return async (code) => {
    prepared ??= prepare();
    return (await prepared)(code);
  };
}
