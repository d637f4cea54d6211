/**
 * The interactive part of ToyLikelihood.astro, loaded with import() when the figure nears the viewport. Wiring only:
 * numbers from -state (closed forms), texts from -view, chart specs from -plots, drawing in -render, the fields in
 * -controls, the gradient-ascent climb in -climb (computed whole, then played; any other change cancels it).
 */
import { TOY_LIKELIHOOD_STRINGS } from '../../i18n/widgets/toy-likelihood';
import { DEFAULTS, type Settings } from './toy-likelihood-state';
import { announcement, climbStatus } from './toy-likelihood-view';
import { CHARTS, createRenderer, findParts, type Part } from './toy-likelihood-render';
import { bindControls } from './toy-likelihood-controls';
import { createClimb } from './toy-likelihood-climb';
import { frameScheduler, langOf, politeAnnouncer, watchWidth } from './kit';

const EVERYTHING: readonly Part[] = ['inputs', 'readout', 'status', ...CHARTS];

/** Starts the widget inside a server-rendered `figure[data-widget="toy-likelihood"]`. */
export function mount(figure: HTMLElement): void {
  const s = TOY_LIKELIHOOD_STRINGS[langOf(figure)];
  const parts = findParts(figure);
  let settings: Settings = { ...DEFAULTS };
  let status = '';
  const render = createRenderer(parts, s, { settings: () => settings, status: () => status });
  const announce = politeAnnouncer(parts.announce);
  const controls = bindControls(parts.controls, s, (next) => update(next));
  const scheduler = frameScheduler<Part>((asked) => {
    if (asked.has('inputs')) controls.show(settings);
    render(asked);
  });
  const setClimbing = (on: boolean) => {
    figure.dataset['state'] = on ? 'climbing' : 'ready';
    parts.ascend.textContent = on ? s.stopAscent : s.ascend;
  };
  const climb = createClimb({
    onFrame: (point, statusDue, steps) => {
      settings = { ...settings, w: point.w, b: point.b, s: point.s };
      if (statusDue) status = climbStatus(s, 'ascending', point, steps, settings);
      scheduler.request(...EVERYTHING);
    },
    onEnd: (phase, point, steps) => {
      status = climbStatus(s, phase, point, steps, settings);
      setClimbing(false);
      scheduler.request('status');
    },
  });
  /** Applies settings the reader chose (cancelling a climb in progress) and redraws everything in the next frame. */
  function update(next: Partial<Settings>): void {
    climb.stop('cancelled');
    settings = { ...settings, ...next };
    status = '';
    scheduler.request(...EVERYTHING);
    announce(announcement(s, settings));
  }

  parts.ascend.addEventListener('click', () =>
    climb.running() ? climb.stop('stopped') : (setClimbing(true), climb.start(settings)),
  );
  parts.reset.addEventListener('click', () => (controls.reset(), update({ ...DEFAULTS })));
  watchWidth(parts.plots, () => scheduler.request(...CHARTS));
  parts.staticNote.hidden = true;
  parts.controls.disabled = false;
  figure.dataset['state'] = 'ready';
  update({});
}
