/**
 * The interactive part of TrickOnRealVae.astro, loaded with import() near the viewport. One worker per run, started
 * on the first Train; the page drives the race with 'step' requests of ROUND_STEPS steps, always to the run(s)
 * furthest behind, so every run has the same number of steps at each point of the plot.
 */
import { isLang } from '../../i18n/langs';
import { TRICK_ON_REAL_VAE_STRINGS, fill } from '../../i18n/widgets/trick-on-real-vae';
import { BACKEND_TITLES, isBackendName } from '../../core/backend/names';
import { backendRequest } from './lab/session';
import { formatBytes } from './lab/numbers';
import { DEFAULT_RUNS, RACE_BUDGET, ROUND_STEPS, RUN_KEYS, nextRound, roundSize, type RunKey } from './trick-on-real-vae-state';
import { RaceRun, type RunFailure } from './trick-on-real-vae-run';
import { drawChart, drawReadout, latestValues, raceTable, runNames, showRun, summaryText, type RunView } from './trick-on-real-vae-view';
import { JobGeneration, bindTableToggle, frameScheduler, politeAnnouncer, requirePart, watchWidth } from './kit';

type Part = 'readout' | 'chart' | 'buttons';
/** Where the race is; also the figure's data-state, which the tests read. */
type Phase = 'ready' | 'starting' | 'training' | 'paused' | 'finished' | 'failed';

/**
 * Each worker runs tfjs on one thread (WASM is single-threaded without cross-origin isolation). On a 2-core machine
 * two workers computing at once would share both cores with the page and make it stutter, so there the runs take
 * turns and only one worker computes at a time; with 4 or more cores they compute side by side.
 */
const PARALLEL_CORES = 4;

/** Starts the widget inside a server-rendered `figure[data-widget="trick-on-real-vae"]`. */
export function mount(figure: HTMLElement): void {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = TRICK_ON_REAL_VAE_STRINGS[lang];
  const part = <T extends HTMLElement>(name: string) => requirePart<T>(figure, `[data-part="${name}"]`, 'trick-on-real-vae');
  const trainButton = part<HTMLButtonElement>('train');
  const resetButton = part<HTMLButtonElement>('reset');
  const plain = part<HTMLInputElement>('plain');
  const readout = part<HTMLTableElement>('readout');
  const summary = part('summary');
  const status = part('status');
  const warning = part('warning');
  const progressBar = part<HTMLProgressElement>('progress');
  const canvas = part('canvas');
  const description = part('description');
  const tableRegion = part('table');
  const announce = politeAnnouncer(part('announce'));
  const names = runNames(s);
  const parallel = (navigator.hardwareConcurrency || 2) >= PARALLEL_CORES;
  part('sharing').textContent = fill(parallel ? s.shareParallel : s.shareSequential, { round: ROUND_STEPS });

  const wish = backendRequest(location.search);
  const warnings = new Map<string, string>();
  const warn = (key: string, text: string | null) => {
    if (text === null) warnings.delete(key);
    else warnings.set(key, text);
    warning.hidden = warnings.size === 0;
    warning.textContent = [...warnings.values()].join(' ');
  };
  if (wish.error) warn('backend', wish.error);

  const runs = new Map<RunKey, RaceRun>();
  const shown = new Set<RunKey>(DEFAULT_RUNS);
  const downloads = new Map<RunKey, { loaded: number; total: number | null }>();
  const jobs = new JobGeneration();
  let phase: Phase = 'ready';
  let playing = false;
  let resumeWhenVisible = false;
  let loop: Promise<void> = Promise.resolve();

  const views = (): RunView[] =>
    RUN_KEYS.filter((key) => shown.has(key) && runs.has(key)).map((key) => {
      const run = runs.get(key)!;
      return { key, step: run.step, msPerStep: run.msPerStep, heldOut: run.history.heldOut(), batch: run.history.points() };
    });
  // Only on a change: the status is a live region, and rewriting the same words could read them out again.
  const setStatus = (text: string) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const setPhase = (next: Phase) => {
    phase = next;
    figure.dataset['state'] = next;
    scheduler.request('buttons');
  };
  /** The phase when nothing is training: ready (nothing trained), finished (every shown run at the budget) or paused. */
  const restingPhase = (): Phase => {
    const active = [...shown].map((key) => runs.get(key)).filter((run) => run && !run.failed);
    if (active.length === 0) return runs.size > 0 ? 'failed' : 'ready';
    if (active.every((run) => run!.step >= RACE_BUDGET)) return 'finished';
    return active.some((run) => run!.step > 0) ? 'paused' : 'ready';
  };
  const progress = () =>
    [...runs.values()].map((run) => ({ key: run.key, step: run.step, enabled: shown.has(run.key) && run.ready, healthy: run.failed === null }));

  const onFailure = (key: RunKey, failure: RunFailure) => {
    const run = names.long[key];
    if (failure.code === 'non-finite') warn(key, fill(s.nonFinite, { run, step: failure.step }));
    else if (failure.code === 'dataset') warn(key, fill(s.datasetFailed, { message: failure.message }));
    else if (failure.code === 'crash') warn(key, fill(s.workerFailed, { message: failure.message }));
    else warn(key, fill(s.runFailed, { run, step: failure.step, message: failure.message }));
    scheduler.request('readout', 'chart', 'buttons');
  };
  const onProgress = (key: RunKey, loaded: number, total: number | null) => {
    downloads.set(key, { loaded, total });
    let sum = { loaded: 0, total: 0 };
    for (const d of downloads.values()) sum = { loaded: sum.loaded + d.loaded, total: sum.total + (d.total ?? d.loaded) };
    progressBar.hidden = false;
    progressBar.max = Math.max(1, sum.total);
    progressBar.value = sum.loaded;
    setStatus(fill(s.stateDownload, { loaded: formatBytes(sum.loaded), total: formatBytes(sum.total) }));
  };

  /** Creates and starts the workers of every shown run that has none yet; resolves when all are evaluated at step 0. */
  async function startShownRuns(): Promise<void> {
    const fresh = [...shown].filter((key) => !runs.has(key)).map((key) => {
      const run = new RaceRun(key, { onProgress, onFailure });
      runs.set(key, run);
      return run;
    });
    if (fresh.length === 0) return;
    setStatus(s.stateStarting);
    await Promise.all(fresh.map((run) => run.start(wish)));
    progressBar.hidden = true;
    const backend = [...runs.values()].find((run) => run.backend)?.backend;
    if (backend) {
      figure.dataset['backend'] = backend;
      const title = (name: string) => (name === 'cpu' ? s.backendCpu : isBackendName(name) ? BACKEND_TITLES[name] : name);
      part('backend').textContent = fill(s.backend, { backend: title(backend) });
      if (wish.backend && wish.backend !== backend) warn('fallback', fill(s.backendFallback, { wanted: title(wish.backend), backend: title(backend) }));
    }
    scheduler.request('readout', 'chart');
  }

  /** Steps the runs furthest behind until the budget, a pause, a reset or a failure of every run ends the race. */
  async function race(alive: () => boolean): Promise<void> {
    while (alive() && playing) {
      const keys = nextRound(progress(), RACE_BUDGET, parallel);
      if (keys.length === 0) {
        // Everyone ready is done, but a run switched on late may still be starting: wait for it, then let it catch up.
        const starting = [...shown].map((key) => runs.get(key)).filter((run) => run && !run.ready && !run.failed);
        if (starting.length === 0) break;
        await Promise.all(starting.map((run) => run!.start(wish)));
        continue;
      }
      const behind = runs.get(keys[0]!)!;
      const others = [...shown].filter((key) => key !== behind.key).map((key) => runs.get(key)?.step ?? 0);
      setStatus(others.some((step) => step > behind.step + ROUND_STEPS) ? fill(s.stateCatchingUp, { run: names.short[behind.key], step: behind.step }) : s.stateTraining);
      const evaluations = keys.map((key) => runs.get(key)!.history.heldOut().length);
      await Promise.all(keys.map((key) => runs.get(key)!.advance(roundSize(runs.get(key)!.step, RACE_BUDGET))));
      const evaluated = keys.some((key, i) => runs.get(key)!.history.heldOut().length !== evaluations[i]);
      scheduler.request('readout', ...(evaluated ? (['chart'] as const) : []));
    }
    if (!alive()) return;
    playing = false;
    const rest = restingPhase();
    setPhase(rest);
    scheduler.request('readout', 'chart');
    if (rest === 'finished') {
      setStatus(fill(s.stateFinished, { budget: RACE_BUDGET }));
      announce(fill(s.announceFinished, { budget: RACE_BUDGET, values: latestValues(s, views()) }));
    } else if (rest === 'failed') setStatus(s.stateFailed);
    else {
      const step = Math.max(0, ...views().map((run) => run.step));
      setStatus(resumeWhenVisible ? s.stateHiddenPaused : fill(s.statePaused, { step }));
      if (!resumeWhenVisible) announce(fill(s.announcePaused, { step, values: latestValues(s, views()) }));
    }
  }

  async function train(): Promise<void> {
    if (playing || phase === 'starting') return;
    playing = true;
    const alive = jobs.next();
    // A paused race may still be finishing its last round; a second loop must not step the same worker meanwhile.
    await loop;
    if (!alive()) return;
    if ([...shown].some((key) => !runs.has(key))) {
      setPhase('starting');
      await startShownRuns();
      if (!alive()) return;
    }
    // Paused while the workers were starting: stay ready.
    if (!playing) {
      setPhase(restingPhase());
      setStatus(s.stateIdle);
      return;
    }
    setPhase('training');
    setStatus(s.stateTraining);
    announce(s.announceTraining);
    loop = race(alive);
  }

  function pause(): void {
    playing = false;
    scheduler.request('buttons');
  }

  async function reset(): Promise<void> {
    playing = false;
    jobs.next();
    setPhase('starting');
    await loop;
    await Promise.all([...runs.values()].map((run) => run.reset()));
    for (const key of RUN_KEYS) warn(key, null);
    setPhase(restingPhase());
    setStatus(runs.size > 0 ? s.stateReset : s.stateIdle);
    announce(s.announceReset);
    scheduler.request('readout', 'chart');
  }

  async function togglePlain(): Promise<void> {
    const on = plain.checked;
    if (on) shown.add('score');
    else shown.delete('score');
    showRun(figure, 'score', on);
    announce(fill(on ? s.announceRunAdded : s.announceRunRemoved, { run: names.short.score }));
    // Once the race has begun, a new run starts its worker now and the loop lets it catch up.
    if (on && runs.size > 0 && !runs.has('score')) await startShownRuns();
    if (!playing && phase !== 'starting') setPhase(restingPhase());
    scheduler.request('readout', 'chart', 'buttons');
  }

  const widthOf = (el: HTMLElement) => Math.max(260, Math.round(el.clientWidth || 640));
  const toggle = bindTableToggle(part<HTMLButtonElement>('table-toggle'), tableRegion, { show: s.showTable, hide: s.hideTable }, () =>
    tableRegion.replaceChildren(raceTable(s, views())),
  );
  const scheduler = frameScheduler<Part>((parts) => {
    const current = views();
    if (parts.has('readout')) {
      drawReadout(readout, current);
      summary.textContent = summaryText(s, current);
    }
    if (parts.has('chart')) {
      drawChart(canvas, description, s, current, widthOf(canvas));
      if (toggle.isOpen()) tableRegion.replaceChildren(raceTable(s, current));
    }
    if (parts.has('buttons')) {
      // aria-disabled rather than disabled: a button that was just pressed keeps the keyboard focus.
      const busy = phase === 'starting';
      trainButton.textContent = playing ? s.pause : phase === 'paused' ? s.resume : s.train;
      trainButton.setAttribute('aria-disabled', String(!playing && (busy || phase === 'finished' || phase === 'failed')));
      resetButton.setAttribute('aria-disabled', String(busy || runs.size === 0));
      plain.disabled = busy;
    }
  });

  const enabled = (button: HTMLButtonElement) => button.getAttribute('aria-disabled') !== 'true';
  trainButton.addEventListener('click', () => {
    if (!enabled(trainButton)) return;
    if (playing) pause();
    else void train();
  });
  resetButton.addEventListener('click', () => {
    if (enabled(resetButton)) void reset();
  });
  plain.addEventListener('change', () => void togglePlain());
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && playing) {
      resumeWhenVisible = true;
      pause();
    } else if (!document.hidden && resumeWhenVisible) {
      resumeWhenVisible = false;
      void loop.then(() => (phase === 'paused' ? train() : undefined));
    }
  });
  watchWidth(part('plots'), () => scheduler.request('chart'));

  part('static-note').hidden = true;
  part('table-toggle').hidden = false;
  for (const key of RUN_KEYS) showRun(figure, key, shown.has(key));
  for (const cell of readout.querySelectorAll('td')) cell.textContent = '—';
  part<HTMLFieldSetElement>('controls').disabled = false;
  setStatus(s.stateIdle);
  setPhase('ready');
  scheduler.request('readout', 'chart', 'buttons');
}
