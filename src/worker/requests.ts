/**
 * One handler per request type, acting on the worker's session. The table is typed by the protocol's request union,
 * so a request type without a handler does not compile.
 */
import { tf } from '../core/tf';
import { NonFiniteLossError } from '../core/errors';
import type { StepMetrics } from '../core/trainer';
import { DatasetError } from '../core/data/format';
import { answerQuery, type QueryRequest } from './queries';
import { metricsEvent } from './training-events';
import { trainerFromInit } from './init-trainer';
import { SweepRun, validateSweep } from './sweep';
import type { InitRequest, WorkerRequest } from './protocol';
import type { WorkerSession } from './session';
import { scheduleSlice, scheduleSweep } from './training-loop';

type Handler<R extends WorkerRequest> = (session: WorkerSession, request: R) => void | Promise<void>;
type Handlers = { readonly [T in WorkerRequest['type']]: Handler<Extract<WorkerRequest, { type: T }>> };

const tagOf = (id: number | undefined) => (id === undefined ? {} : { id });

/** A new model: drop the old one, pick the backend while the dataset loads (reporting progress), build the trainer. */
async function init(session: WorkerSession, request: InitRequest): Promise<void> {
  const { id } = request;
  session.running = false;
  session.stopSweep();
  session.trainer?.dispose();
  session.trainer = null;
  session.snapshot = null;
  session.dataset = request.dataset;
  session.setState('loading', id);
  const { prepareBackend, loadDataset } = session.options;
  // The download and the engine's start (compiling WebAssembly or shaders, the backend probe) overlap: neither needs
  // the other, and done one after the other they were most of the lab's wait before Train.
  const data = loadDataset(request.dataset, (loaded, total) =>
    session.post({ type: 'progress', loaded, total, ...tagOf(id) }),
  );
  data.catch(() => undefined);
  session.backend = prepareBackend ? await prepareBackend(request) : tf.getBackend();
  session.lossWatch.arm(session.backend);
  try {
    session.data = await data;
  } catch (error) {
    const reason = error instanceof DatasetError ? { reason: error.code } : {};
    const message = error instanceof Error ? error.message : String(error);
    session.post({ type: 'error', code: 'dataset', message, ...reason, ...tagOf(id) });
    return;
  }
  session.trainer = trainerFromInit(request, session.data);
  session.setState('ready', id);
  // A restore point from the start: a backend lost before the first periodic snapshot still recovers. Taken after
  // "ready" is posted (reading every weight back costs tens of ms), and before any request that could train.
  session.snapshot = session.trainer.snapshot();
}

/** A question about the current model (evaluate, reconstruct, sample, …), answered at once. */
const query: Handler<QueryRequest> = (session, request) => {
  const [active, bundle] = session.requireTrainer();
  const [event, transfer] = answerQuery(request, active, bundle, { dataset: session.dataset ?? '' });
  session.post(event, transfer);
};

/** Every request type's handler. */
export const HANDLERS: Handlers = {
  init,
  train(session, request) {
    session.requireTrainer();
    session.stopSweep();
    session.loop = {
      metricsEvery: Math.max(1, request.metricsEvery ?? 1),
      imagesEvery: request.imagesEvery ?? 0,
      maxSteps: request.maxSteps ?? 0,
    };
    if (session.running) return;
    session.running = true;
    session.setState('training', request.id);
    scheduleSlice(session);
  },
  pause(session, request) {
    session.stopSweep();
    session.pause(request.id);
  },
  step(session, request) {
    const [active] = session.requireTrainer();
    session.stopSweep();
    let last: StepMetrics | null = null;
    try {
      for (let i = 0; i < request.count; i++) last = active.step();
    } catch (error) {
      if (error instanceof NonFiniteLossError) session.snapshot = active.snapshot();
      throw error;
    }
    if (last) session.post(metricsEvent(last));
  },
  setLive(session, { beta, learningRate }) {
    session.requireTrainer()[0].setLive({
      ...(beta === undefined ? {} : { beta }),
      ...(learningRate === undefined ? {} : { learningRate }),
    });
  },
  async setObjective(session, request) {
    const [active] = session.requireTrainer();
    const compile = session.options.compileObjective;
    if (request.code !== null && !compile) throw new Error('This worker cannot compile a reader’s loss.');
    active.setObjective(request.code === null || !compile ? null : await compile(request.code));
    session.post({ type: 'objective', custom: active.customObjective, ...tagOf(request.id) });
  },
  reset(session, request) {
    const [active] = session.requireTrainer();
    session.running = false;
    session.stopSweep();
    active.reset(request.seed);
    session.snapshot = active.snapshot();
    session.setState('ready', request.id);
  },
  evaluate: query,
  reconstruct: query,
  sample: query,
  decodeGrid: query,
  decodeLatents: query,
  encodeTestSet: query,
  importanceWeighted: query,
  encodeImage: query,
  saveCheckpoint: query,
  sweep(session, request) {
    const [active, bundle] = session.requireTrainer();
    const plan = validateSweep(request);
    session.stopSweep();
    session.pause(request.id);
    scheduleSweep(session, new SweepRun(plan, active, bundle, session.post, session.options.sweepProgressMs));
  },
  cancelSweep(session) {
    session.stopSweep();
  },
  memory(session, request) {
    const { numTensors, numBytes } = tf.memory();
    session.post({ type: 'memory', numTensors, numBytes, ...tagOf(request.id) });
  },
  dispose(session, request) {
    session.running = false;
    session.stopSweep();
    session.trainer?.dispose();
    session.trainer = null;
    session.data = null;
    session.dataset = null;
    session.setState('disposed', request.id);
  },
};
