/** The lab's DOM writes: its shared context, the status and warning lines, the backend, progress, intro and the URL. */
import type { Lang } from '../../../i18n/langs';
import { fill, type VaeLabStrings } from '../../../i18n/widgets/vae-lab';
import type { StatusEvent } from '../../../worker/protocol';
import { politeAnnouncer } from '../kit';
import { labPart, type LabContext } from './context';
import type { PhaseOwner } from './lab-state';
import { datasetName, introText } from './lab-state';
import { LabWorker } from './lab-worker';
import { formatBytes } from './numbers';
import { backendRequest, backendTitle } from './session';
import { engineLine, saveTimings, storageOrNull } from './engine-line';
import type { EngineReport } from '../../../core/backend/measure';
import { replaceInQuery, type LabSettings } from './settings';

/** A view that redraws itself from the lab's state. */
export interface SyncedView {
  sync(): void;
}

/** Makes every phase change set the figure's `data-state` and re-sync each of `views`, whoever changed it. */
export function followPhase(phase: PhaseOwner, figure: HTMLElement, views: readonly SyncedView[]): void {
  phase.subscribe((next) => {
    figure.dataset['state'] = next;
    for (const view of views) view.sync();
  });
}

/** The context every part of the lab shares, over `figure`'s status, warning and announcer elements. */
export function createLabContext(
  figure: HTMLElement,
  lang: Lang,
  s: VaeLabStrings,
  phase: PhaseOwner,
  settings: LabSettings,
  onCrash: (message: string) => void,
): LabContext {
  const status = labPart<HTMLElement>(figure, 'status');
  const warning = labPart<HTMLElement>(figure, 'warning');
  return {
    figure,
    lang,
    s,
    id: figure.dataset['id'] ?? 'lab',
    worker: new LabWorker(onCrash),
    settings,
    get phase() {
      return phase.phase;
    },
    setPhase: (next) => phase.set(next),
    step: 0,
    backend: '',
    part: (name) => labPart(figure, name),
    setStatus: (text) => void (status.textContent = text),
    warn: (text) => {
      warning.hidden = text === null;
      warning.textContent = text ?? '';
    },
    announce: politeAnnouncer(labPart(figure, 'announce')),
  };
}

/** Marks the figure with the engine's threads and isolation (read by tests and the benchmark); stores new timings. */
function showEngine(figure: HTMLElement, engine: EngineReport): void {
  figure.dataset['threads'] = String(engine.threads);
  figure.dataset['isolated'] = String(engine.isolated);
  figure.dataset['engineHow'] = engine.how;
  if (engine.memos) saveTimings(storageOrNull(), engine.memos);
}

/** Shows the backend a status names, and warns about a backend that failed or differs from the one the URL asked for. */
export function showBackend(ctx: LabContext, event: StatusEvent, wasLoading: boolean): void {
  const { s } = ctx;
  if (event.backend && event.backend !== 'none') {
    ctx.backend = event.backend;
    ctx.part('backend').textContent = event.engine
      ? engineLine(s, event.engine, navigator.serviceWorker?.controller != null)
      : fill(s.statusBackend, { backend: backendTitle(ctx, event.backend) });
    ctx.figure.dataset['backend'] = event.backend;
  }
  if (event.engine) showEngine(ctx.figure, event.engine);
  if (event.switched) {
    const { from, to, step } = event.switched;
    ctx.warn(fill(s.backendRecovered, { from: backendTitle(ctx, from), to: backendTitle(ctx, to), step }));
  } else if (event.message) ctx.warn(fill(s.backendSwitched, { message: event.message }));
  const wanted = backendRequest(location.search).backend;
  if (event.state === 'ready' && wasLoading && wanted && wanted !== ctx.backend) {
    ctx.warn(fill(s.backendFallback, { wanted: backendTitle(ctx, wanted), backend: backendTitle(ctx, ctx.backend) }));
  }
}

/** The dataset download's progress bar and status line; `null` hides the bar. */
export function showProgress(ctx: LabContext, progress: { loaded: number; total: number | null } | null): void {
  const bar = ctx.part<HTMLProgressElement>('progress');
  bar.hidden = progress === null;
  if (!progress) return;
  const { loaded, total } = progress;
  bar.max = total ?? loaded;
  bar.value = loaded;
  const text = {
    dataset: datasetName(ctx.s, ctx.settings),
    loaded: formatBytes(loaded),
    total: total ? formatBytes(total) : '?',
  };
  ctx.setStatus(fill(ctx.s.stateDownloadData, text));
}

/** Writes the settings now in force: the intro sentence, and the URL (so a link reproduces the setup). */
export function showSettings(ctx: LabContext, defaults: LabSettings): void {
  ctx.part('intro').textContent = introText(ctx.s, ctx.lang, ctx.settings);
  const query = replaceInQuery(location.search, ctx.settings, defaults, ctx.id).toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}
