/**
 * The VAE lab's client, loaded with import() when the figure nears the viewport: it owns the settings (mirrored in the
 * URL), talks to the training worker, and hands each event to the view that draws it. Nothing heavy runs here: the
 * worker trains, and the views redraw at most once per animation frame.
 */
import { isLang } from '../../../i18n/langs';
import { METRICS_EVENT, TERM_EVENT, dispatchPageEvent, pageEventDetail } from '../../../lib/page-events';
import { VAE_LAB_STRINGS, fill } from '../../../i18n/widgets/vae-lab';
import { datasetDamagedMessage } from '../../../i18n/widgets/dataset-problems';
import { politeAnnouncer } from '../kit';
import { labPart, type LabContext } from './context';
import { LabWorker } from './lab-worker';
import { bindControls } from './controls';
import { backendRequest, backendTitle, startModel, type CheckpointInfo } from './session';
import { createChartViews } from './chart-views';
import { createImageViews } from './image-views';
import { createKeepPanel } from './keep';
import { createSweep } from './sweep';
import { IMAGES_EVERY, LATENTS_EVERY, MEMORY_EVERY_MS, METRICS_EVERY } from './lab-constants';
import { formatBeta, formatBytes, formatNats, parameterCountOf, stepsPerSecond } from './numbers';
import { formatCount } from '../marginal-likelihood-state';
import { DEFAULT_LAB_SETTINGS, needsRestart, parsePreset, replaceInQuery, settingsFromQuery, type LabSettings } from './settings';
import { attachReaderLoss } from './reader-loss';
import { createPhase, nonFiniteMessage } from './lab-state';
import { followPhase } from './render';

/** Starts the lab inside a server-rendered `figure[data-widget="vae-lab"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = VAE_LAB_STRINGS[lang];
  const id = figure.dataset['id'] ?? 'lab';
  const preset = parsePreset(figure.dataset['preset']);
  const defaults: LabSettings = { ...DEFAULT_LAB_SETTINGS, ...preset.settings };
  const fromUrl = settingsFromQuery(location.search, defaults, id);
  const status = labPart<HTMLElement>(figure, 'status');
  const warning = labPart<HTMLElement>(figure, 'warning');
  const announce = politeAnnouncer(labPart(figure, 'announce'));
  const phase = createPhase('loading');
  /** The warning after a loss turned NaN, cleared when training resumes. */
  let diverged = false;

  const ctx: LabContext = {
    figure,
    lang,
    s,
    id,
    worker: new LabWorker((message) => fail(fill(s.workerFailed, { message }))),
    settings: fromUrl.settings,
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
    announce,
  };
  const rejected = fromUrl.rejected.map(({ field, raw }) => fill(s.urlRejected, { field, raw, value: String(defaults[field as keyof LabSettings]) }));
  if (rejected.length) ctx.warn(rejected.join(' '));

  const charts = createChartViews(ctx);
  const images = createImageViews(ctx, () => charts.klPerDim());
  const progress = ctx.part<HTMLProgressElement>('progress');
  let checkpoint: CheckpointInfo | null = null;
  let resumeWhenVisible = false;
  let lastRate: { step: number; at: number } | null = null;
  let lastMemoryCheck = 0;

  function fail(message: string) {
    ctx.warn(message);
    ctx.setPhase('failed');
  }
  const mirrorUrl = () => {
    const query = replaceInQuery(location.search, ctx.settings, defaults, id).toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };
  /** Everything a still model can show: images, the latent map, the manifold, a held-out evaluation. */
  const refreshViews = () => {
    images.refresh();
    ctx.worker.send({ type: 'evaluate' });
  };
  const restart = (next: LabSettings, savedBytes?: Uint8Array) => {
    ctx.settings = next;
    ctx.part('intro').textContent = fill(s.intro, {
      dataset: next.dataset === 'mnist' ? s.datasetMnist : s.datasetFashion,
      input: 784,
      hidden: next.hiddenSize,
      latent: next.latentSize,
      params: formatCount(parameterCountOf(784, next.hiddenSize, next.latentSize), lang),
    });
    mirrorUrl();
    charts.clear();
    images.clear();
    lastRate = null;
    ctx.setPhase('loading');
    void startModel(ctx, next, savedBytes).then((info) => (checkpoint = info));
  };

  const controls = bindControls(ctx, {
    toggleTraining: () => {
      if (ctx.phase === 'training') return ctx.worker.send({ type: 'pause' });
      if (diverged) ctx.warn(null);
      diverged = false;
      ctx.worker.send({ type: 'train', metricsEvery: METRICS_EVERY, imagesEvery: IMAGES_EVERY });
    },
    stepOnce: () => ctx.worker.send({ type: 'step', count: 1 }),
    reset: () => {
      ctx.warn(null);
      charts.clear();
      lastRate = null;
      ctx.worker.send({ type: 'reset', seed: ctx.settings.seed });
      ctx.setStatus(fill(s.stateReset, { seed: ctx.settings.seed }));
    },
    setBeta: (beta) => {
      ctx.settings = { ...ctx.settings, beta };
      ctx.worker.send({ type: 'setBeta', beta });
      mirrorUrl();
      announce(fill(s.betaChanged, { beta: formatBeta(beta) }));
    },
    setLearningRate: (learningRate) => {
      ctx.settings = { ...ctx.settings, learningRate };
      ctx.worker.send({ type: 'setLearningRate', learningRate });
      mirrorUrl();
    },
    apply: (next) => {
      ctx.warn(null);
      if (needsRestart(ctx.settings, next)) restart(next);
    },
  });
  const sweep = createSweep(ctx, charts);
  followPhase(phase, figure, [controls, sweep]);
  createKeepPanel(ctx, (saved) => restart(saved.settings, saved.checkpoint));

  ctx.worker.on('progress', ({ loaded, total }) => {
    progress.hidden = false;
    progress.max = total ?? loaded;
    progress.value = loaded;
    const dataset = ctx.settings.dataset === 'mnist' ? s.datasetMnist : s.datasetFashion;
    ctx.setStatus(fill(s.stateDownloadData, { dataset, loaded: formatBytes(loaded), total: total ? formatBytes(total) : '?' }));
  });
  ctx.worker.on('status', (event) => {
    ctx.step = event.step;
    if (event.backend && event.backend !== 'none') {
      ctx.backend = event.backend;
      ctx.part('backend').textContent = fill(s.statusBackend, { backend: backendTitle(ctx, event.backend) });
      figure.dataset['backend'] = event.backend;
    }
    if (event.switched) {
      const { from, to, step } = event.switched;
      ctx.warn(fill(s.backendRecovered, { from: backendTitle(ctx, from), to: backendTitle(ctx, to), step }));
    } else if (event.message) ctx.warn(fill(s.backendSwitched, { message: event.message }));
    if (event.state === 'ready') {
      const wasLoading = ctx.phase === 'loading';
      progress.hidden = true;
      ctx.setPhase('ready');
      if (wasLoading) {
        const wanted = backendRequest(location.search).backend;
        if (wanted && wanted !== ctx.backend) ctx.warn(fill(s.backendFallback, { wanted: backendTitle(ctx, wanted), backend: backendTitle(ctx, ctx.backend) }));
        ctx.setStatus(checkpoint ? fill(s.stateReadyCheckpoint, { steps: checkpoint.steps }) : s.stateReadyScratch);
        announce(fill(s.announceReady, { backend: backendTitle(ctx, ctx.backend) }));
      }
      refreshViews();
    } else if (event.state === 'training') {
      ctx.setPhase('training');
      ctx.setStatus(s.stateTraining);
      announce(s.announceTraining);
    } else if (event.state === 'paused' && ctx.phase !== 'sweeping') {
      ctx.setPhase('paused');
      ctx.setStatus(resumeWhenVisible ? s.stateHiddenPaused : fill(s.statePaused, { step: event.step }));
      const latest = charts.latest();
      if (!resumeWhenVisible) announce(fill(s.announcePaused, { step: event.step, recon: formatNats(latest?.reconstruction), kl: formatNats(latest?.kl) }));
      refreshViews();
    }
  });
  ctx.worker.on('metrics', (event) => {
    ctx.step = event.step;
    charts.onMetrics(event);
    // Formulas elsewhere on the page show these live numbers (src/components/source: LiveValue).
    const { step, reconstruction, kl, elbo, objective, beta } = event;
    dispatchPageEvent(document, METRICS_EVENT, { step, reconstruction, kl, elbo, objective, beta });
    const now = { step: event.step, at: performance.now() };
    const rate = stepsPerSecond(lastRate, now);
    if (rate !== null) ctx.part('rate').textContent = fill(s.statusRate, { rate: rate >= 10 ? Math.round(rate) : rate.toFixed(1) });
    if (!lastRate || now.at - lastRate.at > 2000) lastRate = now;
    if (ctx.phase === 'training' && event.step % LATENTS_EVERY < METRICS_EVERY) images.refreshLatents();
    if (now.at - lastMemoryCheck > MEMORY_EVERY_MS) {
      lastMemoryCheck = now.at;
      ctx.worker.send({ type: 'memory' });
    }
  });
  // The engine's tensor count, for the benchmark's long-run leak check (npm run bench with BENCH_SOAK_MIN).
  ctx.worker.on('memory', ({ numTensors, numBytes }) => {
    figure.dataset['tensors'] = String(numTensors);
    figure.dataset['tensorBytes'] = String(numBytes);
  });
  ctx.worker.on('evaluation', (event) => charts.onEvaluation(event));
  ctx.worker.on('images', (event) => images.onImages(event));
  ctx.worker.on('latents', (event) => {
    charts.onLatents(event);
    images.onLatents(event);
  });
  ctx.worker.on('error', (event) => {
    if (event.code === 'non-finite') {
      ctx.warn(nonFiniteMessage(s, event, ctx.settings.learningRate, ctx.step));
      diverged = true;
      // The steps after the one training went back to were undone: the charts forget them too.
      if (event.restoredStep !== undefined) charts.rewind(event.restoredStep);
    } else if (event.code === 'dataset') {
      const dataset = ctx.settings.dataset === 'mnist' ? s.datasetMnist : s.datasetFashion;
      fail(datasetDamagedMessage(lang, event.reason, dataset) ?? fill(s.datasetFailed, { message: event.message }));
    }
    else if (event.code === 'invalid-config') fail(fill(s.invalidConfig, { message: event.message }));
    else if (event.code === 'checkpoint' && ctx.phase === 'loading') {
      ctx.warn(fill(s.checkpointFailed, { message: event.message }));
      restart({ ...ctx.settings, start: 'scratch' });
    } else ctx.warn(fill(s.workerFailed, { message: event.message }));
  });

  // A formula term under the pointer or focus lights up the series and number it feeds.
  document.addEventListener(TERM_EVENT, (event) => {
    const { term, active } = pageEventDetail<typeof TERM_EVENT>(event);
    if (typeof term === 'string' && active === true) figure.dataset['term'] = term;
    else delete figure.dataset['term'];
  });
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && ctx.phase === 'training') {
      resumeWhenVisible = true;
      ctx.worker.send({ type: 'pause' });
    } else if (!document.hidden && resumeWhenVisible) {
      resumeWhenVisible = false;
      if (ctx.phase === 'paused') ctx.worker.send({ type: 'train', metricsEvery: METRICS_EVERY, imagesEvery: IMAGES_EVERY });
    }
  });

  // Chapter 6's loss cell trains this lab (reader-loss.ts); attached last, so its error wording comes after the lab's.
  attachReaderLoss(ctx, {
    train: () => ctx.worker.send({ type: 'train', metricsEvery: METRICS_EVERY, imagesEvery: IMAGES_EVERY }),
    reset: () => {
      charts.clear();
      ctx.worker.send({ type: 'reset', seed: ctx.settings.seed });
    },
  });
  ctx.part('static-note').hidden = true;
  controls.sync();
  restart(ctx.settings);
}
