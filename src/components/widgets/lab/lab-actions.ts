/** What the lab's controls and events ask for, as requests to the worker plus the page updates that go with them. */
import { fill } from '../../../i18n/widgets/vae-lab';
import type { LabContext } from './context';
import type { ChartViews } from './chart-views';
import type { ControlActions } from './controls';
import type { LabSession } from './lab-state';
import { IMAGES_EVERY, METRICS_EVERY } from './lab-constants';
import { formatBeta } from './numbers';
import { showSettings } from './render';
import { startModel } from './session';
import { needsRestart, type LabSettings } from './settings';

/** The views the actions redraw or clear. */
export interface LabViews {
  readonly charts: ChartViews;
  readonly images: { refresh(): void; clear(): void };
}

/** The controls' actions, plus what the worker's events call: start over, train, redraw a still model, fail. */
export interface LabActions extends ControlActions {
  restart(next: LabSettings, savedBytes?: Uint8Array): void;
  train(): void;
  refreshViews(): void;
  fail(message: string): void;
}

/** Builds the actions for one lab; `defaults` are the settings its URL is written against. */
export function createLabActions(
  ctx: LabContext,
  views: LabViews,
  session: LabSession,
  defaults: LabSettings,
): LabActions {
  const { s } = ctx;
  const train = () => {
    if (session.diverged) ctx.warn(null);
    session.diverged = false;
    ctx.worker.send({ type: 'train', metricsEvery: METRICS_EVERY, imagesEvery: IMAGES_EVERY });
  };
  const restart = (next: LabSettings, savedBytes?: Uint8Array) => {
    ctx.settings = next;
    showSettings(ctx, defaults);
    views.charts.clear();
    views.images.clear();
    session.lastRate = null;
    ctx.setPhase('loading');
    void startModel(ctx, next, savedBytes).then((info) => (session.checkpoint = info));
  };
  return {
    restart,
    train,
    toggleTraining: () => (ctx.phase === 'training' ? ctx.worker.send({ type: 'pause' }) : train()),
    stepOnce: () => ctx.worker.send({ type: 'step', count: 1 }),
    reset: () => {
      ctx.warn(null);
      views.charts.clear();
      session.lastRate = null;
      ctx.worker.send({ type: 'reset', seed: ctx.settings.seed });
      ctx.setStatus(fill(s.stateReset, { seed: ctx.settings.seed }));
    },
    setLive: (live) => {
      ctx.settings = { ...ctx.settings, ...live };
      showSettings(ctx, defaults);
      ctx.worker.send({ type: 'setLive', ...live });
      if (live.beta !== undefined) ctx.announce(fill(s.betaChanged, { beta: formatBeta(live.beta) }));
    },
    apply: (next) => {
      ctx.warn(null);
      if (needsRestart(ctx.settings, next)) restart(next);
    },
    refreshViews: () => {
      views.images.refresh();
      ctx.worker.send({ type: 'evaluate' });
    },
    fail: (message) => {
      ctx.warn(message);
      ctx.setPhase('failed');
    },
  };
}
