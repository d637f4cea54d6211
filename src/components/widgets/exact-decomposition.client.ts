/**
 * The interactive part of ExactDecomposition.astro, loaded with import() when the figure nears the viewport. Wiring
 * only: numbers from -state (closed forms), texts and chart specs from -view, drawing in -render. "Fit q" computes
 * the whole path at once (400 steps of 1024 draws take about as long as one redraw) and plays it a few steps per
 * frame, or jumps to its end for reduced motion; any other change cancels it.
 */
import { createRng } from '../../core/random';
import { FIT_DEFAULTS, FIT_STEPS, fitPath, type FitPoint } from '../../core/toys/elbo-fit';
import { EXACT_DECOMPOSITION_STRINGS } from '../../i18n/widgets/exact-decomposition';
import { DEFAULTS, MODEL, posteriorSettings, proposalOf, type Settings } from './exact-decomposition-state';
import { fitStatus } from './exact-decomposition-view';
import { bindInputs, createRenderer, findParts, type Part } from './exact-decomposition-render';
import { frameScheduler, langOf, politeAnnouncer, watchWidth } from './kit';
import { playPath, type PathPlayback } from './play-path';

/** How long the fit plays, whatever the frame rate: the step shown grows as (elapsed / duration)², so the fast early
 * steps play slowly and the slow late ones quickly (at 60 frames a second, a few steps a frame on average). */
const FIT_DURATION_MS = 2500;
/** The status line (a live region) tells the fit's progress every this many steps, not every frame. */
const STATUS_EVERY = 100;
/** The seed of the fit's draws; each press of "Fit q" uses the next stream, so two fits differ but a reload repeats them. */
const FIT_SEED = 3;
const EVERYTHING: readonly Part[] = ['inputs', 'readout', 'status', 'bars', 'density'];

/** Starts the widget inside a server-rendered `figure[data-widget="exact-decomposition"]`. */
export function mount(figure: HTMLElement): void {
  const s = EXACT_DECOMPOSITION_STRINGS[langOf(figure)];
  const parts = findParts(figure);
  let settings: Settings = { ...DEFAULTS };
  let status = '';
  let fit: PathPlayback<FitPoint> | null = null;
  let fits = 0;
  const render = createRenderer(
    parts,
    s,
    { settings: () => settings, status: () => status, fitting: () => fit !== null },
    politeAnnouncer(parts.announce),
  );
  const inputs = bindInputs(parts, s, (setting, value) => update({ [setting]: value }));
  const scheduler = frameScheduler<Part>((asked) => {
    if (asked.has('inputs'))
      for (const setting of ['x', 'qMean', 'qStd'] as const) inputs[setting].show(settings[setting]);
    render(asked);
  });

  function stopFit(reason: 'done' | 'stopped' | 'cancelled'): void {
    if (!fit) return;
    fit.stop();
    status = fitStatus(s, reason, fit.current());
    fit = null;
    parts.fit.textContent = s.fit;
    figure.dataset['state'] = 'ready';
    scheduler.request('status');
  }
  function startFit(): void {
    const path = fitPath(MODEL, settings.x, proposalOf(settings), FIT_STEPS, FIT_DEFAULTS, createRng(FIT_SEED, fits++));
    figure.dataset['state'] = 'fitting';
    parts.fit.textContent = s.stopFit;
    fit = playPath(path, {
      durationMs: FIT_DURATION_MS,
      ease: (t) => t * t,
      statusEvery: STATUS_EVERY,
      onFrame: (point, statusDue) => {
        settings = { ...settings, qMean: point.mean, qStd: point.std };
        if (statusDue) status = fitStatus(s, 'fitting', point);
        scheduler.request(...EVERYTHING);
      },
      onDone: () => stopFit('done'),
    });
  }
  /** Applies settings the reader chose (cancelling a fit in progress) and redraws everything in the next frame. */
  function update(next: Partial<Settings>): void {
    stopFit('cancelled');
    settings = { ...settings, ...next };
    status = '';
    scheduler.request(...EVERYTHING);
  }

  parts.fit.addEventListener('click', () => (fit ? stopFit('stopped') : startFit()));
  parts.usePosterior.addEventListener('click', () => update(posteriorSettings(settings)));
  parts.reset.addEventListener('click', () => update({ qMean: DEFAULTS.qMean, qStd: DEFAULTS.qStd }));
  watchWidth(parts.plots, () => scheduler.request('bars', 'density'));
  parts.staticNote.hidden = true;
  parts.controls.disabled = false;
  figure.dataset['state'] = 'ready';
  update({});
}
