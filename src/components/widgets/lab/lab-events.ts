/** How the lab answers the worker's events and the page's: each listener asks lab-state.ts what to do, then does it. */
import { METRICS_EVENT, TERM_EVENT, dispatchPageEvent, pageEventDetail } from '../../../lib/page-events';
import type { ErrorEvent, MetricsEvent, StatusEvent } from '../../../worker/protocol';
import type { LabContext } from './context';
import type { LabActions, LabViews } from './lab-actions';
import type { ImageViews } from './image-views';
import { errorReaction, rateReading, statusReaction, type LabSession } from './lab-state';
import { LATENTS_EVERY, MEMORY_EVERY_MS, METRICS_EVERY } from './lab-constants';
import { showBackend, showProgress } from './render';
import { backendTitle } from './session';

/** Everything the worker's events redraw. */
export interface EventViews extends LabViews {
  readonly images: ImageViews;
}

function onStatus(
  ctx: LabContext,
  views: EventViews,
  session: LabSession,
  actions: LabActions,
  event: StatusEvent,
): void {
  ctx.step = event.step;
  const wasLoading = ctx.phase === 'loading';
  showBackend(ctx, event, wasLoading);
  if (event.state === 'ready') showProgress(ctx, null);
  const latest = views.charts.latest();
  const reaction = statusReaction(ctx.s, event, {
    phase: ctx.phase,
    session,
    backendTitle: backendTitle(ctx, ctx.backend),
    latest,
  });
  if (reaction.phase) ctx.setPhase(reaction.phase);
  if (reaction.status) ctx.setStatus(reaction.status);
  if (reaction.announce) ctx.announce(reaction.announce);
  if (reaction.refresh) actions.refreshViews();
}

function onMetrics(ctx: LabContext, views: EventViews, session: LabSession, event: MetricsEvent): void {
  ctx.step = event.step;
  views.charts.onMetrics(event);
  // Formulas elsewhere on the page show these live numbers (src/components/source: LiveValue); the event is the reading.
  dispatchPageEvent(document, METRICS_EVENT, event);
  const { step } = event;
  const now = { step, at: performance.now() };
  const rate = rateReading(ctx.s, session.lastRate, now);
  if (rate.text !== null) ctx.part('rate').textContent = rate.text;
  session.lastRate = rate.next;
  if (ctx.phase === 'training' && step % LATENTS_EVERY < METRICS_EVERY) views.images.refreshLatents();
  if (now.at - session.lastMemoryCheck > MEMORY_EVERY_MS) {
    session.lastMemoryCheck = now.at;
    ctx.worker.send({ type: 'memory' });
  }
}

function onError(
  ctx: LabContext,
  views: EventViews,
  session: LabSession,
  actions: LabActions,
  event: ErrorEvent,
): void {
  const reaction = errorReaction(ctx.s, ctx.lang, event, { settings: ctx.settings, phase: ctx.phase, step: ctx.step });
  if (reaction.kind === 'fail') return actions.fail(reaction.text);
  ctx.warn(reaction.text);
  if (reaction.kind === 'scratch') actions.restart({ ...ctx.settings, start: 'scratch' });
  if (reaction.kind !== 'diverged') return;
  session.diverged = true;
  // The steps after the one training went back to were undone: the charts forget them too.
  if (reaction.rewindTo !== null) views.charts.rewind(reaction.rewindTo);
}

/** Hands each worker event to the view that draws it. */
export function listenToWorker(ctx: LabContext, views: EventViews, session: LabSession, actions: LabActions): void {
  const { worker, figure } = ctx;
  worker.on('progress', ({ loaded, total }) => showProgress(ctx, { loaded, total }));
  worker.on('status', (event) => onStatus(ctx, views, session, actions, event));
  worker.on('metrics', (event) => onMetrics(ctx, views, session, event));
  // The engine's tensor count, for the benchmark's long-run leak check (npm run bench with BENCH_SOAK_MIN).
  worker.on('memory', ({ numTensors, numBytes }) => {
    figure.dataset['tensors'] = String(numTensors);
    figure.dataset['tensorBytes'] = String(numBytes);
  });
  worker.on('evaluation', (event) => views.charts.onEvaluation(event));
  worker.on('images', (event) => views.images.onImages(event));
  worker.on('latents', (event) => {
    views.charts.onLatents(event);
    views.images.onLatents(event);
  });
  worker.on('error', (event) => onError(ctx, views, session, actions, event));
}

/** Lights up the series a formula term under the pointer feeds, and pauses training while the tab is hidden. */
export function listenToPage(ctx: LabContext, session: LabSession, actions: LabActions): void {
  document.addEventListener(TERM_EVENT, (event) => {
    const { term, active } = pageEventDetail<typeof TERM_EVENT>(event);
    if (typeof term === 'string' && active === true) ctx.figure.dataset['term'] = term;
    else delete ctx.figure.dataset['term'];
  });
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && ctx.phase === 'training') {
      session.resumeWhenVisible = true;
      ctx.worker.send({ type: 'pause' });
    } else if (!document.hidden && session.resumeWhenVisible) {
      session.resumeWhenVisible = false;
      if (ctx.phase === 'paused') actions.train();
    }
  });
}
