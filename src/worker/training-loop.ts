/**
 * The worker's training loop in slices: each slice steps until its time is up, then yields through the session's
 * queue; a failed step either rolls back (a bad loss) or moves training to another backend from the last snapshot.
 */
import { NonFiniteLossError, ObjectiveError } from '../core/errors';
import { Trainer, type TrainerSnapshot } from '../core/trainer';
import { errorEvent } from './errors';
import type { WorkerSession } from './session';
import type { SweepRun } from './sweep';
import { metricsEvent, previewEvents } from './training-events';

/** Starts the loop's slices (the caller has set `running`). */
export function scheduleSlice(session: WorkerSession): void {
  session.later(() => runSlice(session));
}

/** One slice of the loop: steps until `sliceMs` has passed, then yields; stops on pause, maxSteps or an error. */
async function runSlice(session: WorkerSession): Promise<void> {
  const active = session.trainer;
  const data = session.data;
  if (!session.running || !active || !data) return;
  const sliceStart = performance.now();
  try {
    do {
      const metrics = await session.lossWatch.race(active.stepAsync());
      const at = metrics.step;
      const { metricsEvery, imagesEvery, maxSteps } = session.loop;
      if (at % session.snapshotEvery === 0) session.snapshot = active.snapshot();
      if (at % metricsEvery === 0 || metrics.heldOut) session.post(metricsEvent(metrics));
      if (imagesEvery > 0 && at % imagesEvery === 0)
        for (const [event, transfer] of previewEvents(active, data, session.step())) session.post(event, transfer);
      if (maxSteps > 0 && at >= maxSteps) {
        session.running = false;
        session.setState('paused');
        return;
      }
    } while (session.running && performance.now() - sliceStart < session.sliceMs);
  } catch (error) {
    await failed(session, active, error);
    return;
  }
  if (session.running) scheduleSlice(session);
}

/** A step threw: recover on another backend when it was not the loss itself, otherwise report and pause. */
async function failed(session: WorkerSession, active: Trainer, error: unknown): Promise<void> {
  session.running = false;
  const { snapshot } = session;
  // A reader's loss that failed left the model as it was: nothing to recover from.
  const lossError = error instanceof NonFiniteLossError || error instanceof ObjectiveError;
  if (!lossError && session.options.recoverBackend && snapshot) {
    await recover(session, error, snapshot);
    return;
  }
  // The trainer went back to its last sound state; a backend recovery must not resume from the history it left.
  if (error instanceof NonFiniteLossError) session.snapshot = active.snapshot();
  session.post(errorEvent(error, undefined, session.step()));
  session.setState('paused');
}

/** Moves training to the backend `recoverBackend` names, from the last CPU snapshot, and carries on. */
async function recover(session: WorkerSession, error: unknown, saved: TrainerSnapshot): Promise<void> {
  const from = session.backend;
  const next = await session.options.recoverBackend?.(error, from).catch(() => null);
  const broken = session.trainer;
  if (!next || !broken || !session.data) {
    session.post(errorEvent(error, undefined, session.step()));
    session.setState('paused');
    return;
  }
  session.trainer = new Trainer(broken.config, session.data.train, session.data.test);
  session.trainer.restore(saved);
  try {
    broken.dispose();
  } catch {
    // The old backend may be unusable (a lost context); its memory goes with it.
  }
  session.backend = next;
  session.lossWatch.arm(next);
  session.running = true;
  session.setState(
    'training',
    undefined,
    `The ${from} backend failed; training resumed on ${next} from the snapshot at step ${saved.step}.`,
    { from, to: next, step: saved.step },
  );
  scheduleSlice(session);
}

/** Starts a sweep's slices; they share the queue with requests, so a cancel lands between two steps. */
export function scheduleSweep(session: WorkerSession, run: SweepRun): void {
  session.sweep = run;
  session.later(() => runSweepSlice(session, run));
}

/** One slice of a sweep; a stale slice (the sweep was cancelled or replaced) does nothing. */
async function runSweepSlice(session: WorkerSession, run: SweepRun): Promise<void> {
  if (session.sweep !== run) return;
  if (await run.slice(session.sliceMs)) session.sweep = null;
  else session.later(() => runSweepSlice(session, run));
}
