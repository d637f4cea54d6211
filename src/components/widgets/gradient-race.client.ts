/**
 * The interactive part of GradientRace.astro, loaded with import() when the figure nears the viewport. Wiring only:
 * the repeated estimates live in -repeats (no DOM), texts and histogram specs in -view, drawing in -render, the fields
 * in -controls; here the repeats run in slices between frames (a change cancels them) and each frame redraws once.
 */
import { ESTIMATORS } from '../../core/toys/gradient-estimator-study';
import { GRADIENT_RACE_STRINGS } from '../../i18n/widgets/gradient-race';
import type { Settings } from './gradient-race-state';
import { createRepeats } from './gradient-race-repeats';
import { announcement } from './gradient-race-view';
import { createRenderer, findParts, type Part } from './gradient-race-render';
import { bindControls } from './gradient-race-controls';
import { JobGeneration, frameScheduler, langOf, politeAnnouncer, runInSlices, watchWidth } from './kit';

const EVERYTHING: readonly Part[] = ['inputs', 'stats', 'status', ...ESTIMATORS];

/** Starts the widget inside a server-rendered `figure[data-widget="gradient-race"]`. */
export function mount(figure: HTMLElement): void {
  const lang = langOf(figure);
  const s = GRADIENT_RACE_STRINGS[lang];
  const parts = findParts(figure);
  const repeats = createRepeats();
  const render = createRenderer(parts, s, lang, repeats);
  const announce = politeAnnouncer(parts.announce);
  const jobs = new JobGeneration();
  const inputs = bindControls(parts.controls, s, lang, (change) => update({ [change.setting]: change.value }));
  const scheduler = frameScheduler<Part>((asked) => {
    if (asked.has('inputs')) inputs.showAll(repeats.settings());
    render(asked);
  });
  const setState = () => (figure.dataset['state'] = repeats.progress() < 1 ? 'computing' : 'ready');

  /** Fills the repeats in slices between frames; a newer change cancels this run and starts its own. */
  async function computeRepeats(): Promise<void> {
    const alive = jobs.next();
    setState();
    scheduler.request('status', 'stats', ...ESTIMATORS);
    const step = () => (repeats.step() ? (scheduler.request('status'), true) : false);
    if (!(await runInSlices(step, alive))) return;
    figure.dataset['state'] = 'ready';
    scheduler.request('status', 'stats', ...ESTIMATORS);
    announce(announcement(s, lang, repeats));
  }
  /** Applies new settings: the controls, exact values and status redraw in the next frame; the repeats restart. */
  function update(next: Partial<Settings>): void {
    repeats.update({ ...repeats.settings(), ...next });
    scheduler.request(...EVERYTHING);
    void computeRepeats();
  }

  parts.newDraws.addEventListener('click', () => update({ seed: repeats.settings().seed + 1 }));
  watchWidth(parts.plots, () => scheduler.request(...ESTIMATORS));
  parts.staticNote.hidden = true;
  parts.controls.disabled = false;
  update({});
}
