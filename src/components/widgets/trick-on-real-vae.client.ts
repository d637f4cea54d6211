/**
 * The interactive part of TrickOnRealVae.astro, loaded with import() near the viewport. It only wires: the race (one
 * worker per run, stepped in lockstep) lives in -race, its phase and texts in -phase, the drawing in -render; here the
 * controls drive the race and each frame redraws once.
 */
import { TRICK_ON_REAL_VAE_STRINGS, fill } from '../../i18n/widgets/trick-on-real-vae';
import { backendRequest } from './lab/session';
import { ROUND_STEPS } from './trick-on-real-vae-state';
import { Race, type Part } from './trick-on-real-vae-race';
import { createRenderer, findParts, racePage, showLive } from './trick-on-real-vae-render';
import { runNames, showRun } from './trick-on-real-vae-view';
import { frameScheduler, langOf, politeAnnouncer, watchWidth } from './kit';

/**
 * Each worker runs tfjs on one thread (WASM is single-threaded without cross-origin isolation). On a 2-core machine
 * two workers computing at once would share both cores with the page and make it stutter, so there the runs take
 * turns and only one worker computes at a time; with 4 or more cores they compute side by side.
 */
const PARALLEL_CORES = 4;

/** Starts the widget inside a server-rendered `figure[data-widget="trick-on-real-vae"]`. */
export function mount(figure: HTMLElement): void {
  const s = TRICK_ON_REAL_VAE_STRINGS[langOf(figure)];
  const parts = findParts(figure);
  const parallel = (navigator.hardwareConcurrency || 2) >= PARALLEL_CORES;
  const wish = backendRequest(location.search);
  const announce = politeAnnouncer(parts.announce);
  const page = racePage(parts, { announce, request: (...asked) => scheduler.request(...asked) });
  const race = new Race(s, page, { parallel, wish });
  const scheduler = frameScheduler<Part>(createRenderer(parts, s, race));
  parts.sharing.textContent = fill(parallel ? s.shareParallel : s.shareSequential, { round: ROUND_STEPS });
  if (wish.error) page.warn('backend', wish.error);

  const enabled = (button: HTMLButtonElement) => button.getAttribute('aria-disabled') !== 'true';
  parts.train.addEventListener('click', () => {
    if (enabled(parts.train)) race.press();
  });
  parts.reset.addEventListener('click', () => {
    if (enabled(parts.reset)) void race.reset();
  });
  parts.plain.addEventListener('change', () => {
    const on = parts.plain.checked;
    showRun(figure, 'score', on);
    announce(fill(on ? s.announceRunAdded : s.announceRunRemoved, { run: runNames(s).short.score }));
    void race.showPlain(on);
  });
  document.addEventListener('visibilitychange', () => race.visibility(document.hidden));
  watchWidth(parts.plots, () => scheduler.request('chart'));

  showLive(parts, race);
  page.status(s.stateIdle);
  page.phase('ready');
  scheduler.request('readout', 'chart', 'buttons');
}
