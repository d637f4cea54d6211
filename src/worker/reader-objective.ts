/**
 * Chapter 6's "Train the lab with this cell": the reader's loss cell, compiled inside the lab worker with the notebook's
 * compiler. The first time, the worker is locked down (the notebook's lockdown: no network, storage or nested workers)
 * before any reader code runs, and it stays locked for its life; the worker captured what it still needs (postMessage,
 * fetch for the datasets) before that.
 */
import type { PerExampleObjective } from '../core/objective';
import { ObjectiveError } from '../core/errors';
import type { NowMs } from '../notebook/loop-guard';
import { tf } from '../core/tf';
import * as losses from '../core/losses';
import { reparameterize } from '../core/sampler';
import { READER_LOSS_LIMIT_MS, ReaderCodeError } from './reader-code';

/** The name the cell must declare. */
export const LOSS_NAME = 'loss';

/** Locks the worker's global scope down; the real worker passes the notebook's `lockDown`, tests a recorder. */
export type LockScope = () => void;

/** Turns a cell's code into the loss it declares. */
export type ObjectiveCompiler = (code: string) => Promise<PerExampleObjective>;

/** The time limit of the reader's code and the clock it is read on (tests pass a fake clock or a shorter limit). */
export interface ReaderLimits {
  readonly limitMs?: number;
  readonly now?: NowMs;
}

/** The limit in seconds, as the page says it. */
const seconds = (ms: number) => String(ms / 1000);

/** The book's loss terms a loss cell may use, by their names in src/core/losses. */
const LOSS_TERMS = [
  'bernoulliReconstruction',
  'gaussianReconstruction',
  'gaussianKlPerDim',
  'betaObjective',
  'diagonalGaussianLogDensity',
  'standardNormalLogDensity',
] as const;

/** The names a loss cell may use besides JavaScript's own globals: tfjs and the book's loss terms. */
async function lossApi(): Promise<Record<string, unknown>> {
  // Registers `t.sum()`, `x.mul(2)` on tensors: only once a reader's loss is about to run (a 100 KB chunk).
  await import('../notebook/chained-ops');
  return { tf, ...Object.fromEntries(LOSS_TERMS.map((name) => [name, losses[name]])), reparameterize };
}

/**
 * A compiler for loss cells. The compiler modules load and the async-function constructor is captured before `lock`
 * runs, and `lock` runs once, before the first cell is compiled (compiling runs the cell's top level). Every loop in the
 * reader's code is guarded (loop-guard.ts): a call of the loss that runs past the limit stops with
 * `ObjectiveError('timeout')`, which the trainer treats like a loss that threw (the step is not taken).
 */
export function createObjectiveCompiler(lock: LockScope, limits: ReaderLimits = {}): ObjectiveCompiler {
  const limitMs = limits.limitMs ?? READER_LOSS_LIMIT_MS;
  let prepared: Promise<(code: string) => Promise<PerExampleObjective>> | null = null;
  const prepare = async () => {
    const [{ analyzeCell }, { compileCell }, guard, api] = await Promise.all([
      import('../notebook/analyze'),
      import('../notebook/compile'),
      import('../notebook/loop-guard'),
      lossApi(),
    ]);
    const AsyncFunction = (async () => {}).constructor as Parameters<typeof compileCell>[3];
    const deadline = guard.createDeadline(limits.now);
    const values = { ...api, [guard.LOOP_GUARD]: deadline.check };
    lock();
    let count = 0;
    return async (code: string) => {
      const analysis = analyzeCell(code);
      if ('error' in analysis)
        throw new ReaderCodeError('syntax', analysis.error.message, analysis.error.line, analysis.error.col);
      if (!analysis.declares.includes(LOSS_NAME))
        throw new ReaderCodeError('no-loss', `The cell declares no function named ${LOSS_NAME}.`);
      const inputs = [...analysis.uses.filter((name) => name in api), guard.LOOP_GUARD];
      const cell = await compileCell(`lab-loss-${++count}`, guard.guardLoops(analysis), inputs, AsyncFunction);
      let declared: Readonly<Record<string, unknown>>;
      // The cell's top level may make tensors (its check on made-up images); the lab's queue runs nothing else meanwhile.
      tf.engine().startScope();
      try {
        declared = (await deadline.withinAsync(limitMs, () => cell.run(values))).declared;
      } catch (error) {
        if (error instanceof guard.TimeLimitError) throw new ReaderCodeError('load-timeout', seconds(limitMs));
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
      const limited: PerExampleObjective = (inputs) => {
        try {
          return deadline.within(limitMs, () => (loss as PerExampleObjective)(inputs));
        } catch (error) {
          if (error instanceof guard.TimeLimitError) throw new ObjectiveError('timeout', seconds(limitMs));
          throw error;
        }
      };
      return limited;
    };
  };
  return async (code) => {
    prepared ??= prepare();
    return (await prepared)(code);
  };
}
