/** Turns whatever a request or a training step threw into the protocol's error event, with a code a widget can act on. */
import { CheckpointError, InvalidConfigError, NonFiniteLossError, ObjectiveError } from '../core/errors';
import { BadRequestError } from './queries';
import { ReaderCodeError } from './reader-code';
import type { ErrorEvent } from './protocol';

/** The error event for `error`, tagged with the request `id`; unknown errors are 'internal' at `step`. */
export function errorEvent(error: unknown, id: number | undefined, step: number): ErrorEvent {
  const tag = id === undefined ? {} : { id };
  if (error instanceof InvalidConfigError) {
    return {
      type: 'error',
      code: 'invalid-config',
      message: error.message,
      fields: error.issues.map((issue) => issue.field),
      ...tag,
    };
  }
  if (error instanceof NonFiniteLossError) {
    return {
      type: 'error',
      code: 'non-finite',
      message: error.message,
      step: error.step,
      restoredStep: error.restoredStep,
      ...tag,
    };
  }
  if (error instanceof ObjectiveError)
    return {
      type: 'error',
      code: 'reader-loss',
      problem: error.problem,
      detail: error.detail,
      message: error.message,
      step: step + 1,
      ...tag,
    };
  if (error instanceof ReaderCodeError) {
    const at = error.line === undefined ? {} : { line: error.line, col: error.col ?? 1 };
    return {
      type: 'error',
      code: 'reader-loss',
      problem: error.problem,
      detail: error.message,
      message: error.message,
      ...at,
      ...tag,
    };
  }
  if (error instanceof CheckpointError) return { type: 'error', code: 'checkpoint', message: error.message, ...tag };
  if (error instanceof BadRequestError) return { type: 'error', code: 'bad-request', message: error.message, ...tag };
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', code: 'internal', message, step, ...tag };
}
