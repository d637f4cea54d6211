/** Shared worker-test setup: a tiny model, synthetic strokes, and a handler whose posted events are collected. */
import * as tf from '@tensorflow/tfjs-core';
import { createHandler, type DatasetBundle, type HandlerOptions } from '../../src/worker/handler';
import type { WorkerEvent, WorkerRequest } from '../../src/worker/protocol';
import { makeStrokes } from '../core/helpers';

/** Image side of the synthetic data. */
export const SIDE = 8;
/** 128 training and 40 test strokes. */
export const bundle: DatasetBundle = {
  train: makeStrokes(128, SIDE, 1),
  test: makeStrokes(40, SIDE, 2),
  width: SIDE,
  height: SIDE,
};
/** A tiny model, so a test trains hundreds of steps in a second. */
export const config = {
  inputSize: SIDE * SIDE,
  hiddenSizes: [16],
  latentSize: 2,
  batchSize: 16,
  learningRate: 3e-3,
  seed: 5,
};

/** Polls `done` every 5 ms; throws when it is still false after `ms` (a silent timeout would blame a later assertion). */
export async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for the worker');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The handler's `schedule` (a macrotask, like the default) with a count of the slices still waiting to run. It is the
 * handler's only timer: with none pending and the microtasks drained (`drained`), nothing runs until a request comes.
 */
export function countingSchedule() {
  let waiting = 0;
  return {
    schedule: (run: () => void) => {
      waiting += 1;
      setTimeout(() => {
        waiting -= 1;
        run();
      }, 0);
    },
    pending: () => waiting,
    /** Resolves after every promise callback runnable now has run (one macrotask later). */
    drained: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  };
}

/** A handler with synthetic data; `events` collects everything it posts. */
export function harness(extra: Partial<HandlerOptions> = {}) {
  const events: WorkerEvent[] = [];
  const slices = countingSchedule();
  const handle = createHandler((event) => events.push(event), {
    loadDataset: async (name) => {
      if (name !== 'strokes') throw new Error(`No dataset called ${name}.`);
      return bundle;
    },
    prepareBackend: async () => tf.getBackend(),
    sliceMs: 5,
    schedule: slices.schedule,
    ...extra,
  });
  const send = (request: WorkerRequest) => handle(request);
  const of = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  const byId = <T extends WorkerEvent['type']>(id: number, type: T) =>
    events.find((e): e is Extract<WorkerEvent, { type: T }> => e.id === id && e.type === type);
  /**
   * True when the loop (training or a sweep) has stopped, false when it keeps going: a slice whose timer was already set
   * runs first (timers fire in order), a request queued behind it waits until it finished, and then no slice may be
   * waiting, since a running loop schedules its next slice at the end of each one.
   */
  const stopped = async () => {
    await slices.drained();
    await send({ type: 'memory' });
    return slices.pending() === 0;
  };
  return { events, send, of, byId, until, stopped };
}

/** True when `value` is made only of numbers, strings, booleans, typed arrays and plain objects/arrays of them. */
export function isPlain(value: unknown): boolean {
  if (value === null || ['number', 'string', 'boolean', 'undefined'].includes(typeof value)) return true;
  if (ArrayBuffer.isView(value)) return true;
  if (Array.isArray(value)) return value.every(isPlain);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value as object).every(isPlain);
  return false;
}
