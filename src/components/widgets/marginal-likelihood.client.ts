/**
 * The interactive part of MarginalLikelihood.astro, loaded with import() when the figure nears the viewport. It only
 * wires: the settings and estimates live in -state/-estimates (no DOM), the texts and chart specs in -view/-plots, the
 * drawing in -render; here controls change the settings, the repeats run in slices, and each frame redraws once.
 */
import { MARGINAL_LIKELIHOOD_STRINGS } from '../../i18n/widgets/marginal-likelihood';
import {
  newDraws,
  togglePosterior,
  withSetting,
  shownValues,
  type NumericSetting,
  type Settings,
} from './marginal-likelihood-state';
import { createEstimates } from './marginal-likelihood-estimates';
import { announcement } from './marginal-likelihood-view';
import { createRenderer, findParts, type Part } from './marginal-likelihood-render';
import { bindSettingInputs } from './marginal-likelihood-controls';
import { JobGeneration, frameScheduler, langOf, politeAnnouncer, runInSlices, watchWidth } from './kit';

const EVERYTHING: readonly Part[] = ['inputs', 'stats', 'density', 'convergence', 'spread', 'status'];

/** Starts the widget inside a server-rendered `figure[data-widget="marginal-likelihood"]`. */
export function mount(figure: HTMLElement): void {
  const lang = langOf(figure);
  const s = MARGINAL_LIKELIHOOD_STRINGS[lang];
  const parts = findParts(figure);
  const estimates = createEstimates();
  const render = createRenderer(parts, s, lang, estimates);
  const announce = politeAnnouncer(parts.announce);
  const jobs = new JobGeneration();
  const inputs = bindSettingInputs(parts.controls, s, lang, (setting, value) =>
    update(withSetting(estimates.settings(), setting, value)),
  );
  const scheduler = frameScheduler<Part>((asked) => {
    if (asked.has('inputs'))
      for (const [setting, value] of Object.entries(shownValues(estimates.settings())))
        inputs[setting as NumericSetting].show(value);
    render(asked);
  });
  const setState = () => (figure.dataset['state'] = estimates.progress() < 1 ? 'computing' : 'ready');

  /** Fills the repeats in slices between frames; a newer change cancels this run and starts its own. */
  async function computeRepeats(): Promise<void> {
    const alive = jobs.next();
    setState();
    scheduler.request('status', 'stats', 'spread');
    const step = () => (estimates.stepRepeat() ? (scheduler.request('status'), true) : false);
    if (!(await runInSlices(step, alive))) return;
    setState();
    scheduler.request('status', 'stats', 'spread');
    announce(announcement(s, lang, estimates));
  }
  function update(next: Settings): void {
    estimates.update(next);
    scheduler.request(...EVERYTHING);
    void computeRepeats();
  }

  parts.usePosterior.addEventListener('click', () => update(togglePosterior(estimates.settings())));
  parts.newDraws.addEventListener('click', () => update(newDraws(estimates.settings())));
  watchWidth(parts.plots, () => scheduler.request('density', 'convergence', 'spread'));
  parts.staticNote.hidden = true;
  parts.controls.disabled = false;
  update(estimates.settings());
}
